import { fileAuthors, type FileAuthorship } from '../knowledge/degreeOfAuthorship';
import type { PathFilter } from '../history/pathFilter';
import type { AreaIndex } from './areas';
import type { Contribution } from '../history/contributions';
import type { EarlierCommits } from '../index/earlierCommits';

/** What happened in one area: recent activity in the window, knowledge over all history. */
export interface AreaActivity {
  /** Counted commits in the window that touched the area. */
  commits: number;
  lines: number;
  /** Per person key: commits and lines in the window. */
  readonly commitsBy: Map<string, number>;
  readonly linesBy: Map<string, number>;
  /** Window commits in the area with the lines they changed in it, newest first. */
  readonly windowCommits: Array<{ readonly commit: Contribution; readonly lines: number }>;
  /**
   * Counted commits in the area over the year dives look back, newest first; only in an area I
   * changed in that year (empty elsewhere: no dive, no owners' changes after mine).
   */
  readonly recentCommits: YearCommit[];
  /** Files of HEAD's tree in the area that count. */
  files: number;
  /** Per person key: files they are a DOA author of. */
  readonly authoredFiles: Map<string, number>;
  /** Per person key: files where they are the only DOA author. */
  readonly soleAuthoredFiles: Map<string, number>;
  /** Files with a DOA author who is not me (when the tally knows who I am). */
  knownByOthers: number;
  /** Per person key: author time (seconds) of their latest counted change to a file of the area, deleted ones included. */
  readonly lastChangedBy: Map<string, number>;
}

function emptyActivity(): AreaActivity {
  return { commits: 0, lines: 0, commitsBy: new Map(), linesBy: new Map(), windowCommits: [], recentCommits: [], files: 0, authoredFiles: new Map(), soleAuthoredFiles: new Map(), knownByOthers: 0, lastChangedBy: new Map() };
}

const increment = (map: Map<string, number>, key: string, by = 1): void => {
  map.set(key, (map.get(key) ?? 0) + by);
};

/** Tallies window activity per area from contributions (newest first). */
export function tallyWindowActivity(contributions: readonly Contribution[], windowStart: number, areas: AreaIndex, activity: Map<string, AreaActivity>): void {
  for (const contribution of contributions) {
    if (!contribution.counted || contribution.time < windowStart) continue;
    // Most commits touch one area: a map per commit only for those that touch more.
    let firstArea: string | undefined;
    let firstLines = 0;
    let moreAreas: Map<string, number> | undefined;
    for (const change of contribution.changes) {
      const key = areas.areaOf(change.path);
      if (key === undefined) continue;
      if (firstArea === undefined || key === firstArea) {
        firstArea = key;
        firstLines += change.lines ?? 0;
      } else {
        moreAreas ??= new Map();
        increment(moreAreas, key, change.lines ?? 0);
      }
    }
    if (firstArea === undefined) continue;
    creditCommit(activity, firstArea, contribution, firstLines);
    for (const [key, lines] of moreAreas ?? []) creditCommit(activity, key, contribution, lines);
  }
}

function creditCommit(activity: Map<string, AreaActivity>, key: string, contribution: Contribution, lines: number): void {
  const area = activityFor(activity, key);
  area.commits++;
  area.lines += lines;
  area.windowCommits.push({ commit: contribution, lines });
  increment(area.commitsBy, contribution.author);
  increment(area.linesBy, contribution.author, lines);
}

/** What the year's signals read of a commit in an area: when, by whom, with whom, with AI or not. */
export type YearCommit = Pick<Contribution, 'time' | 'author' | 'coAuthors' | 'aiAssisted'>;

/**
 * Files each counted commit since `sinceSeconds`, the recent ones and the earlier ones, under
 * the areas it touched, for the signals that look beyond the window: my dives and what the owners
 * did after them. Those are only asked about areas I changed in that time, so only such areas are
 * filled (a year of a monorepo's commits is not sorted into areas nobody asks about), with
 * everyone's commits there, newest first. Only areas already in `activity` count: an old path
 * must not bring back an area that has neither files nor recent changes.
 */
