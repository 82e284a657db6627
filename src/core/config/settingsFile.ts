import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { isPlainObject } from './isPlainObject';
import { describeValue } from './problemWording';
import type { SettingProblem } from './settings';

// VS Code writes and accepts settings.json with comments, trailing commas and an empty body.
const SETTINGS_JSON_OPTIONS = { disallowComments: false, allowTrailingComma: true, allowEmptyContent: true };
const BYTE_ORDER_MARK = '\uFEFF';

/**
 * Parses a settings.json-style file. Like VS Code, it keeps whatever the fault-tolerant parser
 * recovered, so one stray comma does not switch every setting off; each syntax error is reported
 * under the key `path:line:column` (1-based), the form terminals and editors turn into links.
 * Never throws.
 */
export function parseSettingsJson(text: string, sourcePath: string): { values: Record<string, unknown>; problems: SettingProblem[] } {
  const body = text.startsWith(BYTE_ORDER_MARK) ? text.slice(BYTE_ORDER_MARK.length) : text;
  const errors: ParseError[] = [];
  const parsed: unknown = parse(body, errors, SETTINGS_JSON_OPTIONS);
  const problems = errors.map((error) => syntaxProblem(body, sourcePath, error));
  if (parsed === undefined || isPlainObject(parsed)) return { values: parsed ?? {}, problems };
  problems.push({ key: sourcePath, message: `must contain a JSON object of settings, got ${describeValue(parsed)}` });
  return { values: {}, problems };
}

/**
 * A reader for `validateSettings` over parsed settings. VS Code treats `"multiplier.nudge.minCommits"`,
 * `"multiplier.nudge": { "minCommits" }` and `"multiplier": { "nudge": { … } }` as the same setting;
 * the flattest spelling wins when several are present.
 */
export function settingsReaderFromValues(values: Record<string, unknown>): (key: string) => unknown {
  return (key) => lookupDottedKey(values, key.split('.'));
}

function lookupDottedKey(values: Record<string, unknown>, segments: readonly string[]): unknown {
  // Longest prefix first: that is the flattest spelling of the key.
  for (let length = segments.length; length > 0; length--) {
    const found = lookupPrefix(values, segments, length);
    if (found !== undefined) return found;
  }
  return undefined;
}

function lookupPrefix(values: Record<string, unknown>, segments: readonly string[], length: number): unknown {
  const prefix = segments.slice(0, length).join('.');
  // Own properties only: a parsed `"__proto__"` key must not make inherited values look like settings.
  if (!Object.hasOwn(values, prefix)) return undefined;
  const value = values[prefix];
  if (length === segments.length) return value;
  return isPlainObject(value) ? lookupDottedKey(value, segments.slice(length)) : undefined;
}

function syntaxProblem(text: string, sourcePath: string, error: ParseError): SettingProblem {
  const { line, column } = positionAt(text, error.offset);
  return { key: `${sourcePath}:${line}:${column}`, message: `invalid JSON: ${describeParseError(error)}` };
}

/** 1-based line and column (in UTF-16 code units, as editors count them) of `offset`. */
function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** `CommaExpected` → "comma expected": the parser's own names, made readable. */
function describeParseError(error: ParseError): string {
  return printParseErrorCode(error.error).replace(/(?<=[a-z])(?=[A-Z])/g, ' ').toLowerCase();
}
