/**
 * Proof that a folder was not written to: a digest of every entry below it, `.git` included
 * (index, refs, objects, config, logs). Each entry contributes its path, type, mode, size,
 * modification time and content, so a rewrite with identical bytes (git refreshing the index),
 * a file created and removed again (a lock) and a changed symlink all change the digest.
 * Names are handled as bytes: a file name need not be valid UTF-8.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';

const SLASH = Buffer.from('/');

export function treeDigest(dir: string): string {
  const hash = createHash('sha256');
  const walk = (current: Buffer, relative: Buffer): void => {
    const names = fs.readdirSync(current, { encoding: 'buffer' }).sort(Buffer.compare);
    for (const name of names) {
      const full = Buffer.concat([current, SLASH, name]);
      const rel = relative.length > 0 ? Buffer.concat([relative, SLASH, name]) : name;
      const stat = fs.lstatSync(full);
      hash.update(rel);
      hash.update(`\0${stat.mode}\0${stat.size}\0${stat.mtimeMs}\0`);
      if (stat.isDirectory()) walk(full, rel);
      else if (stat.isSymbolicLink()) hash.update(fs.readlinkSync(full, { encoding: 'buffer' }));
      // Only regular files are read: opening a FIFO would wait for a writer forever.
      else if (stat.isFile()) hash.update(fs.readFileSync(full));
    }
  };
  hash.update(String(fs.lstatSync(dir).mtimeMs));
  walk(Buffer.from(dir), Buffer.alloc(0));
  return hash.digest('hex');
}

/** Digests of several folders (a repository and the separate git dir of its worktree or submodule). */
export function treeDigests(dirs: readonly string[]): Record<string, string> {
  return Object.fromEntries(dirs.map((dir) => [dir, treeDigest(dir)]));
}
