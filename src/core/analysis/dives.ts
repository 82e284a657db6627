/**
 * Dives: runs of my solo commits in one team area, the "parachuting in" the product is about.
 * Healthy when they are exceptional and time-bound and the owners carry on afterwards, so each
 * dive carries its aftermath: the owners' changes there in the 60 days after it ended.
 */
import { DAY_SECONDS } from '../time';

export const DIVE_MIN_COMMITS = 3;
/** Consecutive commits of a dive are at most this far apart. */
export const DIVE_MAX_GAP_DAYS = 14;
export const AFTERMATH_DAYS = 60;

export interface Dive {
  readonly areaKey: string;
  readonly area: string;
  /** Author times of the first and the last commit, seconds since the epoch. */
  readonly startSeconds: number;
  readonly endSeconds: number;
  readonly commits: number;
  readonly aiAssistedCommits: number;
  /** The owners' changes in the area in the 60 days after the dive ended (so far, for a recent one). */
  readonly ownersChangesAfter: number;
  /** When those 60 days end; later than now while the aftermath is still running. */
  readonly aftermathEndSeconds: number;
}

export interface DiveInput {
  readonly areaKey: string;
  readonly area: string;
  /** My solo commits in the area over the lookback, in any order. */
  readonly mySoloCommits: ReadonlyArray<{ readonly timeSeconds: number; readonly aiAssisted: boolean }>;
  /** Author times of the owners' changes in the area, in any order. */
  readonly ownerChangeTimes: readonly number[];
}

/** Every dive in one area, oldest first. Paired commits are not in the input: they neither count nor break a run. */
export function findDives(input: DiveInput): Dive[] {
  const commits = [...input.mySoloCommits].sort((a, b) => a.timeSeconds - b.timeSeconds);
  const runs: Array<typeof commits> = [];
  for (const commit of commits) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last && commit.timeSeconds - last.timeSeconds <= DIVE_MAX_GAP_DAYS * DAY_SECONDS) run.push(commit);
    else runs.push([commit]);
  }
  return runs.filter((run) => run.length >= DIVE_MIN_COMMITS).map((run) => {
    const startSeconds = (run[0] as (typeof run)[number]).timeSeconds;
    const endSeconds = (run[run.length - 1] as (typeof run)[number]).timeSeconds;
    const aftermathEndSeconds = endSeconds + AFTERMATH_DAYS * DAY_SECONDS;
    return {
      areaKey: input.areaKey,
      area: input.area,
      startSeconds,
      endSeconds,
      commits: run.length,
      aiAssistedCommits: run.filter((commit) => commit.aiAssisted).length,
      ownersChangesAfter: input.ownerChangeTimes.filter((time) => time > endSeconds && time <= aftermathEndSeconds).length,
      aftermathEndSeconds,
    };
  });
}

/** Every area's dives, oldest first: the year as a whole. */
export function allDives(areas: ReadonlyArray<{ readonly dives: readonly Dive[] }>): Dive[] {
  return areas.flatMap((area) => area.dives).sort((a, b) => a.startSeconds - b.startSeconds || a.area.localeCompare(b.area));
}
