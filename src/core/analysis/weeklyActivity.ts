/**
 * Week-by-week activity per team-owned area over the window, for the footprint chart: how many
 * of an area's changes were mine alone, against all of its changes. Computed in the analysis
 * worker from the window's contributions and carried in the snapshot as plain numbers.
 */
import type { Contribution } from '../history/contributions';

const WEEK_SECONDS = 7 * 24 * 60 * 60;

/** One area's changes per week, oldest week first (parallel to `WeeklyActivity.weekStarts`). */
export interface AreaWeeks {
  readonly areaKey: string;
  /** Changes credited to me alone (no co-author besides me). */
  readonly mine: readonly number[];
  /** Every counted change in the area. */
  readonly all: readonly number[];
}

export interface WeeklyActivity {
  /**
   * Seconds since the epoch at which each week starts, oldest first. Weeks are counted back
   * from `now`, so the last ends now; the first starts at the window's start and may be short.
   */
  readonly weekStarts: readonly number[];
  /** Areas with at least one change in the window; an area not listed had none. */
  readonly areas: readonly AreaWeeks[];
}

export interface WeeklyActivityInput {
  /** Contributions in any order; those before the window or not counted are skipped. */
  readonly contributions: readonly Contribution[];
  /** Seconds since the epoch. */
  readonly windowStartSeconds: number;
  readonly nowSeconds: number;
  /** The owned area's key for a repo-relative path, or undefined when no team owns it. */
  readonly areaOf: (path: string) => string | undefined;
  readonly isMe: (personKey: string) => boolean;
}

/** The start of each week of the window, oldest first; at least one week. */
export function weekStartsOf(windowStart: number, now: number): number[] {
  const count = Math.max(1, Math.ceil((now - windowStart) / WEEK_SECONDS));
  return Array.from({ length: count }, (_, i) => Math.max(windowStart, now - (count - i) * WEEK_SECONDS));
}

/**
 * Buckets the window's changes per area and week. A change co-authored with someone else is
 * shared work, like the pairing the area's share leaves out, so it is not counted as mine. A
 * commit touching several files of an area counts once for it, as in the area's share; one dated
 * after `now` (a skewed clock) counts in the last week.
 */
export function weeklyActivity(input: WeeklyActivityInput): WeeklyActivity {
  const { windowStartSeconds: windowStart, nowSeconds: now } = input;
  const weekStarts = weekStartsOf(windowStart, now);
  const weeks = weekStarts.length;
  const byArea = new Map<string, { mine: number[]; all: number[] }>();
  for (const contribution of input.contributions) {
    if (!contribution.counted || contribution.time < windowStart) continue;
    // Week i holds weekStarts[i] <= time < weekStarts[i + 1]; the last also holds now and later.
    const week = Math.max(0, Math.min(weeks - 1, weeks - Math.ceil((now - contribution.time) / WEEK_SECONDS)));
    const mine = input.isMe(contribution.author) && contribution.coAuthors.every(input.isMe);
    const touched = new Set<string>();
    for (const change of contribution.changes) {
      const key = input.areaOf(change.path);
      if (key !== undefined) touched.add(key);
    }
    for (const key of touched) {
      let area = byArea.get(key);
      if (!area) {
        area = { mine: new Array<number>(weeks).fill(0), all: new Array<number>(weeks).fill(0) };
        byArea.set(key, area);
      }
      area.all[week] = (area.all[week] ?? 0) + 1;
      if (mine) area.mine[week] = (area.mine[week] ?? 0) + 1;
    }
  }
  return { weekStarts, areas: [...byArea].map(([areaKey, counts]) => ({ areaKey, ...counts })) };
}
