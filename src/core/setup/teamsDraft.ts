/**
 * The draft of `multiplier.teams` that "Import Teams from CODEOWNERS" shows and, once the user
 * confirms, writes to the folder's settings: which teams to add or replace, the exact value, the
 * JSONC text of the draft editor, and reading that text back after the user edited it.
 */
import { readTeams } from '../config/mapSettings';
import { oneLine, parseSettingDraft, type ParsedDraft } from './draftText';
import type { InferredMember, TeamInference } from './teamInference';

export const TEAMS_SETTING = 'multiplier.teams';

/**
 * `keep` (the default): teams that already have configured members stay exactly as they are;
 * only teams Multiplier would otherwise infer are added. `replace`: every team with inferred
 * members gets them, overriding configured members at the folder.
 */
export type TeamsImportMode = 'keep' | 'replace';

export interface TeamsDraftInput {
  readonly inference: TeamInference;
  /** `multiplier.teams` as it applies to the folder (every scope merged). */
  readonly effective: Readonly<Record<string, unknown>>;
  /** `multiplier.teams` as written at the scope the draft goes to (the folder's settings), if set there. */
  readonly atTarget: Readonly<Record<string, unknown>> | undefined;
  readonly mode: TeamsImportMode;
}

export interface TeamsDraft {
  /** Exactly what is written at the target scope: the entries already there, plus the draft's. */
  readonly value: Readonly<Record<string, unknown>>;
  /** Teams given inferred members that had none configured. */
  readonly added: readonly string[];
  /** Configured teams whose members the draft replaces (mode `replace`). */
  readonly replaced: readonly string[];
  /** Configured teams left as they are (mode `keep`). */
  readonly kept: readonly string[];
  /** Teams nobody in history works for: left out, so they stay inferred. */
  readonly withoutMembers: readonly string[];
  /** The members drafted per team (as written in `value`), for the editor's comments. */
  readonly drafted: ReadonlyMap<string, readonly InferredMember[]>;
}

/** Which teams of the rules are configured already (handles compare case-insensitively). */
export function configuredTeams(inference: TeamInference, effective: Readonly<Record<string, unknown>>): string[] {
  return inference.teams.filter(({ team }) => findKey(effective, team) !== undefined).map(({ team }) => team);
}

export function draftTeams(input: TeamsDraftInput): TeamsDraft {
  const value: Record<string, unknown> = { ...(input.atTarget ?? {}) };
  const added: string[] = [];
  const replaced: string[] = [];
  const kept: string[] = [];
  const withoutMembers: string[] = [];
  const drafted = new Map<string, readonly InferredMember[]>();
  for (const { team, members } of input.inference.teams) {
    const configuredAs = findKey(input.effective, team);
    if (configuredAs !== undefined && input.mode === 'keep') {
      kept.push(team);
      continue;
    }
    if (members.length === 0) {
      // An empty list would mean "configured, nobody": worse than inferring later.
      withoutMembers.push(team);
      continue;
    }
    // Write under the spelling already configured, so one entry replaces the other.
    const key = findKey(value, team) ?? configuredAs ?? team;
    value[key] = members.map((member) => member.email);
    drafted.set(key, members);
    (configuredAs === undefined ? added : replaced).push(team);
  }
  return { value, added, replaced, kept, withoutMembers, drafted };
}

function findKey(teams: Readonly<Record<string, unknown>>, team: string): string | undefined {
  const wanted = team.toLowerCase();
  return Object.keys(teams).find((key) => key.toLowerCase() === wanted);
}

export interface DraftTextContext {
  readonly folderName: string;
  readonly windowDays: number;
}

/**
 * The draft editor's text: a JSONC object holding exactly `"multiplier.teams": value`, with a
 * header that says what it is and a comment after each drafted member saying why they are there.
 */
export function renderTeamsDraft(draft: TeamsDraft, context: DraftTextContext): string {
  const lines = [
    `// Multiplier: a draft of multiplier.teams for ${oneLine(context.folderName)}`,
    `// Members are inferred from history, as Multiplier does for a team it has no list for:`,
    `// people who changed the team's files in the last ${context.windowDays} days or know them well, most`,
    `// active first; you and bots are left out. Remove anyone who is not on the team.`,
    `// Nothing is written until you choose "Write to Workspace Settings"; then what this`,
    `// editor holds is written, your edits included.`,
  ];
  if (draft.kept.length > 0) lines.push(`// Kept as configured: ${draft.kept.join(', ')}.`);
  if (draft.replaced.length > 0) lines.push(`// Configured members replaced: ${draft.replaced.join(', ')}.`);
  if (draft.withoutMembers.length > 0) lines.push(`// Nobody in history works on ${draft.withoutMembers.join(', ')} yet: left out, still inferred.`);
  const entries = Object.entries(draft.value);
  const body = entries.map(([team, members], index) => {
    const comma = index < entries.length - 1 ? ',' : '';
    const reasons = draft.drafted.get(team);
    return `    ${JSON.stringify(team)}: ${reasons ? memberList(reasons, context.windowDays) : indent(JSON.stringify(members, null, 2), '    ')}${comma}`;
  });
  return [...lines, '{', `  ${JSON.stringify(TEAMS_SETTING)}: {`, ...body, '  }', '}', ''].join('\n');
}

function memberList(members: readonly InferredMember[], windowDays: number): string {
  const rows = members.map((member, index) => {
    const comma = index < members.length - 1 ? ',' : '';
    return `      ${JSON.stringify(member.email)}${comma} // ${memberReason(member, windowDays)}`;
  });
  return ['[', ...rows, '    ]'].join('\n');
}

/** "Priya Patel: 3 changes in 90 days, knows 2 files". */
export function memberReason(member: InferredMember, windowDays: number): string {
  const parts: string[] = [];
  if (member.recentChanges > 0) parts.push(`${member.recentChanges} ${member.recentChanges === 1 ? 'change' : 'changes'} in ${windowDays} days`);
  if (member.knownFiles > 0) parts.push(`knows ${member.knownFiles} ${member.knownFiles === 1 ? 'file' : 'files'}`);
  if (member.recentChanges === 0) parts.push(`no change in ${windowDays} days`);
  return `${oneLine(member.name)}: ${parts.join(', ')}`;
}

function indent(text: string, by: string): string {
  return text.split('\n').join(`\n${by}`);
}

export type ParsedTeamsDraft = ParsedDraft<Record<string, readonly string[]>>;

/** Reads the draft editor's text back, as the user left it: a JSONC object whose `"multiplier.teams"` is a valid teams setting. */
export function parseTeamsDraft(text: string): ParsedTeamsDraft {
  return parseSettingDraft(text, TEAMS_SETTING, readTeams);
}
