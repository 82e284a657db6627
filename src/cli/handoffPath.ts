import * as fs from 'node:fs';
import * as path from 'node:path';
import { HandoffError, type HandoffTarget } from '../core/handoff/handoffTarget';

/**
 * Places `multiplier handoff PATH` in the repository the way git reads a path after
 * `git -C DIR`: a relative PATH from `readFrom` (`--repo DIR`, or the current folder without
 * it), an absolute one as it is. Folders on the way are followed through symlinks, as `cd`
 * would; the last segment is not, so a symlink in the repository stays the link git tracks.
 */
export function handoffTarget(topLevel: string, readFrom: string, given: string): HandoffTarget {
  const top = realPath(topLevel);
  const base = realPath(readFrom);
  const full = path.resolve(base, given);
  const located = full === path.parse(full).root ? full : path.join(realPath(path.dirname(full)), path.basename(full));
  const relative = path.relative(top, located);
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    const from = path.isAbsolute(given) ? '' : ` (read from ${base})`;
    throw new HandoffError(`${given}${from} is outside the repository at ${top}.`);
  }
  return {
    path: toPosix(relative),
    readFrom: toPosix(path.relative(top, base)),
    // lstat: a dangling symlink is still a file of the working tree.
    inWorktree: fs.lstatSync(located, { throwIfNoEntry: false }) !== undefined,
  };
}

/** The real path of `target`'s longest existing ancestor, with the missing rest appended. */
function realPath(target: string): string {
  try {
    return fs.realpathSync.native(target);
  } catch {
    const parent = path.dirname(target);
    return parent === target ? target : path.join(realPath(parent), path.basename(target));
  }
}

function toPosix(relative: string): string {
  return relative.split(path.sep).join('/');
}
