import { describeValue } from './problemWording';
import type { ReportProblem } from './settingTypes';

/** What one scalar setting accepts, and how to say so when it gets something else. */
export interface ScalarRule<T> {
  readonly accepts: (value: unknown) => value is T;
  /** Completes "`key` …", e.g. "must be true or false". */
  readonly expected: string;
}

/** The value when the rule accepts it; otherwise the fallback, with one problem for a set value. */
export function readScalar<T>(
  key: string,
  value: unknown,
  rule: ScalarRule<T>,
  fallback: T,
  report: ReportProblem,
): T {
  if (value === undefined) return fallback;
  if (rule.accepts(value)) return value;
  report(key, `${rule.expected}, got ${describeValue(value)}`);
  return fallback;
}

export const booleanRule: ScalarRule<boolean> = {
  accepts: (value): value is boolean => typeof value === 'boolean',
  expected: 'must be true or false',
};

export function wholeNumberRule(min: number, max: number): ScalarRule<number> {
  return {
    accepts: (value): value is number => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max,
    expected: `must be a whole number between ${min} and ${max}`,
  };
}

/** A share such as 0.5; the hint catches the likely mistake of writing a percentage. */
export const shareRule: ScalarRule<number> = {
  accepts: (value): value is number => typeof value === 'number' && value > 0 && value <= 1,
  expected: 'must be a number greater than 0 and at most 1 (0.5 means 50%)',
};

export function oneOfRule<T extends string>(choices: readonly T[]): ScalarRule<T> {
  const quoted = choices.map((choice) => JSON.stringify(choice));
  return {
    accepts: (value): value is T => choices.includes(value as T),
    expected: `must be one of ${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`,
  };
}
