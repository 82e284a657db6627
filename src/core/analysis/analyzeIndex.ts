import { createBotMatcher } from '../identity/bots';
import { isMe, ownerIsMe, type MyIdentity } from '../identity/myIdentity';
import type { Person } from '../identity/person';
import { createPathFilter } from '../history/pathFilter';
import type { HistoryIndex } from '../index/historyIndex';
import { memoize } from '../memoize';
import type { OwnershipMatch } from '../ownership/types';
import { windowStartSeconds } from './analysisWindow';
import { activityFor, collectRecentCommits, peopleOfArea, tallyDeletedChanges, tallyKnowledge, tallyWindowActivity, windowCommitsByPerson, type AreaActivity } from './areaActivity';
import type { AreaReport } from './areaReport';
import { AreaIndex } from './areas';
import { workBalance, type Balance, type BalanceArea } from './balance';
import { changedDecisionFiles, createDecisionFileMatcher, type DecisionFileMatcher } from './decisionFiles';
import { findDives, type Dive } from './dives';
import { decideNudge, type NudgeLevel } from './nudgeDecision';
import { resolveOwnerMembers, type OwnerMembers } from './ownerMembers';
import { areaOwnerPeople, isPairedWithOwners } from './ownerPeople';
import type { AnalysisContext, RepositoryAnalysis } from './repositoryAnalysis';
import { rankSuggestions } from './suggestions';
import type { Contribution } from '../history/contributions';
import { DIVE_LOOKBACK_DAYS } from './analysisWindow';

const LEVEL_ORDER: Record<NudgeLevel, number> = { nudge: 0, info: 1, none: 2 };

