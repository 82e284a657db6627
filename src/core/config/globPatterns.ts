/**
 * Brace groups multiply: `{a,b}/{c,d}` is four patterns, and a range such as `{1..100000}` is a
 * hundred thousand. Patterns come from a settings file a repository may commit, so anything that
 * could expand without bound is refused before it reaches the matcher.
 */
export const MAX_BRACE_GROUPS = 10;
export const MAX_GLOB_LENGTH = 1000;
/**
 * The matcher compiles a glob to a backtracking RegExp: with several `*` in one path segment a
 * failing match is polynomial in the name's length, the wildcard count being the exponent
 * (five `*` in the last segment took 4 s on one 120-character name; 255 characters take minutes).
 */
export const MAX_STAR_RUNS_PER_SEGMENT = 3;
export const MAX_GLOBSTARS = 3;

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
  const segments = unescaped.split('/');
  const globstars = segments.filter((segment) => segment === '**').length;
  if (globstars > MAX_GLOBSTARS) {
    return `has ${globstars} \`**\` segments; at most ${MAX_GLOBSTARS} are allowed because each one makes matching slower`;
  }
  const stars = Math.max(0, ...segments.filter((segment) => segment !== '**').map(countStarRuns));
  if (stars > MAX_STAR_RUNS_PER_SEGMENT) {
    return `has ${stars} \`*\` wildcards in one path segment; at most ${MAX_STAR_RUNS_PER_SEGMENT} are allowed because more can make matching one long file name take minutes`;
  }
  return undefined;
}

/**
 * Why a `multiplier.bots` glob (matched against whole emails and names, `*` crossing `/`) could
 * make matching slow, or undefined. Author names come from the repository, so they can be long.
 */
export function botPatternProblem(pattern: string): string | undefined {
  const stars = countStarRuns(pattern.replace(ESCAPED_CHARACTER, ''));
  if (stars > MAX_STAR_RUNS_PER_SEGMENT) {
    return `has ${stars} \`*\` wildcards; at most ${MAX_STAR_RUNS_PER_SEGMENT} are allowed because more can make matching one long name take minutes`;
  }
  return undefined;
}

/** Runs of `*` (`**` counts once): each run is one wildcard to the matcher. */
function countStarRuns(text: string): number {
  return text.split(/[^*]+/).filter((run) => run.length > 0).length;
}

function countOccurrences(text: string, character: string): number {
  return text.split(character).length - 1;
}
