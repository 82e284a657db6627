import * as fs from 'node:fs/promises';
import * as path from 'node:path';

/** Reads small text files from the worktree (CODEOWNERS, .git-blame-ignore-revs, settings). */
export interface WorkspaceFiles {
  /** undefined when the file is missing or is not a regular file (a FIFO would hang a read). */
  read(relPath: string, maxBytes: number): Promise<{ size: number; text?: string } | undefined>;
  exists(relPath: string): Promise<boolean>;
}

/**
 * Node implementation rooted at the repository's top level. Paths that leave the root, or lead
 * through a symlink, are treated as missing: the workspace is untrusted and a link could point
 * at a device or at a file outside the repository.
 */
export function nodeWorkspaceFiles(root: string): WorkspaceFiles {
  const resolveInside = (relPath: string): string | undefined => {
    const full = path.resolve(root, relPath);
    const rel = path.relative(root, full);
    return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : full;
  };
  return {
    async read(relPath, maxBytes) {
      const full = resolveInside(relPath);
      if (!full) return undefined;
      const stat = await fs.lstat(full).catch(() => undefined);
      if (!stat?.isFile()) return undefined;
      if (stat.size > maxBytes) return { size: stat.size };
      const text = await fs.readFile(full, 'utf8');
      return { size: stat.size, text };
    },
    async exists(relPath) {
      const full = resolveInside(relPath);
      return full ? (await fs.lstat(full).catch(() => undefined)) !== undefined : false;
    },
  };
}
