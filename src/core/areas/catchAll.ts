import { compileCodeownersPattern } from '../ownership/codeownersPattern';
import type { OwnershipResolverInput } from '../ownership/ownershipResolver';
import type { CodeownersFlavor, OwnershipMatch, OwnershipRule } from '../ownership/types';

/**
 * Paths no rule would name on purpose, at several depths, with and without a dot or an
 * extension: a pattern that matches all of them matches the whole tree.
 */
const PROBES = ['m9q', 'M9Q.x7', '.m9q', 'k4z/m9q', 'k4z/.w2/m9q.x7', 'k4z/w2/v8/u5/m9q'];

/**
 * A catch-all rule is one whose pattern matches every path (`*`, `**`, `/**`), judged by what the
 * pattern matches and not by how it is spelled. A rule that merely covers most files (`/src/`)
 * is specific: its owners chose that folder.
 */
export function isCatchAllPattern(pattern: string, flavor: CodeownersFlavor): boolean {
  // Any literal character (a name, a dot, an escape, a class) must appear in every path it
  // matches, so only wildcards and slashes can match them all: most rules are told apart unread.
  if (/[^*?/]/.test(pattern)) return false;
  const matches = compileCodeownersPattern(pattern, flavor);
  return PROBES.every((probe) => matches(probe));
}

/** Identifies a rule across copies of the same rules (the worker's and the host's). */
function ruleId(rule: OwnershipRule): string {
  return `${rule.source}\0${rule.sourcePath}\0${rule.line}\0${rule.pattern}`;
}

/**
 * Whether a path's match is governed only by catch-all rules (with owners): the case where
 * history, not the rule, has to say who built what. Patterns are compiled once per rule.
 */
export function catchAllGovernance(input: OwnershipResolverInput): (match: OwnershipMatch) => boolean {
  const catchAll = new Set<string>();
  for (const rule of input.settingsRules) if (!rule.exclusion && isCatchAllPattern(rule.pattern, 'github')) catchAll.add(ruleId(rule));
  for (const rule of input.codeownersRules) if (!rule.exclusion && isCatchAllPattern(rule.pattern, input.flavor)) catchAll.add(ruleId(rule));
  // The resolver gives every path of a rule the same answer object: judge each answer once.
  const judged = new WeakMap<OwnershipMatch, boolean>();
  return (match) => {
    let governed = judged.get(match);
    if (governed === undefined) {
      governed = match.owners.length > 0 && match.rules.length > 0 && match.rules.every((rule) => catchAll.has(ruleId(rule)));
      judged.set(match, governed);
    }
    return governed;
  };
}
