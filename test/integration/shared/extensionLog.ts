/**
 * What Multiplier wrote to its log ("Multiplier: Show Log"), read from the window's log folder
 * inside the run's user-data dir (code-server names its IPC socket there). For tests that need the
 * extension's own account of what it did, e.g. that it read history with git.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

function userDataDir(): string {
  const socket = process.env.CODE_SERVER_SESSION_SOCKET;
  if (!socket) throw new Error('CODE_SERVER_SESSION_SOCKET is not set: the log is only found inside the code-server harness');
  return path.dirname(socket);
}

/** The text of Multiplier's log in the newest window session, or '' before the first line. */
export function multiplierLog(): string {
  const logs = path.join(userDataDir(), 'logs');
  const sessions = fs.existsSync(logs) ? fs.readdirSync(logs).sort() : [];
  const newest = sessions.at(-1);
  if (!newest) return '';
  const texts: string[] = [];
  for (const host of fs.readdirSync(path.join(logs, newest)).filter((name) => name.startsWith('exthost'))) {
    const file = path.join(logs, newest, host, 'multiplier.multiplier', 'Multiplier.log');
    if (fs.existsSync(file)) texts.push(fs.readFileSync(file, 'utf8'));
  }
  return texts.join('');
}
