/**
 * Where an area came from and who stands behind it, worded once for every surface: a rule's
 * owners and source, or, for an area history inferred, the people who built it. Plain text:
 * Markdown surfaces escape it like any other repository data.
 */
import type { AreaReport } from '../analysis/areaReport';
import type { Maintainer } from '../analysis/deFactoOwners';
import { builtByMe } from '../analysis/areaJudgement';
import { englishList } from '../text/wording';

type AreaOrigin = Pick<AreaReport, 'owners' | 'source' | 'sourcePath' | 'rule' | 'directory' | 'maintainers' | 'membersInferred' | 'files' | 'myKnownFiles'>;

/** How many builders an area's one-line description names. */
const BUILDERS_NAMED = 2;

/** `multiplier.ownershipMap` or the CODEOWNERS path a rule came from. */
export function ruleSource(area: Pick<AreaReport, 'source' | 'sourcePath'>): string {
  return area.source === 'settings' ? 'multiplier.ownershipMap' : area.sourcePath;
}

/** "Olga Ivanova (former)": a builder as lists name them. */
export function builderName(maintainer: Maintainer): string {
  return maintainer.former ? `${maintainer.name} (former)` : maintainer.name;
}

/** "Ana Lima and Olga Ivanova (former)": the builders an area is described by, or undefined when nobody holds its knowledge. */
export function builtBy(area: Pick<AreaReport, 'maintainers'>): string | undefined {
  const named = area.maintainers.slice(0, BUILDERS_NAMED).map(builderName);
  return named.length > 0 ? englishList(named) : undefined;
}

/** The builders a description names: me first when I built the area (de facto owners never include me). */
function describedBuilders(area: AreaOrigin): string | undefined {
  if (!builtByMe(area)) return builtBy(area);
  const others = area.maintainers.slice(0, BUILDERS_NAMED - 1).map(builderName);
  return englishList(['you', ...others]);
}

/** Short, for lists (CLI lines, pickers, the footprint): "@acme/payments", or "built by Ana Lima, from history". */
export function ownersLabel(area: AreaOrigin): string {
  if (area.directory === undefined) return area.owners.join(', ');
  const builders = describedBuilders(area);
  const history = builders ? `built by ${builders}, from history` : 'from history';
  return area.source === 'history' ? history : `${area.owners.join(', ')} · ${history}`;
}

/**
 * One sentence for tooltips, *Why* and notes: "Owned by @acme/payments (from .github/CODEOWNERS).",
 * "Built mostly by Ana Lima and Olga Ivanova, from history — no CODEOWNERS rule covers it.", or,
 * inside a catch-all rule, its owners and rule, then who built the folder.
 */
export function ownershipSentence(area: AreaOrigin): string {
  const builders = describedBuilders(area);
  if (area.source === 'history') {
    return builders
      ? `Built mostly by ${builders}, from history — no CODEOWNERS rule covers it.`
      : 'From history — no CODEOWNERS rule covers it, and nobody holds much of its knowledge yet.';
  }
  const owners = area.owners.join(', ');
  if (area.rule !== undefined) {
    const folder = builders ? `; this folder was built mostly by ${builders}, from history` : '';
    return `Owned by ${owners} (the catch-all rule ${area.rule} in ${ruleSource(area)})${folder}.`;
  }
  return `Owned by ${owners} (from ${ruleSource(area)}${area.membersInferred ? '; team members inferred from history' : ''}).`;
}
