import { createAreaLookup, inferAreas } from '../areas/areaLookup';
import { isInferredArea, type AreaMatch } from '../areas/areaMatch';
import { createBotMatcher } from '../identity/bots';
import { isMe } from '../identity/myIdentity';
import type { Person } from '../identity/person';
import { createPathFilter } from '../history/pathFilter';
import type { HistoryIndex } from '../index/historyIndex';
import { memoize, memoizeBy } from '../memoize';
import { windowStartSeconds } from './analysisWindow';
import { activityFor, collectRecentCommits, peopleOfArea, tallyDeletedChanges, tallyKnowledge, tallyWindowActivity, windowCommitsByPerson, type AreaActivity, type YearCommit } from './areaActivity';
import type { AreaReport } from './areaReport';
import { areaJudgement } from './areaJudgement';
import { AreaIndex } from './areas';
import { workBalance, type Balance, type BalanceArea } from './balance';
import { deFactoOwners, MAINTAINERS_KEPT, type Maintainer } from './deFactoOwners';
import { changedDecisionFiles, createDecisionFileMatcher, type DecisionFileMatcher } from './decisionFiles';
import { findDives } from './dives';
import { decideNudge, type NudgeLevel } from './nudgeDecision';
import { resolveOwnerMembers, type OwnerMembers } from './ownerMembers';
import { areaOwnerPeople, isPairedWithOwners } from './ownerPeople';
import type { AnalysisContext, RepositoryAnalysis } from './repositoryAnalysis';
import { suggestionCandidates } from './suggestionCandidates';
import { rankSuggestions } from './suggestions';
import type { Contribution } from '../history/contributions';
import { DIVE_LOOKBACK_DAYS } from './analysisWindow';

const LEVEL_ORDER: Record<NudgeLevel, number> = { nudge: 0, info: 1, none: 2 };

