import type { CommitChange, HistoryCommit, RepositoryHistory } from '../history/repositoryHistory';
import type { LineCountIndex } from './lineCounts';

/**
 * The history as the extension would have read it at `cutoff` (seconds): commits authored
 * before it, the files that existed then, and line counts for the window before it only, as
 * `readHistory` reads them. Commits are cut by author time, the only time history keeps; a
 * patch authored before the cut-off but applied after it is (wrongly, and rarely) included.
 */
export function historyAtCutoff(
  history: RepositoryHistory,
  cutoff: number,
  options: { readonly windowStart: number; readonly lineCounts?: LineCountIndex },
): RepositoryHistory {
  const commits = history.commits
    .filter((commit) => commit.time < cutoff)
    .map((commit) => withWindowLines(commit, options.windowStart, options.lineCounts));
  return {
    head: `${history.head}@${cutoff}`,
    commits,
    files: filesAfter(commits),
    linesSince: options.windowStart,
    shallow: history.shallow,
  };
}

/** Line counts only inside the window, as the extension has them; other commits keep none. */
function withWindowLines(commit: HistoryCommit, windowStart: number, lineCounts: LineCountIndex | undefined): HistoryCommit {
  const perFile = commit.time >= windowStart ? lineCounts?.get(commit.sha) : undefined;
  if (!perFile) return stripLines(commit);
  return {
    ...commit,
    changes: commit.changes.map((change): CommitChange => {
      const counted = perFile.get(change.path);
      const lines = counted === undefined ? 0 : counted.added === null || counted.removed === null ? null : counted.added + counted.removed;
      return { ...change, lines };
    }),
  };
}

function stripLines(commit: HistoryCommit): HistoryCommit {
  if (!commit.changes.some((change) => change.lines !== undefined)) return commit;
  return { ...commit, changes: commit.changes.map(({ lines: _lines, ...change }) => change) };
}

/**
 * The tree at the end of a newest-first list of non-merge commits, replayed from file changes:
 * git's own tree at that moment would need one more git call per cut-off. Merges are not in the
 * list, so a conflict resolution that added or dropped a file is missed; such files are rare.
 */
export function filesAfter(commitsNewestFirst: readonly HistoryCommit[]): string[] {
  const files = new Set<string>();
  for (let index = commitsNewestFirst.length - 1; index >= 0; index--) {
    for (const change of (commitsNewestFirst[index] as HistoryCommit).changes) applyToTree(files, change);
  }
  return [...files].sort();
}

function applyToTree(files: Set<string>, change: CommitChange): void {
  switch (change.status) {
    case 'D':
      files.delete(change.path);
      return;
    case 'R':
      if (change.oldPath !== undefined) files.delete(change.oldPath);
      files.add(change.path);
      return;
    default:
      // A, C, M, T …: the path exists afterwards (history may start mid-life, as in a shallow clone).
      files.add(change.path);
  }
}
