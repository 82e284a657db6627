import * as fs from 'node:fs';
import * as path from 'node:path';
import { GitFailure } from './gitFailure';

/**
 * Finds git as an absolute path from PATH, skipping relative entries: a bare `git` could resolve
 * inside the (untrusted) workspace on some platforms.
 */
export function resolveGitBinary(env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform = process.platform): string {
  const pathValue = env.PATH ?? env.Path ?? '';
  const names = platform === 'win32' ? ['git.exe', 'git.cmd'] : ['git'];
  for (const dir of pathValue.split(path.delimiter)) {
    if (!dir || !path.isAbsolute(dir)) continue;
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  throw new GitFailure('git-not-found', 'Git was not found on PATH. Install git 2.24 or newer and make sure it is on PATH.');
}

function isExecutableFile(candidate: string): boolean {
  try {
    const stat = fs.statSync(candidate);
    if (!stat.isFile()) return false;
    fs.accessSync(candidate, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
