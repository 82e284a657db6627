/**
 * Brace groups multiply: `{a,b}/{c,d}` is four patterns, and a range such as `{1..100000}` is a
 * hundred thousand. Patterns come from a settings file a repository may commit, so anything that
 * could expand without bound is refused before it reaches the matcher.
 */
export const MAX_BRACE_GROUPS = 10;
export const MAX_GLOB_LENGTH = 1000;

// `{start..end}` or `{start..end..step}`: a range, unlike `{a,b}` or `{src,../lib}`, has no comma.
const BRACE_RANGE = /\{[^{},]+\.\.[^{},]+\}/;
// Escaped characters (`\{`) are literal to the matcher, so they must not count as braces.
const ESCAPED_CHARACTER = /\\./g;

/**
 * Why `pattern` cannot be used as a glob, or undefined when it can. `pattern` is already trimmed.
 * `maxLength` lets a list with a tighter per-item limit reuse the same checks.
 */
export function globPatternProblem(pattern: string, maxLength = MAX_GLOB_LENGTH): string | undefined {
  if (pattern === '') return 'must not be empty';
  if (pattern.length > maxLength) {
    return `is ${pattern.length} characters long; the limit is ${maxLength}`;
  }
  const unescaped = pattern.replace(ESCAPED_CHARACTER, '');
  const range = BRACE_RANGE.exec(unescaped);
  if (range) {
    return `uses the brace range ${range[0]}, which can expand to a huge number of patterns; list the alternatives instead, e.g. {a,b,c}`;
  }
  const braceGroups = countOccurrences(unescaped, '{');
  if (braceGroups > MAX_BRACE_GROUPS) {
    return `has ${braceGroups} brace groups; at most ${MAX_BRACE_GROUPS} are allowed because each one multiplies the patterns to match`;
  }
  return undefined;
}

function countOccurrences(text: string, character: string): number {
  return text.split(character).length - 1;
}
