/**
 * "Draft Ownership Map from History…": the areas history inferred, as `multiplier.ownershipMap`
 * rules a team can review and commit (and the same rules as CODEOWNERS lines to copy). Built
 * from a scan's area reports alone, so the host drafts it without asking the worker.
 */
import { builtByMe } from '../analysis/areaJudgement';
import type { AreaReport } from '../analysis/areaReport';
import type { Maintainer } from '../analysis/deFactoOwners';
import { AREA_RULE_SENTENCE } from '../areas/areaDirectories';
import { literalPattern } from '../areas/areaMatch';
import { readOwnershipMap } from '../config/mapSettings';
import { englishList, plural } from '../text/wording';
import { oneLine, parseSettingDraft, type ParsedDraft } from './draftText';

export const OWNERSHIP_MAP_SETTING = 'multiplier.ownershipMap';

/** How many of an area's builders the draft names as its owners. */
const OWNERS_DRAFTED = 2;

export interface DraftedRule {
  readonly pattern: string;
  readonly owners: readonly string[];
  /** Why these owners, for the comment after the rule. */
  readonly why: string;
}

export interface OwnershipMapDraftInput {
  /** Every area of the scan; only those inferred from history are drafted. */
  readonly areas: readonly AreaReport[];
  /** My identities as the scan shows them; the first is written for folders I built. */
  readonly me: readonly string[];
  /** `multiplier.ownershipMap` as written at the scope the draft goes to, if set there. */
  readonly atTarget: Readonly<Record<string, unknown>> | undefined;
}

export interface OwnershipMapDraft {
  /** The drafted rules, broadest first (later rules win, as in CODEOWNERS). */
  readonly rules: readonly DraftedRule[];
  /** Exactly what is written: the drafted rules, then the rules already there, which keep winning. */
  readonly value: Readonly<Record<string, unknown>>;
  /** Inferred areas left out, each with the reason. */
  readonly skipped: ReadonlyArray<{ readonly area: string; readonly why: string }>;
  /** Whether the areas lie inside a catch-all rule, which the draft leaves in place. */
  readonly insideCatchAll: boolean;
}

export function draftOwnershipMap(input: OwnershipMapDraftInput): OwnershipMapDraft {
  const inferred = input.areas.filter((area) => area.directory !== undefined).sort((a, b) => patternFor(a).localeCompare(patternFor(b)));
  const rules: DraftedRule[] = [];
  const skipped: Array<{ area: string; why: string }> = [];
  for (const area of inferred) {
    // Inside a catch-all rule, what no folder area takes stays with that rule and its owners.
    if (area.directory === '' && area.rule !== undefined) continue;
    const drafted = draftedOwners(area, input.me[0]);
    if ('why' in drafted) skipped.push({ area: area.area, why: drafted.why });
    else rules.push({ pattern: patternFor(area), owners: drafted.owners, why: drafted.reason });
  }
  const existing = Object.entries(input.atTarget ?? {});
  const written = new Set(existing.map(([pattern]) => pattern));
  const drafted = rules.filter((rule) => !written.has(rule.pattern)).map((rule): [string, unknown] => [rule.pattern, [...rule.owners]]);
  // fromEntries defines own properties, so a pattern such as "__proto__" cannot reach the prototype.
  const value = Object.fromEntries([...drafted, ...existing]);
  return { rules, value, skipped, insideCatchAll: inferred.some((area) => area.rule !== undefined) };
}

/** The top level as `*` (so its small folders come along), any other folder as itself. */
function patternFor(area: AreaReport): string {
  return area.directory ? `/${literalPattern(area.directory)}/` : '*';
}

