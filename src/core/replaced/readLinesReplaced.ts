/**
 * "Your changes replaced 30 lines Ana wrote": for each of my solo commits in an area (newest
 * first), the lines it deleted or rewrote, and who wrote them as `git blame` of its parent says,
 * renames followed. Exact but not cheap (two git processes per commit), so it runs after the scan
 * in the worker, for nudge areas and on demand, never on the status bar's path, and it is bounded:
 * a cap on commits per area and one deadline for the whole read. Cut short, it says "at least".
 */
import type { AreaReport } from '../analysis/areaReport';
import type { LinesReplaced } from '../analysis/linesReplaced';
import { withAreaReports, type RepositoryAnalysis } from '../analysis/repositoryAnalysis';
import type { GitRunner } from '../git/gitCommand';
import { GitFailure } from '../git/gitFailure';
import type { Contribution } from '../history/contributions';
import { createBotMatcher, type BotMatcher } from '../identity/bots';
import { personKey } from '../identity/person';
import type { ScanResult } from '../scan/scanRepository';
import { blameParent, deletedRanges, type BlamedLines } from './replacedCommands';

export interface ReplacedLinesLimits {
  /** The whole read stops after this long, in milliseconds. */
  readonly deadlineMs: number;
  /** At most this many of my commits per area are read (the newest). */
  readonly maxCommits: number;
}

export const REPLACED_LINES_LIMITS: ReplacedLinesLimits = { deadlineMs: 15_000, maxCommits: 40 };

export interface ReplacedLinesInput {
  readonly runner: GitRunner;
  readonly analysis: RepositoryAnalysis;
  readonly isBot: BotMatcher;
  readonly limits: ReplacedLinesLimits;
  /** A stopwatch in milliseconds the deadline is measured on (default: performance.now). */
  readonly clock?: () => number;
  /** Blame already read for this repository, by commit. */
  readonly cache?: BlameCache;
  readonly signal?: AbortSignal;
}

export interface ReplacedLinesResult {
  readonly byArea: ReadonlyMap<string, LinesReplaced>;
  /** Why a count stopped early other than the deadline (a git failure), for the log. */
  readonly warnings: readonly string[];
}

/** Reads replaced lines for `areas`, in order, under one deadline. */
export async function readLinesReplaced(areas: readonly AreaReport[], input: ReplacedLinesInput): Promise<ReplacedLinesResult> {
  const byArea = new Map<string, LinesReplaced>();
  const warnings: string[] = [];
  const budget = new Budget(input.clock ?? (() => performance.now()), input.limits.deadlineMs);
  const credited = creditedAuthors(input.analysis);
  for (const area of areas) {
    const tally = new Map<string, { name: string; email: string; lines: number }>();
    const commits = input.analysis.mySoloCommits(area.key);
    let complete = commits.length <= input.limits.maxCommits;
    try {
      for (const commit of commits.slice(0, input.limits.maxCommits)) {
        if (!(await countCommit(commit, area.key, tally, budget, credited, input))) {
          complete = false;
          break;
        }
      }
    } catch (error) {
      if (!(error instanceof GitFailure) || error.kind === 'cancelled') throw error;
      complete = false;
      if (error.kind !== 'timeout') warnings.push(`replaced lines in ${area.area} were not all read: ${error.message}`);
    }
    byArea.set(area.key, summarize(tally, complete));
  }
  return { byArea, warnings };
}

/** The area reports with their replaced lines filled in. */
export function areasWithLinesReplaced(areas: readonly AreaReport[], result: ReplacedLinesResult): Map<string, AreaReport> {
  const updated = new Map<string, AreaReport>();
  for (const area of areas) {
    const replaced = result.byArea.get(area.key);
    if (replaced) updated.set(area.key, { ...area, othersLinesReplaced: replaced });
  }
  return updated;
}

class Budget {
  private readonly started: number;

  constructor(
    private readonly clock: () => number,
    private readonly deadlineMs: number,
  ) {
    this.started = clock();
  }

  /** Milliseconds left, or 0 when the deadline has passed. */
  remaining(): number {
    return Math.max(0, Math.floor(this.deadlineMs - (this.clock() - this.started)));
  }
}

/** Adds one commit's replaced lines to `tally`; false when the deadline stopped it first. */
async function countCommit(
  commit: Contribution,
  areaKey: string,
  tally: Map<string, { name: string; email: string; lines: number }>,
  budget: Budget,
  credited: ReadonlyMap<string, string>,
  input: ReplacedLinesInput,
): Promise<boolean> {
  const paths = new Set<string>();
  for (const change of commit.changes) {
    if (change.status === 'A' || change.status === 'C' || input.analysis.areaOf(change.path)?.key !== areaKey) continue;
    paths.add(change.path);
    if (change.oldPath !== undefined) paths.add(change.oldPath);
  }
  if (paths.size === 0) return true;
  const blamed = await blameOfCommit(commit.sha, [...paths].sort(), budget, input);
  if (!blamed) return false;
  for (const file of blamed) tallyBlame(file, tally, credited, input);
  return true;
}

