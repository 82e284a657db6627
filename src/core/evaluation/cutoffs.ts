/** Seconds in a day: history times are in seconds since the epoch. */
export const DAY_SECONDS = 24 * 60 * 60;

/** When to stop the clock and look ahead: the evaluation's calendar. */
export interface CutoffPlan {
  /** Days between two cut-offs. */
  readonly everyDays: number;
  /** How far back from the last commit the earliest cut-off may lie. */
  readonly spanDays: number;
  /** Days after each cut-off whose changes are the answer; a cut-off needs all of them in history. */
  readonly horizonDays: number;
}

/** Every 30 days over the two years before the last commit, each scored on the 90 days after it. */
export const DEFAULT_CUTOFF_PLAN: CutoffPlan = { everyDays: 30, spanDays: 730, horizonDays: 90 };

/**
 * Cut-off times (seconds), oldest first. The newest lies a full horizon before the last commit:
 * a cut-off closer to the end would be scored on a shorter future than the others, so its
 * "nobody changed it" would partly mean "history ends here".
 */
export function evaluationCutoffs(lastCommitTime: number, plan: CutoffPlan = DEFAULT_CUTOFF_PLAN): number[] {
  const cutoffs: number[] = [];
  for (let daysBack = plan.horizonDays; daysBack <= plan.spanDays; daysBack += plan.everyDays) {
    cutoffs.push(lastCommitTime - daysBack * DAY_SECONDS);
  }
  return cutoffs.reverse();
}

/** The newest author time in history; 0 for an empty history. */
export function lastCommitTime(commits: ReadonlyArray<{ readonly time: number }>): number {
  let latest = 0;
  for (const commit of commits) latest = Math.max(latest, commit.time);
  return latest;
}
