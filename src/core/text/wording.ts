/**
 * The few ways numbers become words, shared by every surface (status bar, notes, footprint, CLI),
 * so "80%" and "1 change" read the same everywhere.
 */
import { daysBetween } from '../time';

/** 0.8 → "80%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** (1, 'change') → "1 change"; (3, 'change') → "3 changes"; irregular plurals as `many`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "the last 90 days". */
export function lastDays(days: number): string {
  return `the last ${plural(days, 'day')}`;
}

/** ['a'] → "a"; ['a', 'b', 'c'] → "a, b and c". */
export function englishList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "today", "yesterday" or "12 days ago", from two times in seconds. */
export function daysAgo(timeSeconds: number, nowSeconds: number): string {
  const days = daysBetween(timeSeconds, nowSeconds);
  return days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
}
