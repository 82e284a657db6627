import { compileCodeownersPattern, type PathMatcher } from './codeownersPattern';
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

interface CompiledRule {
  readonly rule: OwnershipRule;
  readonly matches: PathMatcher;
  /** Position in the CODEOWNERS file, to find the rule written last across GitLab sections. */
  readonly order: number;
}

interface CompiledSection {
  readonly rules: readonly CompiledRule[];
  readonly exclusions: readonly CompiledRule[];
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
 * Compiles every pattern once. Settings win: the last matching settings rule decides, even when it
 * clears ownership. Otherwise CODEOWNERS decides with its flavour's precedence.
 */
export function createOwnershipResolver(input: OwnershipResolverInput): OwnershipResolver {
  const settingsRules = compileRules(input.settingsRules, 'github');
  const codeownersRules = compileRules(input.codeownersRules, input.flavor);
  const resolveCodeowners =
    input.flavor === 'github' ? githubResolver(codeownersRules) : gitlabResolver(codeownersRules);
  return {
    rules: [...input.settingsRules, ...input.codeownersRules],
    ownerOf(path) {
      const setting = lastMatching(settingsRules, path);
      return setting ? matchOf([setting.rule], setting.rule) : resolveCodeowners(path);
    },
  };
}

function compileRules(rules: readonly OwnershipRule[], flavor: CodeownersFlavor): CompiledRule[] {
  return rules.map((rule, order) => ({ rule, matches: compileCodeownersPattern(rule.pattern, flavor), order }));
}

/** GitHub: the last matching line wins, and a line without owners leaves the path explicitly unowned. */
function githubResolver(rules: readonly CompiledRule[]): (path: string) => OwnershipMatch | undefined {
  return (path) => {
    const winner = lastMatching(rules, path);
    return winner ? matchOf([winner.rule], winner.rule) : undefined;
  };
}

/**
 * GitLab: each section is resolved on its own (last match wins inside it; any matching exclusion
 * takes the path out of that section whatever its position, as GitLab implements it) and the
 * owners of all sections add up.
 */
function gitlabResolver(rules: readonly CompiledRule[]): (path: string) => OwnershipMatch | undefined {
  const sections = groupBySection(rules);
  return (path) => {
    const winners: CompiledRule[] = [];
    const exclusions: CompiledRule[] = [];
    for (const section of sections) {
      const exclusion = lastMatching(section.exclusions, path);
      if (exclusion) {
        exclusions.push(exclusion);
        continue;
      }
      const winner = lastMatching(section.rules, path);
      if (winner) {
        winners.push(winner);
      }
    }
    // A path excluded everywhere it matched is explicitly unowned, like a GitHub line without owners.
    const governing = winners.length > 0 ? winners : exclusions;
    const area = writtenLast(governing);
    return area ? matchOf(governing.map((compiled) => compiled.rule), area.rule) : undefined;
  };
}

function writtenLast(rules: readonly CompiledRule[]): CompiledRule | undefined {
  return rules.reduce<CompiledRule | undefined>(
    (latest, candidate) => (latest === undefined || candidate.order > latest.order ? candidate : latest),
    undefined,
  );
}

function groupBySection(rules: readonly CompiledRule[]): CompiledSection[] {
  const sections = new Map<string, { rules: CompiledRule[]; exclusions: CompiledRule[] }>();
  for (const compiled of rules) {
    // The parser already merges spellings; lower-casing again keeps hand-built rules consistent.
    const key = compiled.rule.section?.toLowerCase() ?? '';
    const section = sections.get(key) ?? { rules: [], exclusions: [] };
    sections.set(key, section);
    (compiled.rule.exclusion ? section.exclusions : section.rules).push(compiled);
  }
  return [...sections.values()];
}

function lastMatching(rules: readonly CompiledRule[], path: string): CompiledRule | undefined {
  for (let index = rules.length - 1; index >= 0; index--) {
    const compiled = rules[index];
    if (compiled?.matches(path)) {
      return compiled;
    }
  }
  return undefined;
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