/** From a history index to one report per area. Pure: no git, no clock, no I/O. */
export function analyzeIndex(index: HistoryIndex, context: AnalysisContext): RepositoryAnalysis {
  const { settings, me } = context;
  const windowStart = windowStartSeconds(settings.windowDays, context.nowSeconds);
  if (windowStart < index.linesSinceSeconds) throw new Error('The history index does not reach back to the start of the window; read history again.');
  // The filter remembers each path's answer: HEAD's files are asked twice (inferring the folders, crediting knowledge).
  const countsPath = context.pathFilter ?? createPathFilter(settings.ignore);
  const isBot = createBotMatcher(settings.bots, settings.agents);
  const { people } = index;
  const isMeKey = memoize((key: string) => {
    const person = people.get(key);
    return me.emails.has(key) || (person !== undefined && isMe(me, { name: person.name, email: person.email }));
  });
  const inferredAreas = inferAreas(context.ownership, settings.areas.inferFromHistory, index.files, countsPath);
  const areas = new AreaIndex(createAreaLookup(context.ownership, inferredAreas));
  const activity = new Map<string, AreaActivity>();
  tallyWindowActivity(index.recent, windowStart, areas, activity);
  tallyKnowledge(index.knowledge, index.files, countsPath, areas, activity, isMeKey);
  tallyDeletedChanges(index.deletedKnowledge, countsPath, areas, activity);
  const windowCommitsBy = windowCommitsByPerson(index.recent, windowStart);
  const ownedAreas = [...areas.areas];
  const divesSince = windowStartSeconds(DIVE_LOOKBACK_DAYS, context.nowSeconds);
  collectRecentCommits(index, divesSince, isMeKey, (path) => areas.areaOf(path), activity);

  const workedIn = workedInOwnerAreas(areas, activity);
  const membersOf = memoize((owner: string) =>
    resolveOwnerMembers(owner, { teams: settings.teams, people, me, workedInOwnerAreas: workedIn }),
  );

  const reportContext: ReportContext = {
    context,
    people,
    isMeKey,
    // Asked for every candidate of every area: once per person is enough.
    isBot: memoizeBy((person: Person) => person.key, (person: Person) => isBot({ name: person.name, email: person.email })),
    isDecisionFile: createDecisionFileMatcher(settings.decisionFiles),
    windowStartSeconds: windowStart,
    windowCommitsBy,
  };
  const balanceAreas = new Map<string, BalanceArea>();
  const mySolo = new Map<string, Contribution[]>();
  const reports = ownedAreas.map(([key, match]) => {
    const area = activityFor(activity, key);
    const owners = match.owners.map((owner) => ({ owner, members: membersOf(owner) }));
    // An inferred area's de facto owners: the people who built it (never me or bots).
    const builders = isInferredArea(match) ? deFactoOwners(area.authoredFiles, { people, isMe: isMeKey, isBot: reportContext.isBot, nowSeconds: context.nowSeconds }) : [];
    // Who owns the area as people: pairing, dives, the follow-up and the balance all ask this.
    const ownerPeople = areaOwnerPeople(owners, builders);
    const pairedIn = (commit: YearCommit): boolean => isPairedWithOwners(commit, ownerPeople, isMeKey);
    const isMySolo = (commit: YearCommit): boolean => isMeKey(commit.author) && !pairedIn(commit);
    const report = reportArea(match, area, owners, { ownerPeople, builders, isMySolo }, reportContext);
    balanceAreas.set(key, { isMine: report.isMine, pairedIn });
    mySolo.set(key, area.windowCommits.map(({ commit }) => commit).filter(isMySolo));
    return report;
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
    earlierCommits: index.earlier,
    people,
    isMe: isMeKey,
    balance: myBalance(index.recent, windowStart, isMeKey, (path) => areas.areaOf(path), (key) => balanceAreas.get(key)),
    mySoloCommits: (key) => mySolo.get(key) ?? [],
  };
}

function myBalance(
  contributions: readonly Contribution[],
  windowStart: number,
  isMe: (key: string) => boolean,
  areaOf: (path: string) => string | undefined,
  area: (key: string) => BalanceArea | undefined,
): Balance {
  const mine = contributions.filter((c) => c.counted && c.time >= windowStart && isMe(c.author));
  return workBalance(mine, areaOf, area);
}

interface ReportContext {
  readonly context: AnalysisContext;
  readonly people: ReadonlyMap<string, Person>;
  readonly isMeKey: (key: string) => boolean;
  readonly isBot: (person: Person) => boolean;
  readonly isDecisionFile: DecisionFileMatcher;
  readonly windowStartSeconds: number;
  readonly windowCommitsBy: ReadonlyMap<string, number>;
}

function reportArea(
  match: AreaMatch,
  area: AreaActivity,
  owners: ReadonlyArray<{ owner: string; members: OwnerMembers }>,
  ownedBy: {
    readonly ownerPeople: ReadonlySet<string>;
    readonly builders: ReadonlyArray<Maintainer & { readonly key: string }>;
    /** My commit, not paired with the area's owners. */
    readonly isMySolo: (commit: YearCommit) => boolean;
  },
  context: ReportContext,
): AreaReport {
  const { settings, me } = context.context;
  const { key } = match;
  const inferred = isInferredArea(match);
  const { ownerPeople: ownerTeam, isMySolo } = ownedBy;
  let myCommits = 0;
  let pairedCommits = 0;
  let mySoloLines = 0;
  let aiAssistedCommits = 0;
  for (const { commit, lines } of area.windowCommits) {
    if (!context.isMeKey(commit.author)) continue;
    myCommits++;
    if (!isMySolo(commit)) {
      pairedCommits++;
      continue;
    }
    mySoloLines += lines;
    if (commit.aiAssisted) aiAssistedCommits++;
  }
  const soloCommits = myCommits - pairedCommits;
  const myKeys = [...area.authoredFiles.keys()].filter(context.isMeKey);
  const myKnownFiles = myKeys.reduce((sum, k) => sum + (area.authoredFiles.get(k) ?? 0), 0);
  const judgement = areaJudgement({ match, owners, me, inferred, files: area.files, myKnownFiles, knownByOthers: area.knownByOthers });
  const isMine = judgement.mineBecause !== undefined;
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
  const year = isMine ? { dives: [], ownerChanges: [] } : yearSignals(key, match.area, area, ownerTeam, isMySolo, context);
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
    nowSeconds: context.context.nowSeconds,
    limit: context.context.suggestionLimit ?? 3,
  });
  return {
    // Every field named, none spread: one object shape for every report (thousands of areas with a large CODEOWNERS).
    key: match.key,
    area: match.area,
    owners: match.owners,
    source: match.source,
    sourcePath: match.sourcePath,
    rule: match.rule,
    directory: match.directory,
    maintainers: ownedBy.builders.slice(0, MAINTAINERS_KEPT).map(({ key: _key, ...maintainer }) => maintainer),
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
    isMine,
    aiAssistedCommits,
    // Only my solo commits move decisions: none, none to name (most areas, for most people).
    decisionFiles:
      soloCommits === 0
        ? []
        : changedDecisionFiles(
            [...area.windowCommits].reverse().map(({ commit }) => ({ changes: commit.changes, mine: isMySolo(commit) })),
            context.isDecisionFile,
          ),
    othersLinesReplaced: null,
    dives: year.dives,
    ownerChanges: year.ownerChanges,
  };
}

/**
 * My dives into the area over the year, each with the owners' changes after it, and the owners'
 * changes of that year (what a handoff is followed by). Both read the year's commits in the
 * area, which are only collected where I changed it (collectRecentCommits).
 */
function yearSignals(
  key: string,
  name: string,
  area: AreaActivity,
  ownerPeople: ReadonlySet<string>,
  isMySolo: (commit: YearCommit) => boolean,
  context: ReportContext,
): Pick<AreaReport, 'dives' | 'ownerChanges'> {
  if (area.recentCommits.length === 0) return { dives: [], ownerChanges: [] };
  const ownersCommits = area.recentCommits.filter((commit) => ownerPeople.has(commit.author) && !context.isMeKey(commit.author));
  return {
    dives: findDives({
      areaKey: key,
      area: name,
      mySoloCommits: area.recentCommits.filter(isMySolo).map((commit) => ({ timeSeconds: commit.time, aiAssisted: commit.aiAssisted })),
      ownerChangeTimes: ownersCommits.map((commit) => commit.time),
    }),
    ownerChanges: ownersCommits.map((commit) => ({ timeSeconds: commit.time, name: context.people.get(commit.author)?.name ?? commit.author })).reverse(),
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
