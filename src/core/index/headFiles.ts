import type { TreeChanges } from '../git/repositoryCommands';

/**
 * Git's order of a tree's paths (`ls-tree -r`): by their UTF-8 bytes, which is the order of their
 * code points. JavaScript compares UTF-16 code units, which differs only where a character beyond
 * U+FFFF (a surrogate pair) meets one from U+E000 to U+FFFF; those are mapped to code point order.
 */
export function compareGitPaths(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

function codePointRank(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit <= 0xdfff ? unit + 0x2000 : unit - 0x800;
}

/**
 * HEAD's files after `changes`, from the files before them (in git's order): the same list, in
 * the same order, as listing the new tree, at the cost of what changed.
 */
export function withTreeChanges(files: readonly string[], changes: TreeChanges): string[] {
  if (changes.added.length === 0 && changes.removed.length === 0) return [...files];
  const removed = new Set(changes.removed);
  const kept = removed.size === 0 ? files : files.filter((file) => !removed.has(file));
  const added = [...changes.added].sort(compareGitPaths);
  const result: string[] = [];
  let at = 0;
  for (const path of added) {
    // Where the path goes: after every kept file that sorts before it.
    let low = at;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareGitPaths(kept[middle] as string, path) < 0) low = middle + 1;
      else high = middle;
    }
    for (; at < low; at++) result.push(kept[at] as string);
    result.push(path);
  }
  for (; at < kept.length; at++) result.push(kept[at] as string);
  return result;
}
