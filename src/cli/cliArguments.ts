import { parseArgs } from 'node:util';
import { toSeconds } from '../core/time';

export const USAGE = `Usage:
  multiplier scan [--repo DIR] [--me EMAIL]... [--window-days N] [--config FILE] [--now DATE] [--timeout SECONDS] [--json]
  multiplier handoff PATH [--repo DIR] [--me EMAIL]... [--window-days N] [--config FILE] [--now DATE] [--timeout SECONDS]
  multiplier footprint [--repo DIR] [--me EMAIL]... [--window-days N] [--config FILE] [--now DATE] [--timeout SECONDS] [--json]

Commands:
  scan       Every team-owned area with its owners, your share, the level (nudge, info, none),
             who to pair with, AI-assisted changes, decision files and (where you are nudged)
             the lines of others your changes replaced.
  handoff    The Markdown handoff note for the area PATH lies in, on stdout. PATH is a file or
             folder that exists in the working tree or at HEAD (or an area's pattern, like *.md).
             A relative PATH is read from --repo DIR, as git -C DIR reads it, or from the
             current folder without --repo; an absolute PATH works either way. A folder that
             spans several areas is refused with their list: name one of them.
  footprint  Where your work went: the team areas you work in, your dives into them over the
             last 365 days and what the owners did after each, and the balance of your changes
             (own areas, paired, solo in team areas, unowned).

Options:
  --repo DIR         Run as if started in DIR (any folder of the repository), like git -C DIR.
                     Default: the current folder.
  --me EMAIL         Who you are; repeat for aliases. Default: git config user.email.
  --window-days N    Recent history to judge, in days (1-3650). Default: multiplier.windowDays or 90.
  --config FILE      A JSON file of multiplier.* settings. Default: the repository's .vscode/settings.json.
  --now DATE         Evaluate as of this date (ISO 8601), for reproducible reports. Default: now.
  --timeout SECONDS  Stop any one git command that runs longer (a huge repository). Default: 600.
  --json             scan and footprint: print one JSON object instead of text.
  -h, --help         Show this help.
  -v, --version      Show the version.

Multiplier only reads: it never writes to the repository and sends nothing anywhere.`;

export class UsageError extends Error {}

export interface CliArguments {
  readonly command: 'scan' | 'handoff' | 'footprint' | 'help' | 'version';
  readonly path: string | undefined;
  readonly repo: string;
  readonly me: readonly string[];
  readonly windowDays: number | undefined;
  readonly config: string | undefined;
  /** When to judge (`--now`, or the clock), in seconds since the epoch. */
  readonly nowSeconds: number;
  readonly json: boolean;
  /** Hard deadline per git command, in milliseconds. */
  readonly timeoutMs: number;
}

export const DEFAULT_TIMEOUT_SECONDS = 600;

/** Parses argv (without node and script); throws UsageError with one clear sentence. */
export function parseCliArguments(argv: readonly string[], cwd: string, clock: () => number): CliArguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        repo: { type: 'string' },
        me: { type: 'string', multiple: true },
        'window-days': { type: 'string' },
        config: { type: 'string' },
        now: { type: 'string' },
        timeout: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(String((error as Error).message).replace(/\. To specify.*$/s, '.'));
  }
  const { values, positionals } = parsed;
  const base = { repo: values.repo ?? cwd, me: values.me ?? [], config: values.config, json: values.json ?? false, timeoutMs: parseTimeout(values.timeout) };
  if (values.help) return { command: 'help', path: undefined, windowDays: undefined, nowSeconds: toSeconds(clock()), ...base };
  if (values.version) return { command: 'version', path: undefined, windowDays: undefined, nowSeconds: toSeconds(clock()), ...base };
  const [command, ...rest] = positionals;
  if (command !== 'scan' && command !== 'handoff' && command !== 'footprint') {
    throw new UsageError(command ? `Unknown command "${command}"; use "scan", "handoff" or "footprint".` : 'Missing command; use "scan", "handoff" or "footprint".');
  }
  if (command !== 'handoff' && rest.length > 0) throw new UsageError(`"${command}" takes no path, got "${rest[0]}".`);
  if (command === 'handoff' && rest.length !== 1) throw new UsageError('"handoff" needs exactly one PATH: a file or folder in the area.');
  if (command === 'handoff' && values.json) throw new UsageError('--json applies to "scan" and "footprint"; "handoff" prints Markdown.');
  for (const email of base.me) {
    if (!/^[^\s@<>]+@[^\s@<>]+$/.test(email)) throw new UsageError(`--me needs an email address, got "${email}".`);
  }
  return { command, path: rest[0], windowDays: parseWindowDays(values['window-days']), nowSeconds: parseNow(values.now, clock), ...base };
}

function parseWindowDays(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const days = Number(value);
  if (!/^\d+$/.test(value) || days < 1 || days > 3650) throw new UsageError(`--window-days must be a whole number from 1 to 3650, got "${value}".`);
  return days;
}

function parseTimeout(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TIMEOUT_SECONDS * 1000;
  const seconds = Number(value);
  if (!/^\d+$/.test(value) || seconds < 1 || seconds > 86400) throw new UsageError(`--timeout must be a whole number of seconds from 1 to 86400, got "${value}".`);
  return seconds * 1000;
}

function parseNow(value: string | undefined, clock: () => number): number {
  if (value === undefined) return toSeconds(clock());
  const time = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(time)) throw new UsageError(`--now must be an ISO date like 2026-06-01, got "${value}".`);
  return toSeconds(time);
}
