/**
 * The members Multiplier infers for each team of the ownership rules, as the analysis does for a
 * team that `multiplier.teams` does not list: the same area tallies and the same
 * `resolveOwnerMembers`, so a draft of the setting holds exactly who the extension would assume.
 * Pure: it reads a finished scan and runs no git.
 */
import { tallyKnowledge, tallyWindowActivity, type AreaActivity } from '../analysis/areaActivity';
import { AreaIndex } from '../analysis/areas';
import { resolveOwnerMembers } from '../analysis/ownerMembers';
import { isTeamHandle } from '../config/ownerTokens';
import { createPathFilter } from '../history/pathFilter';
import { createBotMatcher } from '../identity/bots';
import { createOwnershipResolver } from '../ownership/ownershipResolver';
import type { ScanResult } from '../scan/scanRepository';

export interface InferredMember {
  /** As the person's latest commit spells it (after the mailmap). */
  readonly email: string;
  readonly name: string;
  /** Counted commits in the team's areas within the window. */
  readonly recentChanges: number;
  /** Files of the team's areas the person is a DOA author of. */
  readonly knownFiles: number;
  /** Seconds since the epoch of the person's latest counted commit anywhere. */
  readonly lastActive: number;
}

export interface InferredTeam {
  /** The handle as first written in the rules. */
  readonly team: string;
  /** Most active first; never me, never a bot. Empty when nobody in history works in its areas. */
  readonly members: readonly InferredMember[];
}

export interface TeamInference {
  /** Every `@org/team` owner of the ownership rules (CODEOWNERS and `multiplier.ownershipMap`), by handle. */
  readonly teams: readonly InferredTeam[];
  /** The CODEOWNERS file read, if any. */
  readonly codeownersPath: string | undefined;
  /** Whether `multiplier.ownershipMap` has rules. */
  readonly hasOwnershipMap: boolean;
  readonly windowDays: number;
}

export type TeamInferenceInput = Pick<ScanResult, 'index' | 'ownership' | 'settings' | 'me' | 'analysis' | 'codeowners'>;

export function inferTeams(scan: TeamInferenceInput): TeamInference {
  const { index, settings, analysis } = scan;
  const resolver = createOwnershipResolver(scan.ownership);
  const areas = new AreaIndex((path) => resolver.ownerOf(path));
  const activity = new Map<string, AreaActivity>();
  tallyWindowActivity(index.recent, analysis.windowStartSeconds, areas, activity);
  tallyKnowledge(index.knowledge, index.files, createPathFilter(settings.ignore), areas, activity);

  // Per owner as written (the analysis keys inference that way), every area's people and counts.
  const byOwner = new Map<string, { people: Set<string>; recent: Map<string, number>; known: Map<string, number> }>();
  for (const [key, match] of areas.areas) {
    const area = activity.get(key);
    if (!area) continue;
    for (const owner of match.owners) {
      const entry = byOwner.get(owner) ?? { people: new Set<string>(), recent: new Map<string, number>(), known: new Map<string, number>() };
      for (const [person, files] of area.authoredFiles) {
        entry.people.add(person);
        entry.known.set(person, (entry.known.get(person) ?? 0) + files);
      }
      for (const [person, commits] of area.commitsBy) {
        entry.people.add(person);
        entry.recent.set(person, (entry.recent.get(person) ?? 0) + commits);
      }
      byOwner.set(owner, entry);
    }
  }

  const isBot = createBotMatcher(settings.bots, settings.agents);
  const teams = teamHandles(scan).map(({ team, spellings }) => {
    const members = new Map<string, InferredMember>();
    for (const owner of spellings) {
      const entry = byOwner.get(owner);
      const inferred = resolveOwnerMembers(owner, {
        // Configured teams are ignored on purpose: the draft is what inference alone would say.
        teams: {},
        people: index.people,
        me: scan.me,
        workedInOwnerAreas: () => entry?.people ?? new Set(),
      });
      for (const key of inferred.members) {
        const person = index.people.get(key);
        if (!person || isBot({ name: person.name, email: person.email })) continue;
        const previous = members.get(key);
        members.set(key, {
          email: person.email,
          name: person.name,
          recentChanges: (previous?.recentChanges ?? 0) + (entry?.recent.get(key) ?? 0),
          knownFiles: (previous?.knownFiles ?? 0) + (entry?.known.get(key) ?? 0),
          lastActive: person.lastActive,
        });
      }
    }
    return { team, members: [...members.values()].sort(mostActiveFirst) };
  });
  return {
    teams,
    codeownersPath: scan.codeowners?.sourcePath,
    hasOwnershipMap: scan.ownership.settingsRules.length > 0,
    windowDays: analysis.windowDays,
  };
}

/** Recent changes in the team's areas, then knowledge of its files, then latest activity. */
function mostActiveFirst(a: InferredMember, b: InferredMember): number {
  return b.recentChanges - a.recentChanges || b.knownFiles - a.knownFiles || b.lastActive - a.lastActive || a.email.localeCompare(b.email);
}

/**
 * The `@org/team` owners of every rule, one per handle (`multiplier.teams` matches handles
 * case-insensitively), with every spelling the rules use, sorted by handle.
 */
function teamHandles(scan: TeamInferenceInput): Array<{ team: string; spellings: string[] }> {
  const byHandle = new Map<string, { team: string; spellings: string[] }>();
  for (const rule of [...scan.ownership.codeownersRules, ...scan.ownership.settingsRules]) {
    if (rule.exclusion) continue;
    for (const owner of rule.owners) {
      if (!isTeamHandle(owner)) continue;
      const handle = owner.toLowerCase();
      const entry = byHandle.get(handle) ?? { team: owner, spellings: [] };
      if (!entry.spellings.includes(owner)) entry.spellings.push(owner);
      byHandle.set(handle, entry);
    }
  }
  return [...byHandle.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, entry]) => entry);
}
