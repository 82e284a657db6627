/**
 * Pure parsers for `git log -z` with a NUL-separated `--format` and `--name-status` or
 * `--numstat`. Every commit header starts with a record-separator byte and has a fixed number of
 * NUL-terminated fields, then change entries follow; file names are consumed by position, so no
 * byte a file name can hold (newline, tab, quote, 0x1e) can confuse the parser.
 */
import { detachedCopy, NulTokenizer } from './nulTokenizer';

const RECORD_START = '\x1e';
const TRAILER_SEPARATOR = '\x1f';

/** Trailers that say an AI agent helped write the commit (`Assisted-by: Claude`), lowercased. */
export const AI_ATTRIBUTION_TRAILERS: readonly string[] = ['assisted-by', 'generated-by', 'made-with'];
const CO_AUTHOR_TRAILER = 'co-authored-by';

/**
 * Header fields, in format order. One `%(trailers)` placeholder with several keys: git parses a
 * message's trailer block once per placeholder, and prints each as `Key: value`.
 */
const HEADER_FIELDS = ['%H', '%aN', '%aE', '%at', '%(trailers:key=Co-authored-by,key=Assisted-by,key=Generated-by,key=Made-with,separator=%x1f)', '%s'] as const;

/** The `--format` for history reads: mailmapped author (`%aN`/`%aE`), author time, co-author and AI trailers, subject. */
export const HISTORY_FORMAT = `--format=%x1e${HEADER_FIELDS.join('%x00')}`;
/** The `--format` for line-count reads, which only need the sha to join with the history read. */
export const NUMSTAT_FORMAT = '--format=%x1e%H';

export type ChangeStatus = 'A' | 'M' | 'D' | 'T' | 'R' | 'C' | 'U' | 'X' | 'B';

export interface FileChange {
  readonly status: ChangeStatus;
  /** The path after the change (the new name for renames and copies). */
  readonly path: string;
  /** The path before a rename or copy. */
  readonly oldPath?: string;
}

export interface LoggedCommit {
  readonly sha: string;
  readonly authorName: string;
  readonly authorEmail: string;
  /** Author time, seconds since the epoch. */
  readonly authorTime: number;
  /** Raw `Co-authored-by` trailer values (`Name <email>`), from the message's trailer block. */
  readonly coAuthors: readonly string[];
  /** Values of `Assisted-by`, `Generated-by` and `Made-with` trailers (`Claude Code`). */
  readonly aiAttributions: readonly string[];
  readonly subject: string;
  readonly changes: readonly FileChange[];
}

export interface LineCount {
  readonly path: string;
  readonly oldPath?: string;
  /** null for binary files (`-`). */
  readonly added: number | null;
  readonly removed: number | null;
}

export interface NumstatCommit {
  readonly sha: string;
  readonly files: readonly LineCount[];
}

export class LogFormatError extends Error {
  constructor(message: string) {
    super(`Unexpected git log output: ${message}`);
    this.name = 'LogFormatError';
  }
}

/** Shared state machine: headers of a fixed width, then entries until the next header. */
abstract class LogTokenParser<C> {
  private header: string[] | undefined;
  private pathsWanted = 0;
  private pendingEntry: string[] = [];
  private readonly tokenizer = new NulTokenizer((token) => this.onToken(token));
  protected count = 0;

  constructor(
    private readonly headerWidth: number,
    private readonly onCommit: (commit: C) => void,
  ) {}

  push(chunk: Uint8Array): void {
    this.tokenizer.push(chunk);
  }

  end(): number {
    this.tokenizer.end();
    if (this.pathsWanted > 0) throw new LogFormatError('a change entry was cut short');
    if (this.header && this.header.length < this.headerWidth) throw new LogFormatError('a commit header was cut short');
    this.finishCommit();
    return this.count;
  }

  protected abstract startCommit(header: readonly string[]): void;
  /** Returns how many path tokens follow this entry token. */
  protected abstract entryPaths(token: string): number;
  protected abstract addEntry(token: string, paths: readonly string[]): void;
  protected abstract takeCommit(): C | undefined;

  private onToken(token: string): void {
    if (this.pathsWanted > 0) {
      this.pendingEntry.push(token);
      if (--this.pathsWanted === 0) this.completeEntry();
      return;
    }
    if (this.header && this.header.length < this.headerWidth) {
      this.header.push(token);
      if (this.header.length === this.headerWidth) this.startCommit(this.header);
      return;
    }
    if (token.startsWith(RECORD_START)) {
      this.finishCommit();
      this.header = [token.slice(1)];
      if (this.headerWidth === 1) this.startCommit(this.header);
      return;
    }
    if (!this.header) throw new LogFormatError('change entry before any commit');
    const entry = token.startsWith('\n') ? token.slice(1) : token;
    if (entry === '') return; // git separates the header from its entries with a bare newline
    this.pendingEntry = [entry];
    this.pathsWanted = this.entryPaths(entry);
    if (this.pathsWanted === 0) this.completeEntry();
  }

  private completeEntry(): void {
    const [entry, ...paths] = this.pendingEntry;
    this.pendingEntry = [];
    this.addEntry(entry ?? '', paths);
  }

  private finishCommit(): void {
    const commit = this.takeCommit();
    this.header = undefined;
    if (commit) {
      this.count++;
      this.onCommit(commit);
    }
  }
}

const STATUS_PATTERN = /^([AMDTUXB])\d*$|^([RC])\d*$/;

/**
 * Distinct paths kept before the table of paths starts again: it only saves memory and hashing,
 * so forgetting costs nothing but a copy, and a monorepo's churn cannot grow it without bound.
 */