/**
 * Who wrote the lines a commit deleted in `paths`: from the cache when this commit was read
 * before (a commit's diff and its parent's blame never change), else from git; undefined when
 * the deadline stopped it first.
 */
async function blameOfCommit(sha: string, paths: readonly string[], budget: Budget, input: ReplacedLinesInput): Promise<readonly BlamedLines[] | undefined> {
  const key = `${sha}\0${paths.join('\0')}`;
  const cached = input.cache?.get(key);
  if (cached) return cached;
  if (budget.remaining() === 0) return undefined;
  const { runner, signal } = input;
  const files = await runner.run(deletedRanges(sha, paths), { signal, timeoutMs: budget.remaining() });
  const blamed: BlamedLines[] = [];
  for (const file of files) {
    if (budget.remaining() === 0) return undefined;
    blamed.push(await runner.run(blameParent(sha, file.oldPath, file.ranges), { signal, timeoutMs: budget.remaining() }));
  }
  input.cache?.remember(key, blamed);
  return blamed;
}

function tallyBlame(blamed: BlamedLines, tally: Map<string, { name: string; email: string; lines: number }>, credited: ReadonlyMap<string, string>, input: ReplacedLinesInput): void {
  for (const [sha, lines] of blamed.linesByCommit) {
    const author = blamed.authors.get(sha) ?? { name: '', email: '' };
    const creditedKey = credited.get(sha);
    if (creditedKey === undefined && input.isBot(author)) continue;
    const key = creditedKey ?? personKey(author.email);
    if (key === '' || input.analysis.isMe(key)) continue;
    const person = input.analysis.people.get(key);
    const entry = tally.get(key) ?? { name: person?.name || author.name || author.email, email: person?.email || author.email, lines: 0 };
    entry.lines += lines;
    tally.set(key, entry);
  }
}

/** Blame results by commit and paths, kept between reads of one repository (the worker keeps one per repository). */
export class BlameCache {
  private readonly entries = new Map<string, readonly BlamedLines[]>();

  constructor(private readonly maxEntries = 5000) {}

  get(key: string): readonly BlamedLines[] | undefined {
    return this.entries.get(key);
  }

  remember(key: string, blamed: readonly BlamedLines[]): void {
    // Oldest first out: a Map iterates in insertion order.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, blamed);
  }
}

/**
 * Recent commits credited to someone other than their git author (an agent's commit with a
 * person as co-author is that person's), so their lines are too.
 */
function creditedAuthors(analysis: RepositoryAnalysis): Map<string, string> {
  const credited = new Map(analysis.contributions.map((c) => [c.sha, c.author]));
  const { earlierCommits: earlier } = analysis;
  for (let i = 0; i < earlier.length; i++) if (!credited.has(earlier.sha(i))) credited.set(earlier.sha(i), earlier.author(i));
  return credited;
}

function summarize(tally: ReadonlyMap<string, { name: string; email: string; lines: number }>, complete: boolean): LinesReplaced {
  const byPerson = [...tally.values()].sort((a, b) => b.lines - a.lines || a.name.localeCompare(b.name));
  return { total: byPerson.reduce((sum, person) => sum + person.lines, 0), byPerson, complete };
}

/** The scan with replaced lines read for `areas` (same deadline for all), and what stopped any early. */
export async function withLinesReplaced(
  scan: ScanResult,
  areas: readonly AreaReport[],
  options: { readonly limits?: ReplacedLinesLimits; readonly clock?: () => number; readonly signal?: AbortSignal; readonly cache?: BlameCache } = {},
): Promise<{ scan: ScanResult; warnings: readonly string[] }> {
  if (areas.length === 0) return { scan, warnings: [] };
  const result = await readLinesReplaced(areas, {
    runner: scan.runner,
    analysis: scan.analysis,
    isBot: createBotMatcher(scan.settings.bots, scan.settings.agents),
    limits: options.limits ?? REPLACED_LINES_LIMITS,
    clock: options.clock,
    signal: options.signal,
    cache: options.cache,
  });
  return { scan: { ...scan, analysis: withAreaReports(scan.analysis, areasWithLinesReplaced(areas, result)) }, warnings: result.warnings };
}

/** Areas the scan itself reads replaced lines for: team areas where I am nudged. */
export function nudgeAreas(areas: readonly AreaReport[]): AreaReport[] {
  return areas.filter((area) => area.level === 'nudge' && !area.isMine);
}
