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
/** The globs a pattern compiles to (exported for tests that compare implementations). */
export const globsOf = (pattern: string, flavor: CodeownersFlavor): string[] => codeownersGlobs(pattern, flavor);

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
  // Most lines of a long CODEOWNERS name a file or a folder: nothing below can apply to them.
  if (!pattern.includes('*')) return undefined;
  const segments = pattern.split('/');
  if (segments.filter((segment) => segment === '**').length > MAX_GLOBSTARS) {
    return `the pattern has more than ${MAX_GLOBSTARS} \`**\` segments, which makes matching slow`;
  }
  if (segments.some((segment) => countStarRuns(segment) > MAX_STAR_RUNS_PER_SEGMENT)) {
    return `a path segment has more than ${MAX_STAR_RUNS_PER_SEGMENT} \`*\` wildcards, which makes matching slow`;
  }
  return undefined;
}

/** A pattern's body (no leading or trailing `/`), read the way both hosts read it. */
interface PatternParts {
  readonly tokens: readonly PatternToken[];
  readonly anchored: boolean;
  readonly directoryOnly: boolean;
}

/**
 * The pattern as tokens: a literal character, `*`, `?`, a separator, or (GitLab) a character
 * class. An escaped character is literal; an escaped `/` still ends a segment, because the path
 * can only hold a separator there.
 */
type PatternToken = { readonly kind: 'char'; readonly char: string } | { readonly kind: '*' | '?' | '/' } | { readonly kind: 'class'; readonly text: string };

/**
 * - a leading `/` anchors to the root; GitHub also anchors any pattern with an inner `/`, while
 *   GitLab matches every pattern without a leading `/` at any depth;
 * - a trailing `/` means "everything below this directory".
 */
function patternParts(pattern: string, flavor: CodeownersFlavor): PatternParts | undefined {
  const directoryOnly = pattern.endsWith('/');
  const rooted = pattern.startsWith('/');
  const body = pattern.replace(/^\/+|\/+$/g, '');
  if (body === '') return undefined;
  return { tokens: patternTokens(body, flavor), anchored: rooted || (flavor === 'github' && body.includes('/')), directoryOnly };
}

function patternTokens(body: string, flavor: CodeownersFlavor): PatternToken[] {
  const tokens: PatternToken[] = [];
  for (let index = 0; index < body.length; index++) {
    const char = body.charAt(index);
    if (char === '\\') {
      tokens.push({ kind: 'char', char: index + 1 < body.length ? body.charAt(index + 1) : '\\' });
      index++;
      continue;
    }
    const classEnd = flavor === 'gitlab' && char === '[' ? characterClassEnd(body, index) : -1;
    if (classEnd > 0) {
      tokens.push({ kind: 'class', text: body.slice(index, classEnd + 1) });
      index = classEnd;
      continue;
    }
    tokens.push(char === '*' || char === '?' || char === '/' ? { kind: char } : { kind: 'char', char });
  }
  return tokens;
}

/**
 * The globs whose union is the pattern's meaning:
 * - a last segment without wildcards also names a directory, so everything below it is covered;
 * - a last segment with a wildcard matches direct children only (`docs/*` misses `docs/a/b.md`),
 *   which is where CODEOWNERS departs from gitignore.
 */
function codeownersGlobs(pattern: string, flavor: CodeownersFlavor): string[] {
  const parts = patternParts(pattern, flavor);
  if (!parts) return [];
  const glob = (parts.anchored ? '' : '**/') + parts.tokens.map(picomatchSyntax).join('');
  const everythingBelow = `${glob}/**/*`;
  if (parts.directoryOnly) return [everythingBelow];
  return lastSegmentHasWildcard(parts.tokens) ? [glob] : [glob, everythingBelow];
}

/**
 * picomatch sees only `*`, `?`, `/` and (GitLab) `[...]` as syntax; every other punctuation
 * character is escaped, because picomatch gives meaning to `( | ) { } + @ !` that CODEOWNERS does
 * not have.
 */
