import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * `~/src/git` for a folder under the home folder, as shells print it, so text a person copies
 * from a terminal into a chat or an issue does not carry their account name. Other paths, and
 * every path in JSON (which scripts read), stay absolute.
 */
export function homeRelative(folder: string, home: string | undefined): string {
  if (!home || !path.isAbsolute(home)) return folder;
  const relative = path.relative(home, folder);
  if (relative === '') return '~';
  if (relative.startsWith('..') || path.isAbsolute(relative)) return folder;
  return `~/${relative.split(path.sep).join('/')}`;
}

/** The home folder from the environment, through symlinks (git names repositories by their real path). */
export function homeFolder(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const home = env.HOME ?? env.USERPROFILE;
  if (!home) return undefined;
  try {
    return fs.realpathSync.native(home);
  } catch {
    return home;
  }
}
