import { fileAuthors, type FileAuthorship } from '../knowledge/degreeOfAuthorship';
import type { PathFilter } from '../history/pathFilter';
import type { AreaIndex } from './areas';
import type { Contribution } from '../history/contributions';

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
  /** Files of HEAD's tree in the area that count. */
  files: number;
  /** Per person key: files they are a DOA author of. */
  readonly authoredFiles: Map<string, number>;
  /** Per person key: files where they are the only DOA author. */
  readonly soleAuthoredFiles: Map<string, number>;
}

function emptyActivity(): AreaActivity {
  return { commits: 0, lines: 0, commitsBy: new Map(), linesBy: new Map(), windowCommits: [], files: 0, authoredFiles: new Map(), soleAuthoredFiles: new Map() };
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

/** Credits DOA authorship of HEAD's files (from the index's records) to their areas. */
export function tallyKnowledge(
  records: ReadonlyMap<string, FileAuthorship>,
  headFiles: readonly string[],
  countsPath: PathFilter,
  areas: AreaIndex,
  activity: Map<string, AreaActivity>,
): void {
  for (const path of headFiles) {
    if (!countsPath(path)) continue;
    const key = areas.areaOf(path);
    if (key === undefined) continue;
    const area = activityFor(activity, key);
    area.files++;
    const record = records.get(path);
    if (!record) continue;
    const authors = fileAuthors(record);
    for (const author of authors) increment(area.authoredFiles, author.person);
    if (authors.length === 1 && authors[0]) increment(area.soleAuthoredFiles, authors[0].person);
  }
}

export function activityFor(activity: Map<string, AreaActivity>, key: string): AreaActivity {
  let area = activity.get(key);
  if (!area) {
    area = emptyActivity();
    activity.set(key, area);
  }
  return area;
}
