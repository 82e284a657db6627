/**
 * One time unit for everything read from history: seconds since the epoch, as git records it.
 * Names carry the unit (`nowSeconds`, `windowStartSeconds`); clocks in milliseconds (Date.now,
 * the editor's) are converted once, where they enter the core.
 */
export const DAY_SECONDS = 24 * 60 * 60;

/** Milliseconds of a clock as whole seconds. */
export function toSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}

/** Whole days from `fromSeconds` to `toSeconds` (0 for the same day or a time in the future). */
export function daysBetween(fromSeconds: number, untilSeconds: number): number {
  return Math.max(0, Math.floor((untilSeconds - fromSeconds) / DAY_SECONDS));
}