function picomatchSyntax(token: PatternToken): string {
  switch (token.kind) {
    case 'char':
      return literal(token.char);
    case 'class':
      return picomatchCharacterClass(token.text);
    default:
      return token.kind;
  }
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

const isSeparator = (token: PatternToken): boolean => token.kind === '/' || (token.kind === 'char' && token.char === '/');

function lastSegmentHasWildcard(tokens: readonly PatternToken[]): boolean {
  for (let index = tokens.length - 1; index >= 0; index--) {
    const token = tokens[index] as PatternToken;
    if (isSeparator(token)) return false;
    if (token.kind === '*' || token.kind === '?' || token.kind === 'class') return true;
  }
  return false;
}

/**
 * What any path a pattern matches must have, for an index to find the pattern's candidates
 * without running it: `prefix`, the literal segments a rooted pattern starts with (the path
 * starts with them); `segment`, a literal segment of the pattern (the path has it as one of its
 * segments, at some depth); `suffix`, the literal end of a wildcard last segment (the path's last
 * segment ends with it). Each is implied by the globs above, so a path none of them admits is
 * never matched. `never` for a pattern that matches nothing.
 */
export type PatternRequirement =
  | { readonly kind: 'prefix'; readonly segments: readonly string[]; readonly literal?: LiteralPattern }
  | { readonly kind: 'segment'; readonly segment: string }
  | { readonly kind: 'suffix'; readonly suffix: string }
  | { readonly kind: 'none' }
  | { readonly kind: 'never' };

/** A rooted pattern without wildcards: a file or folder, by its path. */
export interface LiteralPattern {
  readonly path: string;
  /** Written with a trailing `/`: the folder's contents, not a file of that name. */
  readonly directoryOnly: boolean;
}

/**
 * A matcher for a literal pattern that answers the common paths without a regular expression
 * (a ten-thousand-line CODEOWNERS is mostly these, and each would otherwise be compiled for the
 * one path that reaches it), and hands the odd ones to the compiled globs: what lies below the
 * folder must be plain segments (no empty, `.` or `..` segment, no trailing `/`, no line break,
 * which the globs' `**` reads its own way).
 */
export function literalPatternMatcher(literal: LiteralPattern, compiled: () => PathMatcher): PathMatcher {
  const below = `${literal.path}/`;
  return (path) => {
    if (path === literal.path) return !literal.directoryOnly;
    if (!path.startsWith(below)) return false;
    const rest = path.slice(below.length);
    return isPlainRelativePath(rest) || compiled()(path);
  };
}

const ODD_SEGMENT = /(?:^|\/)\.{0,2}(?:\/|$)|[\n\r\u2028\u2029]/;

function isPlainRelativePath(rest: string): boolean {
  return rest !== '' && !ODD_SEGMENT.test(rest);
}

export function patternRequirement(pattern: string, flavor: CodeownersFlavor): PatternRequirement {
  const plain = plainPatternRequirement(pattern, flavor);
  if (plain) return plain;
  const parts = patternProblemFree(pattern) ? patternParts(pattern, flavor) : undefined;
  if (!parts) return { kind: 'never' };
  const segments = splitSegments(parts.tokens);
  return requirementOf(parts, segments.map(literalText), segments);
}

/** Most lines of a large CODEOWNERS are plain paths: their requirement without tokens. */
const HAS_SYNTAX = /[*?\\[]/;

function plainPatternRequirement(pattern: string, flavor: CodeownersFlavor): PatternRequirement | undefined {
  if (HAS_SYNTAX.test(pattern)) return undefined;
  const body = pattern.replace(/^\/+|\/+$/g, '');
  if (body === '' || patternComplexityProblem(pattern) !== undefined) return { kind: 'never' };
  const parts = { tokens: [], anchored: pattern.startsWith('/') || (flavor === 'github' && body.includes('/')), directoryOnly: pattern.endsWith('/') };
  return requirementOf(parts, body.split('/'), []);
}

function requirementOf(parts: PatternParts, literals: ReadonlyArray<string | undefined>, segments: readonly PatternToken[][]): PatternRequirement {
  if (parts.anchored && literals[0] !== undefined) {
    const wildcardAt = literals.indexOf(undefined);
    const prefix = (wildcardAt === -1 ? literals : literals.slice(0, wildcardAt)) as string[];
    return wildcardAt === -1 ? { kind: 'prefix', segments: prefix, literal: { path: prefix.join('/'), directoryOnly: parts.directoryOnly } } : { kind: 'prefix', segments: prefix };
  }
  const longest = literals.reduce<string | undefined>((best, text) => (text !== undefined && (best === undefined || text.length > best.length) ? text : best), undefined);
  if (longest !== undefined) return { kind: 'segment', segment: longest };
  const last = segments[segments.length - 1] ?? [];
  if (!parts.directoryOnly && lastSegmentHasWildcard(parts.tokens)) {
    const suffix = literalSuffix(last);
    if (suffix !== '') return { kind: 'suffix', suffix };
  }
  return { kind: 'none' };
}

function patternProblemFree(pattern: string): boolean {
  return patternComplexityProblem(pattern) === undefined;
}

function splitSegments(tokens: readonly PatternToken[]): PatternToken[][] {
  const segments: PatternToken[][] = [[]];
  for (const token of tokens) {
    if (isSeparator(token)) segments.push([]);
    else segments[segments.length - 1]?.push(token);
  }
  return segments;
}

/** The segment's text when it is all literal characters; undefined when it has any wildcard. */
function literalText(segment: readonly PatternToken[]): string | undefined {
  let text = '';
  for (const token of segment) {
    if (token.kind !== 'char') return undefined;
    text += token.char;
  }
  return text;
}

/** The literal characters after the segment's last wildcard. */
function literalSuffix(segment: readonly PatternToken[]): string {
  let suffix = '';
  for (let index = segment.length - 1; index >= 0; index--) {
    const token = segment[index];
    if (token?.kind !== 'char') break;
    suffix = token.char + suffix;
  }
  return suffix;
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
