/**
 * What the setting drafts (teams, ownership map) share: comments that data cannot break out of,
 * and reading the draft editor's text back as the person left it.
 */
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { isPlainObject } from '../config/isPlainObject';
import type { ReportProblem, SettingProblem } from '../config/settingTypes';

/** Names and folder names come from data: a line break would end the comment. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

export type ParsedDraft<T> = { readonly value: T } | { readonly problem: string };

/**
 * A JSONC object whose `key` holds a valid value of that setting, read with the setting's own
 * validator. Any problem is one sentence naming where it is.
 */
export function parseSettingDraft<T>(text: string, key: string, read: (key: string, value: unknown, report: ReportProblem) => T): ParsedDraft<T> {
  const errors: ParseError[] = [];
  const parsed: unknown = parse(text, errors, { disallowComments: false, allowTrailingComma: true, allowEmptyContent: true });
  const [error] = errors;
  if (error) return { problem: `line ${lineOf(text, error.offset)} is not valid JSON (${printParseErrorCode(error.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()})` };
  if (!isPlainObject(parsed) || !Object.hasOwn(parsed, key)) return { problem: `it must be an object with "${key}"` };
  const problems: SettingProblem[] = [];
  const value = read(key, parsed[key], (problemKey, message) => problems.push({ key: problemKey, message }));
  const [first] = problems;
  if (first) return { problem: `${first.key} ${first.message}` };
  return { value };
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}
