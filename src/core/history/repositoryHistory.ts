import type { ChangeStatus, FileChange, LineCount } from '../git/logParser';
import type { Contact } from '../identity/person';

export interface CommitChange {
  readonly status: ChangeStatus;
  readonly path: string;
  readonly oldPath?: string;
  /** Lines added + removed, known only for commits in the window (undefined elsewhere, null for binary). */
  readonly lines?: number | null;
}

/** One non-merge commit with identities already mapped through the repository's mailmap. */
export interface HistoryCommit {
  readonly sha: string;
  /** Author time in seconds since the epoch. */
  readonly time: number;
  readonly author: Contact;
  readonly coAuthors: readonly Contact[];
  /** The message names an AI agent's help: an `Assisted-by:`-style trailer or a "Generated with" footer. */
  readonly aiAttributed: boolean;
  readonly subject: string;
  readonly changes: readonly CommitChange[];
}

/** What git says about a repository, before any settings are applied. */
export interface RepositoryHistory {
  readonly head: string;
  /** Newest first, merges left out. */
  readonly commits: readonly HistoryCommit[];
  /** Files in HEAD's tree. */
  readonly files: readonly string[];
  /** Start of the window line counts were read for (seconds). */
  readonly linesSince: number;
  readonly shallow: boolean;
}

/** Lines added + removed per path of one commit (null for binary files), from `--numstat`. */
export function lineTotals(files: readonly LineCount[]): Map<string, number | null> {
  return new Map(files.map((file) => [file.path, file.added === null || file.removed === null ? null : file.added + file.removed]));
}

/**
 * A commit's changes with their line counts, when the commit's counts were read (the window).
 * Written out rather than spread: V8 gave every spread copy a hidden class of its own, which
 * doubled the memory of the window's changes.
 */
export function withLineCounts(changes: readonly FileChange[], lines: ReadonlyMap<string, number | null> | undefined): CommitChange[] {
  if (!lines) return [...changes];
  return changes.map(({ status, path, oldPath }) => {
    const counted = lines.get(path) ?? 0;
    return oldPath === undefined ? { status, path, lines: counted } : { status, path, oldPath, lines: counted };
  });
}