const MAX_INTERNED_PATHS = 1 << 20;

/**
 * Parses `git log -z --name-status` output produced with HISTORY_FORMAT. Each path is given as
 * one shared copy of its own (see `detachedCopy`): the index keys records, filters and areas by
 * path for as long as it lives, and the same path comes back in thousands of commits.
 */
export class NameStatusLogParser extends LogTokenParser<LoggedCommit> {
  private current: { header: readonly string[]; changes: FileChange[] } | undefined;
  private readonly paths = new Map<string, string>();

  constructor(onCommit: (commit: LoggedCommit) => void) {
    super(HEADER_FIELDS.length, onCommit);
  }

  protected startCommit(header: readonly string[]): void {
    this.current = { header, changes: [] };
  }

  protected entryPaths(token: string): number {
    const match = STATUS_PATTERN.exec(token);
    if (!match) throw new LogFormatError(`unknown change status ${JSON.stringify(token.slice(0, 20))}`);
    return match[2] ? 2 : 1;
  }

  protected addEntry(token: string, paths: readonly string[]): void {
    const status = token.charAt(0) as ChangeStatus;
    const change: FileChange = paths.length === 2 ? { status, oldPath: this.shared(paths[0] ?? ''), path: this.shared(paths[1] ?? '') } : { status, path: this.shared(paths[0] ?? '') };
    this.current?.changes.push(change);
  }

  private shared(path: string): string {
    let copy = this.paths.get(path);
    if (copy === undefined) {
      if (this.paths.size >= MAX_INTERNED_PATHS) this.paths.clear();
      copy = detachedCopy(path);
      this.paths.set(copy, copy);
    }
    return copy;
  }

  protected takeCommit(): LoggedCommit | undefined {
    const current = this.current;
    this.current = undefined;
    if (!current) return undefined;
    const [sha = '', authorName = '', authorEmail = '', time = '', trailers = '', subject = ''] = current.header;
    if (!/^[0-9a-f]{40,64}$/.test(sha)) throw new LogFormatError(`bad commit id ${JSON.stringify(sha.slice(0, 80))}`);
    return {
      sha,
      authorName,
      authorEmail,
      authorTime: Number(time) || 0,
      ...splitTrailers(trailers),
      subject,
      changes: current.changes,
    };
  }
}

/** `Key: value` entries of the trailers placeholder, sorted by key; a key holds no colon. */
function splitTrailers(trailers: string): { coAuthors: string[]; aiAttributions: string[] } {
  const coAuthors: string[] = [];
  const aiAttributions: string[] = [];
  if (trailers === '') return { coAuthors, aiAttributions };
  for (const entry of trailers.split(TRAILER_SEPARATOR)) {
    const colon = entry.indexOf(':');
    if (colon === -1) continue;
    const key = entry.slice(0, colon).trim().toLowerCase();
    const value = entry.slice(colon + 1).trim();
    if (value === '') continue;
    if (key === CO_AUTHOR_TRAILER) coAuthors.push(value);
    else if (AI_ATTRIBUTION_TRAILERS.includes(key)) aiAttributions.push(value);
  }
  return { coAuthors, aiAttributions };
}

const NUMSTAT_PATTERN = /^(-|\d+)\t(-|\d+)\t([\s\S]*)$/;

/** Parses `git log -z --numstat` output produced with NUMSTAT_FORMAT. */
export class NumstatLogParser extends LogTokenParser<NumstatCommit> {
  private current: { sha: string; files: LineCount[] } | undefined;

  constructor(onCommit: (commit: NumstatCommit) => void) {
    super(1, onCommit);
  }

  protected startCommit(header: readonly string[]): void {
    const sha = header[0] ?? '';
    if (!/^[0-9a-f]{40,64}$/.test(sha)) throw new LogFormatError(`bad commit id ${JSON.stringify(sha.slice(0, 80))}`);
    this.current = { sha, files: [] };
  }

  protected entryPaths(token: string): number {
    const match = NUMSTAT_PATTERN.exec(token);
    if (!match) throw new LogFormatError(`bad numstat entry ${JSON.stringify(token.slice(0, 40))}`);
    // A rename or copy leaves the path empty and gives old and new names as two tokens.
    return match[3] === '' ? 2 : 0;
  }

  protected addEntry(token: string, paths: readonly string[]): void {
    const match = NUMSTAT_PATTERN.exec(token);
    if (!match || !this.current) return;
    const added = match[1] === '-' ? null : Number(match[1]);
    const removed = match[2] === '-' ? null : Number(match[2]);
    const entry: LineCount = paths.length === 2 ? { path: paths[1] ?? '', oldPath: paths[0] ?? '', added, removed } : { path: match[3] ?? '', added, removed };
    this.current.files.push(entry);
  }

  protected takeCommit(): NumstatCommit | undefined {
    const current = this.current;
    this.current = undefined;
    return current;
  }
}

/** Runs a streaming parser over a whole output at once (tests, small reads). */
function parseWhole<C>(output: Uint8Array | string, createParser: (onCommit: (commit: C) => void) => LogTokenParser<C>): C[] {
  const commits: C[] = [];
  const parser = createParser((c) => commits.push(c));
  parser.push(typeof output === 'string' ? new TextEncoder().encode(output) : output);
  parser.end();
  return commits;
}

export function parseNameStatusLog(output: Uint8Array | string): LoggedCommit[] {
  return parseWhole(output, (onCommit) => new NameStatusLogParser(onCommit));
}

export function parseNumstatLog(output: Uint8Array | string): NumstatCommit[] {
  return parseWhole(output, (onCommit) => new NumstatLogParser(onCommit));
}
