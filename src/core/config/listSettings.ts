import { describeValue, itemKey } from './problemWording';
import type { ReportProblem } from './settingTypes';

/** Limits that keep a committed settings file from making every status-bar update slow. */
export const MAX_LIST_ENTRIES = 500;
export const MAX_LIST_ITEM_LENGTH = 500;

/** Why a trimmed, non-empty item is unusable, or undefined when it is fine. */
export type ItemCheck = (item: string) => string | undefined;

const ANY_NON_EMPTY: ItemCheck = () => undefined;

/**
 * The valid, trimmed strings of a list setting, in order. Each bad item is reported with its index
 * and left out; the rest is kept. Returns undefined (after one problem) when `value` is set but
 * is not a list at all, so a caller can tell "wrong type" from "empty".
 */
export function readStringList(
  key: string,
  value: unknown,
  report: ReportProblem,
  extraCheck: ItemCheck = ANY_NON_EMPTY,
): readonly string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    report(key, `must be a list of strings, got ${describeValue(value)}`);
    return undefined;
  }
  if (value.length > MAX_LIST_ENTRIES) {
    report(key, `has ${value.length} entries; only the first ${MAX_LIST_ENTRIES} are used`);
  }
  const items: string[] = [];
  value.slice(0, MAX_LIST_ENTRIES).forEach((item: unknown, index) => {
    const problem = listItemProblem(item, extraCheck);
    if (problem === undefined) items.push((item as string).trim());
    else report(itemKey(key, index), problem);
  });
  return items;
}

function listItemProblem(item: unknown, extraCheck: ItemCheck): string | undefined {
  if (typeof item !== 'string') return `must be a string, got ${describeValue(item)}`;
  const trimmed = item.trim();
  if (trimmed === '') return 'must not be empty';
  if (trimmed.length > MAX_LIST_ITEM_LENGTH) {
    return `is ${trimmed.length} characters long; the limit is ${MAX_LIST_ITEM_LENGTH}`;
  }
  return extraCheck(trimmed);
}
