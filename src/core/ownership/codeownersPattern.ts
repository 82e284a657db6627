import picomatch from 'picomatch';
import type { CodeownersFlavor } from './types';

/** Answers whether a repo-relative, `/`-separated file path is covered by a pattern. */
export type PathMatcher = (path: string) => boolean;

/**
 * CODEOWNERS has no braces and no extglobs, so both are off: `{1..1000000}` stays literal instead of
 * expanding. `nonegate` because `!` is handled by the parser (GitLab exclusions) or rejected (GitHub).
 * `windows: false` keeps `\` an escape on every platform: paths are always `/`-separated here.
 * `literalBrackets: false` stops picomatch from also matching a class as literal text (`[ab]`).
 */
const PICOMATCH_OPTIONS: picomatch.PicomatchOptions = {
  dot: true,
  nobrace: true,
  noextglob: true,
  nonegate: true,
  literalBrackets: false,
  windows: false,
};

/*
 * picomatch compiles to a backtracking RegExp. Several `*` in one segment (`*a*a*a*a*b`) or many `**`
 * make a failing match polynomial in the path length with the wildcard count as the exponent: four
 * `*` took 45 s on a 255-character name. A CODEOWNERS file comes from the (untrusted) repository, so
 * patterns beyond these limits are rejected. Real files stay far below them.
 */
const MAX_PATTERN_LENGTH = 4096;
const MAX_STAR_RUNS_PER_SEGMENT = 3;
const MAX_GLOBSTARS = 3;

const matchesNothing: PathMatcher = () => false;

/**
 * Compiles a CODEOWNERS pattern (already unescaped for `\ ` and `\#`; any other `\x` is a literal x)
 * once, into a matcher. A pattern rejected by {@link patternComplexityProblem} matches nothing; the
 * parser has reported it already.
 */
export function compileCodeownersPattern(pattern: string, flavor: CodeownersFlavor): PathMatcher {
  if (patternComplexityProblem(pattern) !== undefined) {
    return matchesNothing;
  }
  const globs = codeownersGlobs(pattern, flavor);
  return globs.length === 0 ? matchesNothing : picomatch(globs, PICOMATCH_OPTIONS);
}

/** Why a pattern is too expensive to match safely, or undefined when it is fine. */
export function patternComplexityProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return `the pattern is longer than ${MAX_PATTERN_LENGTH} characters`;
  }
  const segments = pattern.split('/');
  if (segments.filter((segment) => segment === '**').length > MAX_GLOBSTARS) {
    return `the pattern has more than ${MAX_GLOBSTARS} \`**\` segments, which makes matching slow`;
  }
  if (segments.some((segment) => countStarRuns(segment) > MAX_STAR_RUNS_PER_SEGMENT)) {
    return `a path segment has more than ${MAX_STAR_RUNS_PER_SEGMENT} \`*\` wildcards, which makes matching slow`;
  }
  return undefined;
}

/**
 * The globs whose union is the pattern's meaning:
 * - a leading `/` anchors to the root; GitHub also anchors any pattern with an inner `/`, while
 *   GitLab matches every pattern without a leading `/` at any depth;
 * - a trailing `/` means "everything below this directory";
 * - a last segment without wildcards also names a directory, so everything below it is covered;
 * - a last segment with a wildcard matches direct children only (`docs/*` misses `docs/a/b.md`),
 *   which is where CODEOWNERS departs from gitignore.
 */
function codeownersGlobs(pattern: string, flavor: CodeownersFlavor): string[] {
  const directoryOnly = pattern.endsWith('/');
  const rooted = pattern.startsWith('/');
  const body = pattern.replace(/^\/+|\/+$/g, '');
  if (body === '') {
    return [];
  }
  const anchored = rooted || (flavor === 'github' && body.includes('/'));
  const glob = (anchored ? '' : '**/') + toPicomatchGlob(body, flavor);
  const everythingBelow = `${glob}/**/*`;
  if (directoryOnly) {
    return [everythingBelow];
  }
  return lastSegmentHasWildcard(body, flavor) ? [glob] : [glob, everythingBelow];
}

/**
 * Rewrites a pattern so picomatch sees only `*`, `?`, `/` and (GitLab) `[...]` as syntax; every other
 * punctuation character is escaped, because picomatch gives meaning to `( | ) { } + @ !` that
 * CODEOWNERS does not have.
 */
function toPicomatchGlob(body: string, flavor: CodeownersFlavor): string {
  let glob = '';
  for (let index = 0; index < body.length; index++) {
    const char = body.charAt(index);
    if (char === '\\') {
      glob += literal(index + 1 < body.length ? body.charAt(index + 1) : '\\');
      index++;
      continue;
    }
    const classEnd = flavor === 'gitlab' && char === '[' ? characterClassEnd(body, index) : -1;
    if (classEnd > 0) {
      glob += picomatchCharacterClass(body.slice(index, classEnd + 1));
      index = classEnd;
      continue;
    }
    glob += char === '*' || char === '?' || char === '/' ? char : literal(char);
  }
  return glob;
}

function literal(char: string): string {
  return /^[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e ]$/.test(char) ? `\\${char}` : char;
}

/**
 * Index of the `]` closing the class that opens at `start`, or -1 when `[` is literal. A class never
 * spans a `/`, because a wildcard never matches across directories.
 */
function characterClassEnd(text: string, start: number): number {
  let index = start + 1;
  if (text.charAt(index) === '!' || text.charAt(index) === '^') {
    index++;
  }
  if (text.charAt(index) === ']') {
    index++; // a `]` right after the opening is a member, as in fnmatch
  }
  const end = text.indexOf(']', index);
  return end < 0 || text.slice(start, end).includes('/') ? -1 : end;
}

/** fnmatch negates with `[!…]`; picomatch reads that `!` as a member, so use `[^…]`. */
function picomatchCharacterClass(characterClass: string): string {
  return characterClass.startsWith('[!') ? `[^${characterClass.slice(2)}` : characterClass;
}

function lastSegmentHasWildcard(body: string, flavor: CodeownersFlavor): boolean {
  const lastSegment = body.slice(body.lastIndexOf('/') + 1);
  for (let index = 0; index < lastSegment.length; index++) {
    const char = lastSegment.charAt(index);
    if (char === '\\') {
      index++;
    } else if (char === '*' || char === '?' || (flavor === 'gitlab' && char === '[' && characterClassEnd(lastSegment, index) > 0)) {
      return true;
    }
  }
  return false;
}

function countStarRuns(segment: string): number {
  let runs = 0;
  let previousWasStar = false;
  for (let index = 0; index < segment.length; index++) {
    const char = segment.charAt(index);
    if (char === '*' && !previousWasStar) {
      runs++;
    }
    previousWasStar = char === '*';
    if (char === '\\') {
      index++;
    }
  }
  return runs;
}
