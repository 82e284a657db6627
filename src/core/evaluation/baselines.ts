import type { AreaPersonStats } from './areaTimeline';

/** The simple answers the ranking has to beat. */
export const BASELINES = ['mostRecentCommitter', 'mostCommitsEver', 'mostLinesAdded'] as const;
export type Baseline = (typeof BASELINES)[number];

export const BASELINE_LABELS: Record<Baseline, string> = {
  mostRecentCommitter: 'most recent committer',
  mostCommitsEver: 'most commits ever',
  mostLinesAdded: 'most lines added (blame-like)',
};

type Order = (a: AreaPersonStats, b: AreaPersonStats) => number;

/*
 * Each baseline ranks everyone who ever changed the area, so it can be scored at every depth the
 * ranking is. "Most lines added" stands in for blame's "most lines authored": blame at every
 * cut-off costs a blame of every file, while added lines come from one numstat walk; it
 * overcounts people whose lines were later rewritten.
 */
const ORDERS: Record<Baseline, Order> = {
  mostRecentCommitter: (a, b) => b.lastTime - a.lastTime || b.commits - a.commits,
  mostCommitsEver: (a, b) => b.commits - a.commits || b.lastTime - a.lastTime,
  mostLinesAdded: (a, b) => b.linesAdded - a.linesAdded || b.commits - a.commits || b.lastTime - a.lastTime,
};

/** Person keys, best first; ties broken by the key so every run ranks the same. */
export function baselineRanking(people: ReadonlyMap<string, AreaPersonStats> | undefined, baseline: Baseline): string[] {
  if (!people) return [];
  const order = ORDERS[baseline];
  return [...people]
    .sort(([keyA, a], [keyB, b]) => order(a, b) || keyA.localeCompare(keyB))
    .map(([key]) => key);
}
