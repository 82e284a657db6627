import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * A file's path relative to the repository's top level, `/`-separated. git reports the top
 * level with symlinks resolved, so the file's path is resolved too before comparing.
 */
export function repoRelativePath(topLevel: string, filePath: string): string | undefined {
  let real = filePath;
  try {
    real = fs.realpathSync.native(filePath);
  } catch {
    // A deleted or unsaved file: compare the path as given.
  }
  const relative = path.relative(topLevel, real);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}