/** From a history index to one report per team-owned area. Pure: no git, no clock, no I/O. */
export function analyzeIndex(index: HistoryIndex, context: AnalysisContext): RepositoryAnalysis {
  const { settings, me } = context;
  const windowStart = windowStartSeconds(settings.windowDays, context.nowSeconds);
  if (windowStart < index.linesSinceSeconds) throw new Error('The history index does not reach back to the start of the window; read history again.');
  const countsPath = createPathFilter(settings.ignore);
  const isBot = createBotMatcher(settings.bots, settings.agents);
  const { people } = index;
  const areas = new AreaIndex(context.ownerOf);
  const activity = new Map<string, AreaActivity>();
  tallyWindowActivity(index.recent, windowStart, areas, activity);
  tallyKnowledge(index.knowledge, index.files, countsPath, areas, activity);
  tallyDeletedChanges(index.deletedKnowledge, countsPath, areas, activity);
  const windowCommitsBy = windowCommitsByPerson(index.recent, windowStart);
  const ownedAreas = [...areas.areas];
  const divesSince = windowStartSeconds(DIVE_LOOKBACK_DAYS, context.nowSeconds);
  collectRecentCommits(index.recent.filter((c) => c.time >= divesSince), (path) => areas.areaOf(path), activity);

  const isMeKey = memoize((key: string) => {
    const person = people.get(key);
    return me.emails.has(key) || (person !== undefined && isMe(me, { name: person.name, email: person.email }));
  });
  const workedIn = workedInOwnerAreas(areas, activity);
  const membersOf = memoize((owner: string) =>
    resolveOwnerMembers(owner, { teams: settings.teams, people, me, workedInOwnerAreas: workedIn }),
  );

  const reportContext: ReportContext = {
    context,
    people,
    isMeKey,
    isBot: (person: Person) => isBot({ name: person.name, email: person.email }),
    isDecisionFile: createDecisionFileMatcher(settings.decisionFiles),
    windowStartSeconds: windowStart,
    windowCommitsBy,
  };
  const balanceAreas = new Map<string, BalanceArea>();
  const mySolo = new Map<string, Contribution[]>();
  const reports = ownedAreas.map(([key, match]) => {
    const area = activityFor(activity, key);
    const owners = match.owners.map((owner) => ({ owner, members: membersOf(owner) }));
    // Who owns the area as people: pairing, dives, the follow-up and the balance all ask this.
    const ownerPeople = areaOwnerPeople(owners);
    const pairedIn = (commit: Contribution): boolean => isPairedWithOwners(commit, ownerPeople, isMeKey);
    const report = reportArea(key, match, area, owners, ownerPeople, reportContext);
    balanceAreas.set(key, { isMine: report.isMine, pairedIn });
    mySolo.set(key, area.windowCommits.map(({ commit }) => commit).filter((commit) => isMeKey(commit.author) && !pairedIn(commit)));
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
    areaOf: (path) => {
      const key = areas.areaOf(path);
      return key === undefined ? undefined : byKey.get(key);
    },
    contributions: index.recent,
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
  key: string,
  match: OwnershipMatch,
  area: AreaActivity,
  owners: ReadonlyArray<{ owner: string; members: OwnerMembers }>,
  ownerTeam: ReadonlySet<string>,
  context: ReportContext,
): AreaReport {
  const { settings, me } = context.context;
  const isMySolo = (commit: Contribution): boolean => context.isMeKey(commit.author) && !isPairedWithOwners(commit, ownerTeam, context.isMeKey);
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
  const isMine = mineBecause(match, owners, me) !== undefined;
  const decision = decideNudge({
    area: match.area,
    windowDays: settings.windowDays,
    commits: area.commits,
    soloCommits,
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
    teamFromHistory: owners.some(({ members }) => members.inferred),
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
    key,
    area: match.area,
    owners: match.owners,
    source: match.source,
    sourcePath: match.sourcePath,
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
    reasons: decision.reasons,
    suggestions,
    membersInferred: owners.some(({ members }) => members.inferred),
    files: area.files,
    myKnownFiles: myKeys.reduce((sum, k) => sum + (area.authoredFiles.get(k) ?? 0), 0),
    mySoleKnownFiles: myKeys.reduce((sum, k) => sum + (area.soleAuthoredFiles.get(k) ?? 0), 0),
    isMine,
    aiAssistedCommits,
    decisionFiles: changedDecisionFiles(
      [...area.windowCommits].reverse().map(({ commit }) => ({ changes: commit.changes, mine: isMySolo(commit) })),
      context.isDecisionFile,
    ),
    othersLinesReplaced: null,
    dives: isMine ? [] : areaDives(key, match.area, area, ownerTeam, isMySolo, context.isMeKey),
    ownerChanges: isMine ? [] : ownerChangesAfterMine(area, ownerTeam, context),
  };
}

/** The owners' changes in the area over the year, where I changed it too (what a handoff is followed by). */
function ownerChangesAfterMine(area: AreaActivity, ownerPeople: ReadonlySet<string>, context: ReportContext): Array<{ timeSeconds: number; name: string }> {
  if (!area.recentCommits.some((commit) => context.isMeKey(commit.author))) return [];
  return area.recentCommits
    .filter((commit) => ownerPeople.has(commit.author) && !context.isMeKey(commit.author))
    .map((commit) => ({ timeSeconds: commit.time, name: context.people.get(commit.author)?.name ?? commit.author }))
    .reverse();
}

/** My dives into the area over the year, each with the owners' changes after it. */
function areaDives(
  key: string,
  name: string,
  area: AreaActivity,
  ownerPeople: ReadonlySet<string>,
  isMySolo: (commit: Contribution) => boolean,
  isMe: (key: string) => boolean,
): Dive[] {
  return findDives({
    areaKey: key,
    area: name,
    mySoloCommits: area.recentCommits.filter(isMySolo).map((commit) => ({ timeSeconds: commit.time, aiAssisted: commit.aiAssisted })),
    ownerChangeTimes: area.recentCommits.filter((commit) => ownerPeople.has(commit.author) && !isMe(commit.author)).map((commit) => commit.time),
  });
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
