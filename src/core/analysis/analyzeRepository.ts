import type { MultiplierSettings } from '../config/settings';
import { createBotMatcher } from '../identity/bots';
import { isMe, ownerIsMe, type MyIdentity } from '../identity/myIdentity';
import { createPathFilter } from '../history/pathFilter';
import type { HistoryCommit, RepositoryHistory } from '../history/repositoryHistory';
import type { OwnershipMatch, OwnershipSource } from '../ownership/types';
import { activityFor, tallyKnowledge, tallyWindowActivity, type AreaActivity } from './areaActivity';
import { AreaIndex, type OwnerLookup } from './areas';
import type { Contribution, Person } from './contributions';
import { HistoryIndexBuilder, type HistoryIndex, type IndexRules } from '../index/historyIndex';
import { decideNudge, type NudgeLevel } from './nudgeDecision';
import { resolveOwnerMembers, type OwnerMembers } from './ownerMembers';
import { rankSuggestions, type Suggestion } from './suggestions';

/** What every analysis needs besides the history. */
export interface AnalysisContext {
  readonly settings: MultiplierSettings;
  readonly ownerOf: OwnerLookup;
  readonly me: MyIdentity;
  /** Evaluation time, milliseconds since the epoch. */
  readonly now: number;
  /** How many people to suggest per area. */
  readonly suggestionLimit?: number;
}

export interface AnalysisInput extends AnalysisContext {
  readonly history: RepositoryHistory;
  /** Shas from `.git-blame-ignore-revs`. */
  readonly ignoredRevisions: readonly string[];
}

export interface AreaReport {
  readonly key: string;
  readonly area: string;
  readonly owners: readonly string[];
  readonly source: OwnershipSource;
  readonly sourcePath: string;
  readonly commits: number;
  readonly myCommits: number;
  readonly pairedCommits: number;
  readonly lines: number;
  readonly myLines: number;
  readonly commitShare: number;
  readonly lineShare: number;
  readonly myShare: number;
  readonly level: NudgeLevel;
  readonly reasons: readonly string[];
  readonly suggestions: readonly Suggestion[];
  /** True when any owner's members had to be inferred from history. */
  readonly membersInferred: boolean;
  readonly files: number;
  /** Files of the area I am a DOA author of, and those where I am the only one. */
  readonly myKnownFiles: number;
  readonly mySoleKnownFiles: number;
}

export interface RepositoryAnalysis {
  readonly head: string;
  readonly windowDays: number;
  /** Seconds since the epoch. */
  readonly windowStart: number;
  readonly now: number;
  readonly shallow: boolean;
  /** Every owned area with activity or files, nudges first. */
  readonly areas: readonly AreaReport[];
  /** The area report for a path, or undefined when nobody owns the path. */
  readonly areaOf: (path: string) => AreaReport | undefined;
  /** Counted contributions of the recent window and before it, newest first (for the handoff note). */
  readonly contributions: readonly Contribution[];
  readonly people: ReadonlyMap<string, Person>;
  /** Whether a person key is me (by email, GitHub handle or an alias name). */
  readonly isMe: (personKey: string) => boolean;
}

const LEVEL_ORDER: Record<NudgeLevel, number> = { nudge: 0, info: 1, none: 2 };

/** The rules that decide what counts, from settings and `.git-blame-ignore-revs`. */
export function indexRules(settings: MultiplierSettings, ignoredRevisions: readonly string[]): IndexRules {
  return { isBot: createBotMatcher(settings.bots), countsPath: createPathFilter(settings.ignore), ignoredRevisions };
}

/** Seconds since the epoch at which the window of `settings` starts, at `now` (milliseconds). */
export function windowStartOf(settings: MultiplierSettings, now: number): number {
  return Math.floor(now / 1000) - settings.windowDays * 24 * 60 * 60;
}

/** From raw history (newest first, as git logs it) to one report per team-owned area. Pure. */
export function analyzeRepository(input: AnalysisInput): RepositoryAnalysis {
  const builder = new HistoryIndexBuilder(indexRules(input.settings, input.ignoredRevisions), windowStartOf(input.settings, input.now));
  for (let i = input.history.commits.length - 1; i >= 0; i--) builder.add(input.history.commits[i] as HistoryCommit);
  return analyzeIndex(builder.build(input.history.head, input.history.files, input.history.shallow), input);
}

