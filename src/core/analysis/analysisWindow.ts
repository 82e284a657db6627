import { DAY_SECONDS } from '../time';

/** Seconds since the epoch at which a window of `windowDays` ending at `nowSeconds` starts. */
export function windowStartSeconds(windowDays: number, nowSeconds: number): number {
  return Math.floor(nowSeconds) - windowDays * DAY_SECONDS;
}
