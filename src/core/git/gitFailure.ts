/**
 * Every way running git can fail, mapped to a kind the UI can act on and one specific sentence a
 * person can act on. Classification reads git's stderr under LC_ALL=C (the runner sets it).
 */

export type GitFailureKind =
  | 'git-not-found'
  | 'git-too-old'
  | 'not-a-repository'
  | 'empty-repository'
  | 'dubious-ownership'
  | 'bare-repository'
  | 'corrupt-repository'
  | 'timeout'
  | 'cancelled'
  | 'unsafe-config'
  | 'failed';

export class GitFailure extends Error {
  constructor(
    readonly kind: GitFailureKind,
    message: string,
    /** git's own first stderr line, kept for the log. */
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'GitFailure';
  }
}

export const MINIMUM_GIT_VERSION: readonly [number, number] = [2, 24];

/** The first meaningful line of stderr, without git's `fatal:`/`error:` prefix. */
export function firstStderrLine(stderr: string): string {
  const line = stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l.length > 0 && !l.startsWith('hint:'));
  return (line ?? '').replace(/^(fatal|error):\s*/, '');
}

export function classifyGitError(stderr: string, cwd: string, spawnError?: NodeJS.ErrnoException): GitFailure {
  if (spawnError?.code === 'ENOENT' || /spawn .*ENOENT/.test(stderr)) {
    return new GitFailure('git-not-found', 'Git was not found. Install git 2.24 or newer and make sure it is on PATH.', spawnError?.message);
  }
  const detail = firstStderrLine(stderr);
  if (/detected dubious ownership/i.test(stderr)) {
    return new GitFailure(
      'dubious-ownership',
      `Git refuses to read ${cwd} because the folder is owned by another user. Multiplier will not override that; if you trust it, add it to git's safe.directory yourself.`,
      detail,
    );
  }
  if (/not a git repository/i.test(stderr)) {
    return new GitFailure('not-a-repository', `${cwd} is not inside a git repository.`, detail);
  }
  if (/cannot use bare repository|this operation must be run in a work tree/i.test(stderr)) {
    return new GitFailure('bare-repository', `${cwd} is a bare repository or lies inside one; Multiplier reads repositories with a working tree.`, detail);
  }
  if (/does not have any commits yet|ambiguous argument 'HEAD'|unknown revision or path not in the working tree.*HEAD|bad default revision 'HEAD'/i.test(stderr)) {
    return new GitFailure('empty-repository', 'The repository has no commits yet, so there is no history to read.', detail);
  }
  if (/unable to read|bad object|loose object .* is corrupt|packfile .* cannot be accessed|invalid object|missing blob|missing tree|inflate: data stream error|fatal: failed to read object/i.test(stderr)) {
    return new GitFailure(
      'corrupt-repository',
      `Git could not read part of the history (${detail}). The repository may be damaged; \`git fsck\` in it tells more.`,
      detail,
    );
  }
  if (/unknown option.*end-of-options|unrecognized argument: --end-of-options/i.test(stderr)) {
    return new GitFailure('git-too-old', 'This git is too old: Multiplier needs git 2.24 or newer.', detail);
  }
  return new GitFailure('failed', `Git failed: ${detail.replace(/\.+$/, "") || "no error message"}.`, detail);
}

/** Parses `git version 2.39.5` (also `2.39.5.windows.1`, `2.45.GIT`). */
export function parseGitVersion(output: string): [number, number, number] | undefined {
  const match = /git version (\d+)\.(\d+)(?:\.(\d+))?/.exec(output);
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
}

export function isSupportedGitVersion(version: readonly [number, number, number]): boolean {
  const [major, minor] = version;
  return major > MINIMUM_GIT_VERSION[0] || (major === MINIMUM_GIT_VERSION[0] && minor >= MINIMUM_GIT_VERSION[1]);
}
