import { DAY_SECONDS } from '../time';

/** Dives are looked for over the last year, beyond the window: "exceptional" is a yearly measure. */
export const DIVE_LOOKBACK_DAYS = 365;

/** Seconds since the epoch at which a window of `windowDays` ending at `nowSeconds` starts. */
export function windowStartSeconds(windowDays: number, nowSeconds: number): number {
  return Math.floor(nowSeconds) - windowDays * DAY_SECONDS;
}

/** Where the index must keep contributions from: the window, or the dives' year when that reaches further. */
export function recentHistoryStartSeconds(windowDays: number, nowSeconds: number): number {
  return Math.min(windowStartSeconds(windowDays, nowSeconds), windowStartSeconds(DIVE_LOOKBACK_DAYS, nowSeconds));
}
