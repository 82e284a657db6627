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

/** 1 → "1st", 2 → "2nd", 3 → "3rd", 11 → "11th", 22 → "22nd". */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** ['Ana', 'Ben', 'Cy', 'Dee'] with at most 2 named → "Ana, Ben and 2 others". */
export function namesList(names: readonly string[], named = 2): string {
  if (names.length <= named + 1) return englishList(names);
  return `${names.slice(0, named).join(', ')} and ${names.length - named} others`;
}
