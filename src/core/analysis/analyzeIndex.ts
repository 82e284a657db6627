import { createAreaLookup, inferAreas } from '../areas/areaLookup';
import { isInferredArea, type AreaMatch } from '../areas/areaMatch';
import { createBotMatcher } from '../identity/bots';
import { isMe } from '../identity/myIdentity';
import type { Person } from '../identity/person';
import { createPathFilter } from '../history/pathFilter';
import type { HistoryIndex } from '../index/historyIndex';
import { memoize } from '../memoize';
import { windowStartSeconds } from './analysisWindow';
import { activityFor, peopleOfArea, tallyDeletedChanges, tallyKnowledge, tallyWindowActivity, windowCommitsByPerson, type AreaActivity } from './areaActivity';
import type { AreaReport } from './areaReport';
import { AreaIndex } from './areas';
import { deFactoOwners, MAINTAINERS_KEPT } from './deFactoOwners';
import { areaJudgement } from './areaJudgement';
import { suggestionCandidates } from './suggestionCandidates';
import { decideNudge, type NudgeLevel } from './nudgeDecision';
import { resolveOwnerMembers, type OwnerMembers } from './ownerMembers';
import type { AnalysisContext, RepositoryAnalysis } from './repositoryAnalysis';
import { rankSuggestions } from './suggestions';

const LEVEL_ORDER: Record<NudgeLevel, number> = { nudge: 0, info: 1, none: 2 };

/** From a history index to one report per area. Pure: no git, no clock, no I/O. */
export function analyzeIndex(index: HistoryIndex, context: AnalysisContext): RepositoryAnalysis {
  const { settings, me } = context;
  const windowStart = windowStartSeconds(settings.windowDays, context.nowSeconds);
  if (windowStart < index.recentSinceSeconds) throw new Error('The history index does not reach back to the start of the window; read history again.');
  const countsPath = createPathFilter(settings.ignore);
  const isBot = createBotMatcher(settings.bots);
  const { people } = index;
  const inferredAreas = inferAreas(context.ownership, settings.areas.inferFromHistory, index.files, countsPath);
  const areas = new AreaIndex(createAreaLookup(context.ownership, inferredAreas));
  const windowCommitsBy = windowCommitsByPerson(index.recent, windowStart);

  const isMeKey = memoize((key: string) => {
    const person = people.get(key);
    return me.emails.has(key) || (person !== undefined && isMe(me, { name: person.name, email: person.email }));
  });
  const activity = new Map<string, AreaActivity>();
  tallyWindowActivity(index.recent, windowStart, areas, activity);
  tallyKnowledge(index.knowledge, index.files, countsPath, areas, activity, isMeKey);
  tallyDeletedChanges(index.deletedKnowledge, countsPath, areas, activity);

  const workedIn = workedInOwnerAreas(areas, activity);
  const membersOf = memoize((owner: string) =>
    resolveOwnerMembers(owner, { teams: settings.teams, people, me, workedInOwnerAreas: workedIn }),
  );

  const reports = [...areas.areas].map(([key, match]) => {
    const area = activityFor(activity, key);
    const owners = match.owners.map((owner) => ({ owner, members: membersOf(owner) }));
    return reportArea(match, area, owners, {
      context,
      people,
      isMeKey,
      isBot: (person: Person) => isBot({ name: person.name, email: person.email }),
      windowStartSeconds: windowStart,
      windowCommitsBy,
    });
  });
  reports.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || b.myShare - a.myShare || a.area.localeCompare(b.area));
  const byKey = new Map(reports.map((report) => [report.key, report]));
  return {
    head: index.head,
    windowDays: settings.windowDays,
    windowStartSeconds: windowStart,
    nowSeconds: context.nowSeconds,
    shallow: index.shallow,
    areas: reports,
    inferredAreas,
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
  readonly windowStartSeconds: number;
  readonly windowCommitsBy: ReadonlyMap<string, number>;
}

function reportArea(match: AreaMatch, area: AreaActivity, owners: ReadonlyArray<{ owner: string; members: OwnerMembers }>, context: ReportContext): AreaReport {
  const { settings, me, nowSeconds } = context.context;
  const inferred = isInferredArea(match);
  const ownerTeam = new Set(owners.flatMap(({ members }) => [...members.members]));
  const builders = inferred ? deFactoOwners(area.authoredFiles, { people: context.people, isMe: context.isMeKey, isBot: context.isBot, nowSeconds }) : [];
  // In an inferred area the people who built it are the owners to pair with, besides any team.
  const pairingPartners = new Set([...ownerTeam, ...builders.map((builder) => builder.key)]);
  let myCommits = 0;
  let pairedCommits = 0;
  let mySoloLines = 0;
  for (const { commit, lines } of area.windowCommits) {
    if (!context.isMeKey(commit.author)) continue;
    myCommits++;
    const paired = commit.coAuthors.some((coAuthor) => pairingPartners.has(coAuthor) && !context.isMeKey(coAuthor));
    if (paired) pairedCommits++;
    else mySoloLines += lines;
  }
  const soloCommits = myCommits - pairedCommits;
  const myKeys = [...area.authoredFiles.keys()].filter(context.isMeKey);
  const myKnownFiles = myKeys.reduce((sum, k) => sum + (area.authoredFiles.get(k) ?? 0), 0);
  const judgement = areaJudgement({ match, owners, me, inferred, files: area.files, myKnownFiles, knownByOthers: area.knownByOthers });
  const decision = decideNudge({
    area: match.area,
    windowDays: settings.windowDays,
    commits: area.commits,
    soloCommits,
    pairedCommits,
    lines: area.lines,
    mySoloLines,
    mineBecause: judgement.mineBecause,
    notTheirs: judgement.notTheirs,
    shareThreshold: settings.nudge.shareThreshold,
    minCommits: settings.nudge.minCommits,
  });
  const membersInferred = !inferred && owners.some(({ members }) => members.inferred);
  // Inferred areas: configured members of the catch-all's teams who work here, else history is the team.
  const { candidates, fromHistory } = inferred ? suggestionCandidates(owners, area) : { candidates: ownerTeam, fromHistory: membersInferred };
  const suggestions = rankSuggestions({
    area: match.area,
    activity: area,
    candidates,
    inferred: membersInferred,
    teamFromHistory: fromHistory,
    areaPeople: peopleOfArea(area),
    windowCommitsBy: context.windowCommitsBy,
    people: context.people,
    isMe: context.isMeKey,
    isBot: context.isBot,
    windowStartSeconds: context.windowStartSeconds,
    windowDays: settings.windowDays,
    nowSeconds,
    limit: context.context.suggestionLimit ?? 3,
  });
  return {
    ...match,
    maintainers: builders.slice(0, MAINTAINERS_KEPT).map(({ key: _key, ...maintainer }) => maintainer),
    commits: area.commits,
    myCommits,
    pairedCommits,
    soloCommits,
    lines: area.lines,
    myLines: mySoloLines,
    commitShare: decision.commitShare,
    lineShare: decision.lineShare,
    myShare: decision.myShare,
    level: decision.level,
    reasons: [...decision.reasons, ...judgement.reasons],
    suggestions,
    membersInferred,
    files: area.files,
    myKnownFiles,
    mySoleKnownFiles: myKeys.reduce((sum, k) => sum + (area.soleAuthoredFiles.get(k) ?? 0), 0),
  };
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
