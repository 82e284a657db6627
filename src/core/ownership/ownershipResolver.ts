import { indexedRules, lastMatch, type RuleIndexing } from './ruleIndex';
import type { CodeownersFlavor, OwnershipMatch, OwnershipRule } from './types';

/** The name under which settings rules are reported, so users know where to edit them. */
export const SETTINGS_SOURCE_PATH = 'multiplier.ownershipMap';

export interface OwnershipResolverInput {
  readonly settingsRules: readonly OwnershipRule[];
  readonly codeownersRules: readonly OwnershipRule[];
  readonly flavor: CodeownersFlavor;
}

export interface OwnershipResolver {
  /** Who owns a repo-relative, `/`-separated path; undefined when no rule covers it. */
  ownerOf(path: string): OwnershipMatch | undefined;
  /** Settings rules first, then CODEOWNERS rules, each in file order. */
  readonly rules: readonly OwnershipRule[];
}

/** Turns the `multiplier.ownershipMap` setting into rules read with GitHub's pattern semantics. */
export function ownershipRulesFromSettings(
  map: ReadonlyArray<{ readonly pattern: string; readonly owners: readonly string[] }>,
): OwnershipRule[] {
  return map.map((entry, index) => ({
    pattern: entry.pattern,
    owners: [...entry.owners],
    source: 'settings',
    sourcePath: SETTINGS_SOURCE_PATH,
    line: index + 1,
  }));
}

/**
 * Indexes the patterns once (see `indexedRules`; `linearRules` is the plain reading it equals).
 * Settings win: the last matching settings rule decides, even when it clears ownership.
 * Otherwise CODEOWNERS decides with its flavour's precedence.
 */
export function createOwnershipResolver(input: OwnershipResolverInput, indexing: RuleIndexing = indexedRules): OwnershipResolver {
  const resolveSettings = githubResolver(input.settingsRules, indexing);
  const resolveCodeowners = input.flavor === 'github' ? githubResolver(input.codeownersRules, indexing) : gitlabResolver(input.codeownersRules, indexing);
  return {
    rules: [...input.settingsRules, ...input.codeownersRules],
    ownerOf: (path) => resolveSettings(path) ?? resolveCodeowners(path),
  };
}

/** No rules (most repositories have no ownership map, many no CODEOWNERS): no path to test. */
const noOwner = (): undefined => undefined;

/**
 * GitHub (and the ownership map): the last matching line wins, and a line without owners leaves
 * the path explicitly unowned. Every path a rule decides gets the same answer object.
 */
function githubResolver(rules: readonly OwnershipRule[], indexing: RuleIndexing): (path: string) => OwnershipMatch | undefined {
  if (rules.length === 0) return noOwner;
  const index = indexing(rules.map((rule) => rule.pattern), 'github');
  const answers = new Map<number, OwnershipMatch>();
  return (path) => {
    const rule = lastMatch(index, path);
    const winner = rules[rule];
    if (!winner) return undefined;
    let answer = answers.get(rule);
    if (!answer) {
      answer = matchOf([winner], winner);
      answers.set(rule, answer);
    }
    return answer;
  };
}

/**
 * GitLab: each section is resolved on its own (last match wins inside it; any matching exclusion
 * takes the path out of that section whatever its position, as GitLab implements it) and the
 * owners of all sections add up, in the order the sections first appear.
 */
function gitlabResolver(rules: readonly OwnershipRule[], indexing: RuleIndexing): (path: string) => OwnershipMatch | undefined {
  if (rules.length === 0) return noOwner;
  const index = indexing(rules.map((rule) => rule.pattern), 'gitlab');
  const sectionOf = sectionNumbers(rules);
  const answers = new Map<string, OwnershipMatch>();
  return (path) => {
    // Candidates come last rule first, so the first match found in a section is its last one.
    const winners = new Map<number, number>();
    const exclusions = new Map<number, number>();
    index.visitCandidates(path, (rule) => {
      const section = sectionOf[rule] as number;
      if (rules[rule]?.exclusion) {
        if (!exclusions.has(section) && index.matches(rule, path)) exclusions.set(section, rule);
      } else if (!winners.has(section) && !exclusions.has(section) && index.matches(rule, path)) {
        winners.set(section, rule);
      }
      return false;
    });
    for (const section of exclusions.keys()) winners.delete(section);
    // A path excluded everywhere it matched is explicitly unowned, like a GitHub line without owners.
    const governing = (winners.size > 0 ? [...winners] : [...exclusions]).sort(([a], [b]) => a - b).map(([, rule]) => rule);
    if (governing.length === 0) return undefined;
    const key = governing.join(' ');
    let answer = answers.get(key);
    if (!answer) {
      // The area is named after the governing rule written last, whichever section it is in.
      answer = matchOf(
        governing.map((rule) => rules[rule] as OwnershipRule),
        rules[Math.max(...governing)] as OwnershipRule,
      );
      answers.set(key, answer);
    }
    return answer;
  };
}

/** Each rule's section as a number, sections numbered in the order they first appear. */
function sectionNumbers(rules: readonly OwnershipRule[]): number[] {
  const numbers = new Map<string, number>();
  return rules.map((rule) => {
    // The parser already merges spellings; lower-casing again keeps hand-built rules consistent.
    const key = rule.section?.toLowerCase() ?? '';
    let number = numbers.get(key);
    if (number === undefined) {
      number = numbers.size;
      numbers.set(key, number);
    }
    return number;
  });
}

function matchOf(rules: readonly OwnershipRule[], areaRule: OwnershipRule): OwnershipMatch {
  return {
    area: areaRule.pattern,
    owners: unionOfOwners(rules),
    source: areaRule.source,
    sourcePath: areaRule.sourcePath,
    rules,
  };
}

/** Owners in order of first appearance; handles and emails are case-insensitive on both hosts. */
function unionOfOwners(rules: readonly OwnershipRule[]): string[] {
  const seen = new Set<string>();
  const owners: string[] = [];
  for (const owner of rules.flatMap((rule) => rule.owners)) {
    if (!seen.has(owner.toLowerCase())) {
      seen.add(owner.toLowerCase());
      owners.push(owner);
    }
  }
  return owners;
}
