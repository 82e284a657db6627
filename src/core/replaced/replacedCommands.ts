/**
 * The git reads behind "the owners' lines my changes replaced", as data. Both are history-only
 * (`diff-tree` of a commit, `blame` of a revision), so the repository can run nothing through
 * them under the recipe: blame is given `--no-textconv`, and `--no-ignore-revs-file` drops any
 * `blame.ignoreRevsFile` the repository configures (a FIFO or /dev/zero there would hang it).
 * `blame` accepts no `--end-of-options`; its revision is always a validated sha followed by `^`.
 */
import type { GitCommand } from '../git/gitCommand';
import { SAFE_DIFF_OPTIONS } from '../git/safetyRecipe';
import { walkPatch } from '../git/zeroContextPatch';

export interface DeletedRanges {
  /** The path in the commit's parent (before a rename). */
  readonly oldPath: string;
  /** `[first line, number of lines]` on the parent's side, in file order. */
  readonly ranges: ReadonlyArray<readonly [number, number]>;
}

const SHA = /^[0-9a-f]{40,64}$/;

function checkedSha(sha: string): string {
  if (!SHA.test(sha)) throw new Error(`not a commit id: ${JSON.stringify(sha.slice(0, 80))}`);
  return sha;
}

/**
 * The lines a commit deleted or rewrote in `paths` (give both names of a renamed file), against
 * its first parent, renames followed. A root commit deletes nothing and prints nothing.
 */
export function deletedRanges(sha: string, paths: readonly string[]): GitCommand<DeletedRanges[]> {
  return {
    args: ['--literal-pathspecs', 'diff-tree', '-r', '-p', '-U0', '-M', '-l5000', '--no-commit-id', '--src-prefix=a/', '--dst-prefix=b/', ...SAFE_DIFF_OPTIONS, '--end-of-options', checkedSha(sha), '--', ...paths],
    parse: parseDeletedRanges,
  };
}

/** The deleted ranges of a `-U0` patch, per old path; files with none are left out. */
export function parseDeletedRanges(patch: string): DeletedRanges[] {
  const files: Array<{ oldPath: string | undefined; ranges: Array<readonly [number, number]> }> = [];
  walkPatch(patch, {
    file: () => files.push({ oldPath: undefined, ranges: [] }),
    oldPath: (path) => {
      const current = files[files.length - 1];
      if (current) current.oldPath = path;
    },
    hunk: (hunk) => {
      const current = files[files.length - 1];
      if (current && hunk.oldCount > 0) current.ranges.push([hunk.oldStart, hunk.oldCount]);
    },
  });
  return files.flatMap(({ oldPath, ranges }) => (oldPath !== undefined && ranges.length > 0 ? [{ oldPath, ranges }] : []));
}

export interface BlamedLines {
  /** Lines per commit sha. */
  readonly linesByCommit: ReadonlyMap<string, number>;
  /** The (mailmapped) author of each commit that appears. */
  readonly authors: ReadonlyMap<string, { readonly name: string; readonly email: string }>;
}

/** Who last wrote each line of `ranges` in the parent of `sha` (renames before it followed by blame itself). */
export function blameParent(sha: string, path: string, ranges: ReadonlyArray<readonly [number, number]>): GitCommand<BlamedLines> {
  return {
    args: ['blame', '--porcelain', '--no-textconv', '--no-ignore-revs-file', ...ranges.flatMap(([start, count]) => ['-L', `${start},+${count}`]), `${checkedSha(sha)}^`, '--', path],
    parse: parseBlamePorcelain,
  };
}

const HEADER = /^([0-9a-f]{40,64}) \d+ \d+(?: \d+)?$/;

/**
 * `blame --porcelain`: each line is a header (`sha orig final [count]`), the commit's details the
 * first time it appears (`author …`, `author-mail <…>`, …), then the line's text after a tab.
 * Counting headers counts lines; text is never read as a header, since it always follows a tab.
 */
export function parseBlamePorcelain(output: string): BlamedLines {
  const linesByCommit = new Map<string, number>();
  const authors = new Map<string, { name: string; email: string }>();
  let current: string | undefined;
  for (const line of output.split('\n')) {
    if (line.startsWith('\t')) {
      current = undefined;
      continue;
    }
    if (current === undefined) {
      const header = HEADER.exec(line);
      if (!header) continue;
      current = header[1] as string;
      linesByCommit.set(current, (linesByCommit.get(current) ?? 0) + 1);
      continue;
    }
    const author = authors.get(current) ?? { name: '', email: '' };
    if (line.startsWith('author ')) authors.set(current, { ...author, name: line.slice('author '.length) });
    else if (line.startsWith('author-mail ')) authors.set(current, { ...author, email: line.slice('author-mail '.length).replace(/^<|>$/g, '') });
  }
  return { linesByCommit, authors };
}