function draftedOwners(area: AreaReport, me: string | undefined): { owners: string[]; reason: string } | { why: string } {
  const active = area.maintainers.filter((maintainer) => !maintainer.former);
  if (me && builtByMe(area)) {
    const others = active.slice(0, OWNERS_DRAFTED - 1);
    return { owners: [me, ...others.map((m) => m.email)], reason: `you built it: you know ${area.myKnownFiles} of its ${plural(area.files, 'file')}${others.length > 0 ? `; ${knowledge(others)}` : ''}` };
  }
  const owners = active.slice(0, OWNERS_DRAFTED);
  if (owners.length > 0) return { owners: owners.map((m) => m.email), reason: `built mostly by ${knowledge(owners)}` };
  const former = area.maintainers.map((m) => m.name);
  return { why: former.length > 0 ? `everyone who built it has moved on (${englishList(former)}); say who owns it now` : 'nobody holds much of its knowledge yet' };
}

/** "Ana Lima (30 files) and Carl Contractor (1 file)". */
function knowledge(builders: readonly Maintainer[]): string {
  return englishList(builders.map((builder) => `${oneLine(builder.name)} (${plural(builder.knownFiles, 'file')})`));
}

/** The drafted rules as CODEOWNERS lines, owners aligned. */
export function codeownersText(draft: OwnershipMapDraft): string {
  const width = Math.max(0, ...draft.rules.map((rule) => codeownersPattern(rule.pattern).length));
  return draft.rules.map((rule) => `${codeownersPattern(rule.pattern).padEnd(width)}  ${rule.owners.join(' ')}`).join('\n') + (draft.rules.length > 0 ? '\n' : '');
}

/** CODEOWNERS ends a pattern at a space; GitLab reads `\ ` as one. */
function codeownersPattern(pattern: string): string {
  return pattern.replace(/ /g, '\\ ');
}

export interface OwnershipMapDraftContext {
  readonly folderName: string;
}

/**
 * The draft editor's text: a JSONC object holding exactly `"multiplier.ownershipMap": value`,
 * a header saying where the rules come from, each drafted rule with why its owners are there, and
 * the CODEOWNERS lines to copy instead.
 */
export function renderOwnershipMapDraft(draft: OwnershipMapDraft, context: OwnershipMapDraftContext): string {
  const lines = [
    `// Multiplier: a draft of multiplier.ownershipMap for ${oneLine(context.folderName)}, from history.`,
    draft.insideCatchAll
      ? '// These folders fall only under a catch-all rule, so Multiplier read them from history; the catch-all stays for the rest.'
      : '// No ownership rule covers these folders, so Multiplier read them from history.',
    `// ${AREA_RULE_SENTENCE}`,
    '// Owners are the people who built each folder (degree of authorship over all history), most knowledge first;',
    '// people with no commit for over a year are left out. Use @org/team handles where you have them.',
    '// Nothing is written until you choose "Write to Workspace Settings"; then what this editor holds is written,',
    '// your edits included. Rules already in your settings come last, so they keep winning.',
  ];
  for (const { area, why } of draft.skipped) lines.push(`// Left out: ${oneLine(area)}: ${oneLine(why)}.`);
  if (draft.rules.length > 0) {
    lines.push('//', '// The same rules as CODEOWNERS lines, to copy into .github/CODEOWNERS instead:', ...codeownersText(draft).trimEnd().split('\n').map((line) => `//   ${oneLine(line)}`));
  }
  const reasons = new Map(draft.rules.map((rule) => [rule.pattern, rule.why]));
  const entries = Object.entries(draft.value);
  const body = entries.map(([pattern, owners], index) => {
    const comma = index < entries.length - 1 ? ',' : '';
    const why = reasons.get(pattern);
    return `    ${JSON.stringify(pattern)}: ${JSON.stringify(owners)}${comma}${why ? ` // ${oneLine(why)}` : ''}`;
  });
  return [...lines, '{', `  ${JSON.stringify(OWNERSHIP_MAP_SETTING)}: {`, ...body, '  }', '}', ''].join('\n');
}

/** The draft editor's text read back: a valid ownership map, as the object the setting holds. */
export function parseOwnershipMapDraft(text: string): ParsedDraft<Record<string, readonly string[]>> {
  const parsed = parseSettingDraft(text, OWNERSHIP_MAP_SETTING, readOwnershipMap);
  if (!('value' in parsed)) return parsed;
  return { value: Object.fromEntries(parsed.value.map((rule) => [rule.pattern, rule.owners])) };
}
