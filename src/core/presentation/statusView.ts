/**
 * What the one status bar item shows, derived from state: pure, so every state is unit-tested
 * and the VS Code layer only copies fields. Tooltips are Markdown built from repository data:
 * every repo-derived string goes through escapeMarkdownText, and no command links are emitted.
 */
import type { AreaReport } from '../analysis/areaReport';
import type { Dive } from '../analysis/dives';
import type { Assist, Snooze } from '../assists/timeBoxes';
import { escapeMarkdownText } from '../text/markdown';
import { percent } from '../text/wording';
import { MARKDOWN_FORMAT, shadowLines } from './shadowSentences';

export type FolderStatus =
  | { readonly kind: 'disabled' }
  | { readonly kind: 'restricted' }
  | { readonly kind: 'no-repository'; readonly message: string }
  | { readonly kind: 'loading'; readonly message: string }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'ready'; readonly warnings: readonly string[] };

export type StatusAction = 'suggestions' | 'log' | 'manageTrust' | 'none';

export interface StatusView {
  readonly visible: boolean;
  readonly text: string;
  /** Markdown; safe to render untrusted. */
  readonly tooltip: string;
  readonly ariaLabel: string;
  readonly action: StatusAction;
}

export interface StatusInput {
  /** undefined when the active editor is not a file in a workspace folder. */
  readonly status: FolderStatus | undefined;
  /** The active file's owned area, when there is one. */
  readonly area: AreaReport | undefined;
  readonly assist: Assist | undefined;
  readonly snooze: Snooze | undefined;
  /** Settings problems to mention, already worded with their keys. */
  readonly problems: readonly string[];
  readonly formatTime: (ms: number) => string;
  /** Every dive of the year in the area's repository, for the dive line (none when left out). */
  readonly dives?: { readonly year: readonly Dive[]; readonly nowSeconds: number };
}

const HIDDEN: StatusView = { visible: false, text: '', tooltip: '', ariaLabel: '', action: 'none' };

/** `/src/payments/` → `payments`; `*.js` → `*.js`: the shortest name a person recognises. */
export function shortAreaName(pattern: string): string {
  const segments = pattern.split('/').filter((s) => s.length > 0 && s !== '**');
  return segments[segments.length - 1] ?? pattern;
}

export function statusView(input: StatusInput): StatusView {
  const { status } = input;
  if (!status || status.kind === 'disabled') return HIDDEN;
  switch (status.kind) {
    case 'restricted':
      return muted('$(shield) Multiplier', 'Restricted Mode: Multiplier runs no git in a folder you have not trusted. Trust the folder to see where you are the primary author.', 'manageTrust');
    case 'no-repository':
      return muted('$(circle-slash) Multiplier', `Not in a git repository: ${escapeMarkdownText(status.message)}`, 'none');
    case 'error':
      return muted('$(warning) Multiplier', `Multiplier could not read this repository: ${escapeMarkdownText(status.message)}\n\nSee **Multiplier: Show Log** for details.`, 'log');
    case 'loading':
      return { visible: true, text: '$(sync~spin) Multiplier', tooltip: escapeMarkdownText(status.message), ariaLabel: `Multiplier: ${status.message}`, action: 'none' };
    case 'ready':
      return readyView(input);
  }
}

function muted(text: string, tooltip: string, action: StatusAction): StatusView {
  return { visible: true, text, tooltip, ariaLabel: `Multiplier: ${tooltip.replace(/[*\\]/g, '')}`, action };
}

function readyView(input: StatusInput): StatusView {
  const { area } = input;
  if (!area) return HIDDEN;
  if (input.assist) return assistView(area, input.assist, input.formatTime);
  if (area.level !== 'nudge' || input.snooze) return HIDDEN;
  const name = shortAreaName(area.area);
  const share = percent(area.myShare);
  const lines = [`**Multiplier** · ${escapeMarkdownText(area.area)}`, ''];
  for (const reason of area.reasons) lines.push(escapeMarkdownText(reason), '');
  for (const line of shadowLines(area, input.dives?.year ?? [], input.dives?.nowSeconds ?? 0, MARKDOWN_FORMAT)) lines.push(line, '');
  const owners = area.owners.map(escapeMarkdownText).join(', ');
  const source = area.source === 'settings' ? 'multiplier.ownershipMap' : area.sourcePath;
  lines.push(`Owned by ${owners} (from ${escapeMarkdownText(source)}${area.membersInferred ? '; team members inferred from history' : ''}).`, '');
  if (area.suggestions.length > 0) {
    lines.push('Pair with:', '');
    for (const suggestion of area.suggestions) lines.push(`- **${escapeMarkdownText(suggestion.name)}**: ${escapeMarkdownText(suggestion.reason)}`);
    lines.push('');
  }
  for (const problem of input.problems) lines.push(`$(warning) ${escapeMarkdownText(problem)}`, '');
  // Shallow clone and the like: the numbers above rest on what was read, so say what is missing.
  const warnings = input.status?.kind === 'ready' ? input.status.warnings : [];
  for (const warning of warnings) lines.push(`$(info) ${escapeMarkdownText(warning)}`, '');
  lines.push('_Click for pairing and handoff suggestions._');
  return {
    visible: true,
    text: `$(organization) ${name} · you ${share}`,
    tooltip: lines.join('\n'),
    ariaLabel: `Multiplier: you made ${share} of recent changes in ${name}, owned by ${area.owners.join(', ')}. Select for pairing and handoff suggestions.`,
    action: 'suggestions',
  };
}

/** While a time-boxed assist runs, the nudge pauses and a quiet reminder of the time box shows. */
function assistView(area: AreaReport, assist: Assist, formatTime: (ms: number) => string): StatusView {
  const name = shortAreaName(area.area);
  const until = formatTime(assist.until);
  const tooltip = [
    `**Multiplier** · ${escapeMarkdownText(area.area)}`,
    '',
    ...timeBoxLines(assist, undefined, formatTime),
    '',
    'Nudges for this area are paused until then; when it ends you will be offered the handoff note.',
    '',
    '_Click for pairing and handoff suggestions._',
  ].join('\n');
  return {
    visible: true,
    text: `$(watch) ${name} · until ${until}`,
    tooltip,
    ariaLabel: `Multiplier: you are helping in ${name} until ${until}. Select for suggestions.`,
    action: 'suggestions',
  };
}

/** The tooltip lines for active assists and snoozes (shown in the suggestions and "why"). */
export function timeBoxLines(assist: Assist | undefined, snooze: Snooze | undefined, formatTime: (ms: number) => string): string[] {
  const lines: string[] = [];
  if (assist) lines.push(`You are helping here until ${formatTime(assist.until)}${assist.reason ? `: ${escapeMarkdownText(assist.reason)}` : ''}.`);
  if (snooze) lines.push(`Nudges are snoozed until ${formatTime(snooze.until)}.`);
  return lines;
}
