import { compileCodeownersPattern, literalPatternMatcher, patternRequirement, type LiteralPattern, type PathMatcher } from './codeownersPattern';
import type { CodeownersFlavor } from './types';

/**
 * The patterns of an ordered rule list, for finding which rules match a path. Last-match
 * semantics need the matching rules from the last one back, so candidates come highest first.
 */
export interface RuleIndex {
  /**
   * Calls `visit` with every rule that may match `path`, highest index first, until it returns
   * true. Every rule that does match is among them; `matches` tells which do.
   */
  visitCandidates(path: string, visit: (rule: number) => boolean): void;
  matches(rule: number, path: string): boolean;
}

export type RuleIndexing = (patterns: readonly string[], flavor: CodeownersFlavor) => RuleIndex;

/** The highest rule that matches `path`, or -1. */
export function lastMatch(index: RuleIndex, path: string): number {
  let found = -1;
  index.visitCandidates(path, (rule) => {
    if (!index.matches(rule, path)) return false;
    found = rule;
    return true;
  });
  return found;
}

/**
 * Patterns are compiled on first use: a CODEOWNERS of ten thousand lines costs only the rules
 * some path ever reaches. `literalMatcher` may give a rule a matcher that compiles only for odd
 * paths.
 */
function lazyMatchers(patterns: readonly string[], flavor: CodeownersFlavor, literalMatcher: (rule: number, compiled: () => PathMatcher) => PathMatcher | undefined = () => undefined): (rule: number, path: string) => boolean {
  const matchers: Array<PathMatcher | undefined> = new Array(patterns.length);
  return (rule, path) => {
    let matcher = matchers[rule];
    if (!matcher) {
      let compiled: PathMatcher | undefined;
      const compile = (): PathMatcher => (compiled ??= compileCodeownersPattern(patterns[rule] as string, flavor));
      matcher = literalMatcher(rule, compile) ?? compile();
      matchers[rule] = matcher;
    }
    return matcher(path);
  };
}

/** Every rule is a candidate: the plain reading of the rules, which the index must equal. */
export const linearRules: RuleIndexing = (patterns, flavor) => ({
  visitCandidates(_path, visit) {
    for (let rule = patterns.length - 1; rule >= 0; rule--) if (visit(rule)) return;
  },
  matches: lazyMatchers(patterns, flavor),
});

interface SegmentNode {
  /** Made with the first child: most nodes of a large file's trie are leaves (one file's rule). */
  children: Map<string, SegmentNode> | undefined;
  readonly rules: number[];
}

const node = (): SegmentNode => ({ children: undefined, rules: [] });

/**
 * Rules filed by what a matching path must have (see `patternRequirement`): a trie of the
 * literal segments rooted patterns start with (`/services/payments/`), a table by literal
 * segment for patterns that match at any depth (`logs/`, GitLab's `docs/*`), a trie of
 * reversed last-segment endings (`*.md`, `*_test.go`), and the few rules with none of these
 * (`*`), which are candidates for every path. A path visits one trie branch per segment, one
 * table entry per segment and one branch of its name's ending, so a lookup costs the path's
 * length and its few candidates, not the size of the file.
 */
export const indexedRules: RuleIndexing = (patterns, flavor) => {
  const prefixes = node();
  const bySegment = new Map<string, number[]>();
  const suffixes = node();
  const everywhere: number[] = [];
  const literals = new Map<number, LiteralPattern>();
  patterns.forEach((pattern, rule) => {
    const requirement = patternRequirement(pattern, flavor);
    switch (requirement.kind) {
      case 'prefix':
        descend(prefixes, requirement.segments).rules.push(rule);
        if (requirement.literal) literals.set(rule, requirement.literal);
        return;
      case 'segment': {
        const rules = bySegment.get(requirement.segment) ?? [];
        bySegment.set(requirement.segment, rules);
        rules.push(rule);
        return;
      }
      case 'suffix':
        descend(suffixes, reversedCodeUnits(requirement.suffix)).rules.push(rule);
        return;
      case 'none':
        everywhere.push(rule);
        return;
      case 'never':
        return;
    }
  });
  return {
    visitCandidates(path, visit) {
      const lists: number[][] = [];
      const segments = path.split('/');
      let at: SegmentNode | undefined = prefixes;
      for (const segment of segments) {
        at = at.children?.get(segment);
        if (!at) break;
        if (at.rules.length > 0) lists.push(at.rules);
      }
      if (bySegment.size > 0) {
        // A path can name the same segment twice (`a/b/a`): its list is visited once.
        const prefixLists = lists.length;
        for (const segment of segments) {
          const rules = bySegment.get(segment);
          if (rules && lists.indexOf(rules, prefixLists) === -1) lists.push(rules);
        }
      }
      at = suffixes;
      for (let i = path.length - 1; i >= 0 && path.charAt(i) !== '/'; i--) {
        at = at.children?.get(path.charAt(i));
        if (!at) break;
        if (at.rules.length > 0) lists.push(at.rules);
      }
      if (everywhere.length > 0) lists.push(everywhere);
      visitDescending(lists, visit);
    },
    matches: lazyMatchers(patterns, flavor, (rule, compiled) => {
      const literal = literals.get(rule);
      return literal && literalPatternMatcher(literal, compiled);
    }),
  };
};

/** The suffix's UTF-16 code units, last first, as a lookup walks a name back from its end. */
function reversedCodeUnits(text: string): string[] {
  return Array.from({ length: text.length }, (_, i) => text.charAt(text.length - 1 - i));
}

function descend(root: SegmentNode, keys: readonly string[]): SegmentNode {
  let at = root;
  for (const key of keys) {
    at.children ??= new Map();
    let child = at.children.get(key);
    if (!child) {
      child = node();
      at.children.set(key, child);
    }
    at = child;
  }
  return at;
}

/** Merges ascending, disjoint lists of rule numbers, visiting the highest first. */
function visitDescending(lists: readonly number[][], visit: (rule: number) => boolean): void {
  // Most paths have one list of candidates (their folder's rules, or only the catch-all).
  if (lists.length === 1) {
    const list = lists[0] as number[];
    for (let position = list.length - 1; position >= 0; position--) if (visit(list[position] as number)) return;
    return;
  }
  const next = lists.map((list) => list.length - 1);
  for (;;) {
    let best = -1;
    let from = -1;
    for (let i = 0; i < lists.length; i++) {
      const position = next[i] as number;
      if (position < 0) continue;
      const rule = (lists[i] as number[])[position] as number;
      if (rule > best) {
        best = rule;
        from = i;
      }
    }
    if (from < 0 || visit(best)) return;
    next[from] = (next[from] as number) - 1;
  }
}