export function collectRecentCommits(
  year: { readonly recent: readonly Contribution[]; readonly earlier: EarlierCommits },
  sinceSeconds: number,
  isMe: (key: string) => boolean,
  areaOf: (path: string) => string | undefined,
  activity: ReadonlyMap<string, AreaActivity>,
): void {
  const activityOf = (path: string): AreaActivity | undefined => {
    const key = areaOf(path);
    return key === undefined ? undefined : activity.get(key);
  };
  const recent = year.recent.filter((c) => c.counted && c.time >= sinceSeconds);
  const earlier = year.earlier.since(sinceSeconds);
  const mine = new Set<AreaActivity>();
  const addMine = (paths: Iterable<string>): void => {
    for (const path of paths) {
      const area = activityOf(path);
      if (area) mine.add(area);
    }
  };
  for (const contribution of recent) if (isMe(contribution.author)) addMine(contribution.changes.map((change) => change.path));
  for (let i = 0; i < earlier.length; i++) if (isMe(earlier.author(i))) addMine(earlier.paths(i));
  if (mine.size === 0) return;
  const file = (commit: YearCommit, paths: readonly string[]): void => {
    const touched = new Set<AreaActivity>();
    for (const path of paths) {
      const area = activityOf(path);
      if (area && mine.has(area)) touched.add(area);
    }
    for (const area of touched) area.recentCommits.push(commit);
  };
  for (const contribution of recent) file(contribution, contribution.changes.map((change) => change.path));
  for (let i = 0; i < earlier.length; i++) {
    const paths = earlier.paths(i);
    if (paths.some((path) => mine.has(activityOf(path) as AreaActivity))) file(earlier.commit(i), paths);
  }
  // The two lists each come newest first, but interleave: a recent one can be older than an earlier one read later.
  for (const area of mine) area.recentCommits.sort((a, b) => b.time - a.time);
}

/** Per person key: counted commits anywhere in the repository in the window. */
export function windowCommitsByPerson(contributions: readonly Contribution[], windowStart: number): Map<string, number> {
  const commits = new Map<string, number>();
  for (const contribution of contributions) {
    if (contribution.counted && contribution.time >= windowStart) increment(commits, contribution.author);
  }
  return commits;
}

/** Everyone history connects to an area: who knows its files, changed them, or changed it in the window. */
export function peopleOfArea(area: AreaActivity): Set<string> {
  return new Set([...area.authoredFiles.keys(), ...area.lastChangedBy.keys(), ...area.commitsBy.keys()]);
}

/** Credits DOA authorship of HEAD's files, and who last changed them when, to their areas. */
export function tallyKnowledge(
  records: ReadonlyMap<string, FileAuthorship>,
  headFiles: readonly string[],
  countsPath: PathFilter,
  areas: AreaIndex,
  activity: Map<string, AreaActivity>,
  isMe: (key: string) => boolean = () => false,
): void {
  for (const path of headFiles) {
    if (!countsPath(path)) continue;
    const key = areas.areaOf(path);
    if (key === undefined) continue;
    const area = activityFor(activity, key);
    area.files++;
    const record = records.get(path);
    if (!record) continue;
    creditChanges(area, record);
    const authors = fileAuthors(record);
    for (const author of authors) increment(area.authoredFiles, author.person);
    if (authors.some((author) => !isMe(author.person))) area.knownByOthers++;
    if (authors.length === 1 && authors[0]) increment(area.soleAuthoredFiles, authors[0].person);
  }
}

/**
 * Who changed files of an area that are gone now, and when: someone who built a directory that
 * was later deleted still knows what it was for, and is the one to ask when it comes back.
 */
export function tallyDeletedChanges(deletedRecords: ReadonlyMap<string, FileAuthorship>, countsPath: PathFilter, areas: AreaIndex, activity: Map<string, AreaActivity>): void {
  for (const [path, record] of deletedRecords) {
    if (!countsPath(path)) continue;
    const key = areas.areaOf(path);
    if (key !== undefined) creditChanges(activityFor(activity, key), record);
  }
}

function creditChanges(area: AreaActivity, record: FileAuthorship): void {
  for (const [person, time] of record.lastTouched) area.lastChangedBy.set(person, Math.max(time, area.lastChangedBy.get(person) ?? 0));
}

export function activityFor(activity: Map<string, AreaActivity>, key: string): AreaActivity {
  let area = activity.get(key);
  if (!area) {
    area = emptyActivity();
    activity.set(key, area);
  }
  return area;
}