/** From a history index to one report per team-owned area. Pure: no git, no clock, no I/O. */
export function analyzeIndex(index: HistoryIndex, context: AnalysisContext): RepositoryAnalysis {
  const { settings, me } = context;
  const windowStart = windowStartOf(settings, context.now);
  if (windowStart < index.recentSince) throw new Error('The history index does not reach back to the start of the window; read history again.');
  const countsPath = createPathFilter(settings.ignore);
  const isBot = createBotMatcher(settings.bots);
  const { people } = index;
  const areas = new AreaIndex(context.ownerOf);
  const activity = new Map<string, AreaActivity>();
  tallyWindowActivity(index.recent, windowStart, areas, activity);
  tallyKnowledge(index.knowledge, index.files, countsPath, areas, activity);

  const isMeKey = memoize((key: string) => {
    const person = people.get(key);
    return me.emails.has(key) || (person !== undefined && isMe(me, { name: person.name, email: person.email }));
  });
  const workedIn = workedInOwnerAreas(areas, activity);
  const membersOf = memoize((owner: string) =>
    resolveOwnerMembers(owner, { teams: settings.teams, people, me, workedInOwnerAreas: workedIn }),
  );

  const reports = [...areas.areas].map(([key, match]) => {
    const area = activityFor(activity, key);
    const owners = match.owners.map((owner) => ({ owner, members: membersOf(owner) }));
    return reportArea(key, match, area, owners, {
      context,
      people,
      isMeKey,
      isBot: (person: Person) => isBot({ name: person.name, email: person.email }),
      windowStart,
      nowSeconds: Math.floor(context.now / 1000),
    });
  });
  reports.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || b.myShare - a.myShare || a.area.localeCompare(b.area));
  const byKey = new Map(reports.map((report) => [report.key, report]));
  return {
    head: index.head,
    windowDays: settings.windowDays,
    windowStart,
    now: Math.floor(context.now / 1000),
    shallow: index.shallow,
    areas: reports,
    areaOf: (path) => {
      const key = areas.areaOf(path);
      return key === undefined ? undefined : byKey.get(key);
    },
    contributions: index.recent,
    people,
    isMe: isMeKey,
  };
}

interface ReportContext {
  readonly context: AnalysisContext;
  readonly people: ReadonlyMap<string, Person>;
  readonly isMeKey: (key: string) => boolean;
  readonly isBot: (person: Person) => boolean;
  readonly windowStart: number;
  readonly nowSeconds: number;
}

function reportArea(
  key: string,
  match: OwnershipMatch,
  area: AreaActivity,
  owners: ReadonlyArray<{ owner: string; members: OwnerMembers }>,
  context: ReportContext,
): AreaReport {
  const { settings, me } = context.context;
  const ownerTeam = new Set(owners.flatMap(({ members }) => [...members.members]));
  let myCommits = 0;
  let pairedCommits = 0;
  let mySoloLines = 0;
  for (const { commit, lines } of area.windowCommits) {
    if (!context.isMeKey(commit.author)) continue;
    myCommits++;
    const paired = commit.coAuthors.some((coAuthor) => ownerTeam.has(coAuthor) && !context.isMeKey(coAuthor));
    if (paired) pairedCommits++;
    else mySoloLines += lines;
  }
  const decision = decideNudge({
    area: match.area,
    windowDays: settings.windowDays,
    commits: area.commits,
    myCommits,
    pairedCommits,
    lines: area.lines,
    mySoloLines,
    mineBecause: mineBecause(match, owners, me),
    shareThreshold: settings.nudge.shareThreshold,
    minCommits: settings.nudge.minCommits,
  });
  const myKeys = [...area.authoredFiles.keys()].filter(context.isMeKey);
  const suggestions = rankSuggestions({
    area: match.area,
    activity: area,
    candidates: ownerTeam,
    inferred: owners.some(({ members }) => members.inferred),
    people: context.people,
    isMe: context.isMeKey,
    isBot: context.isBot,
    windowStart: context.windowStart,
    windowDays: settings.windowDays,
    now: context.nowSeconds,
    limit: context.context.suggestionLimit ?? 3,
  });
  return {
    key,
    area: match.area,
    owners: match.owners,
    source: match.source,
    sourcePath: match.sourcePath,
    commits: area.commits,
    myCommits,
    pairedCommits,
    lines: area.lines,
    myLines: mySoloLines,
    commitShare: decision.commitShare,
    lineShare: decision.lineShare,
    myShare: decision.myShare,
    level: decision.level,
    reasons: decision.reasons,
    suggestions,
    membersInferred: owners.some(({ members }) => members.inferred),
    files: area.files,
    myKnownFiles: myKeys.reduce((sum, k) => sum + (area.authoredFiles.get(k) ?? 0), 0),
    mySoleKnownFiles: myKeys.reduce((sum, k) => sum + (area.soleAuthoredFiles.get(k) ?? 0), 0),
  };
}

function mineBecause(match: OwnershipMatch, owners: ReadonlyArray<{ owner: string; members: OwnerMembers }>, me: MyIdentity): string | undefined {
  const where = match.source === 'settings' ? 'multiplier.ownershipMap' : match.sourcePath;
  const named = owners.find(({ owner }) => ownerIsMe(me, owner));
  if (named) return `you are listed as an owner (${named.owner} in ${where})`;
  const member = owners.find(({ members }) => members.includesMe);
  if (member) return `you are a member of ${member.owner}, which owns it`;
  return undefined;
}

/** People who know (DOA) or recently changed each owner's areas, for inferring team members. */
function workedInOwnerAreas(areas: AreaIndex, activity: ReadonlyMap<string, AreaActivity>): (owner: string) => ReadonlySet<string> {
  const byOwner = new Map<string, Set<string>>();
  for (const [key, match] of areas.areas) {
    const area = activity.get(key);
    if (!area) continue;
    for (const owner of match.owners) {
      const people = byOwner.get(owner) ?? new Set<string>();
      for (const person of area.authoredFiles.keys()) people.add(person);
      for (const person of area.commitsBy.keys()) people.add(person);
      byOwner.set(owner, people);
    }
  }
  return (owner) => byOwner.get(owner) ?? new Set();
}

function memoize<T>(compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, compute(key));
    return cache.get(key) as T;
  };
}
