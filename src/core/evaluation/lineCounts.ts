import type { GitRunner } from '../git/gitCommand';
import { numstatLog } from '../git/repositoryCommands';

/** Lines one commit added and removed in one file; null for binary files. */
export interface FileLineCount {
  readonly added: number | null;
  readonly removed: number | null;
}

/** sha → path (after renames) → line counts, for every commit of history. */
export type LineCountIndex = ReadonlyMap<string, ReadonlyMap<string, FileLineCount>>;

/**
 * Line counts for all of history. The extension reads them for its window only, because blob
 * diffs cost about ten times a file-level walk (≈30 s instead of 8 s on git/git); the evaluation
 * pays that once, for the "most lines added" baseline and for the windows of past cut-offs.
 */
export async function readAllLineCounts(runner: GitRunner, head: string, excludePaths: readonly string[], signal?: AbortSignal): Promise<LineCountIndex> {
  const index = new Map<string, Map<string, FileLineCount>>();
  await runner.stream(
    numstatLog({ revision: head, excludePaths }, (commit) => {
      const perFile = new Map<string, FileLineCount>();
      for (const file of commit.files) perFile.set(file.path, { added: file.added, removed: file.removed });
      index.set(commit.sha, perFile);
    }),
    { signal },
  );
  return index;
}

/** Lines a commit added to a file; 0 when unknown or binary (a binary blob has no lines to author). */
export function linesAdded(index: LineCountIndex, sha: string, path: string): number {
  return index.get(sha)?.get(path)?.added ?? 0;
}
