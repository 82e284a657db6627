/**
 * Every way running git can fail, mapped to a kind the UI can act on and one specific sentence a
 * person can act on. Classification reads git's stderr under LC_ALL=C (the runner sets it).
 */

export type GitFailureKind =
  | 'git-not-found'
  | 'git-not-runnable'
  | 'git-too-old'
  | 'not-a-repository'
  | 'broken-link'
  | 'empty-repository'
  | 'dubious-ownership'
  | 'bare-repository'
  | 'bad-config'
  | 'unsupported-repository'
  | 'partial-clone'
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

/**
 * The line of stderr that says what went wrong, without git's `fatal:`/`error:` prefix: the first
 * `fatal:` line when there is one (git prints warnings and errors that led up to it first), else
 * the first `error:` line, else the first line that is not a hint.
 */
export function firstStderrLine(stderr: string): string {
  const lines = stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.startsWith('hint:'));
  const line = lines.find((l) => l.startsWith('fatal:')) ?? lines.find((l) => l.startsWith('error:')) ?? lines[0];
  return (line ?? '').replace(/^(fatal|error):\s*/, '');
}

/** An object id shortened for a message, as git's own short form. */
const shortObjectIds = (text: string): string => text.replace(/\b([0-9a-f]{7})[0-9a-f]{33,57}\b/g, '$1');

export function classifyGitError(stderr: string, cwd: string, spawnError?: NodeJS.ErrnoException): GitFailure {
  if (spawnError?.code === 'ENOENT' || /spawn .*ENOENT/.test(stderr)) {
    return new GitFailure('git-not-found', 'Git was not found. Install git 2.24 or newer and make sure it is on PATH.', spawnError?.message);
  }
  if (spawnError?.code === 'EACCES' || /spawn .*EACCES/.test(stderr)) {
    return new GitFailure('git-not-runnable', 'The git binary could not be started (permission denied). Check that the configured git is an executable file.', spawnError?.message ?? firstStderrLine(stderr));
  }
  const detail = firstStderrLine(stderr);
  if (/detected dubious ownership|unsafe repository \('.*' is owned by someone else\)/i.test(stderr)) {
    return new GitFailure(
      'dubious-ownership',
      `Git refuses to read ${cwd} because the folder is owned by another user. Multiplier will not override that; if you trust it, add it to git's safe.directory yourself.`,
      detail,
    );
  }
  if (/bad config (?:line \d+|variable '[^']*') in|bad (?:boolean|numeric) config value|unable to parse '[^']*' from|unknown date format|bad --ignore-submodules argument|color moved setting must be one of|bad grep\.patterntype argument|invalid untracked files mode/i.test(stderr)) {
    return new GitFailure('bad-config', `Git cannot read the repository's configuration (${detail.replace(/\.+$/, '')}). Fix or remove that setting; until then no git command works here.`, detail);
  }
  if (/invalid gitfile format/i.test(stderr)) {
    return new GitFailure('broken-link', `The .git file in ${cwd} is not a valid link to a repository (${detail}). Restore it, or clone the repository again.`, detail);
  }
  const danglingLink = /not a git repository: (?!\.git$)(\S.*?)\s*$/im.exec(stderr);
  if (danglingLink && !/any of the parent directories/i.test(danglingLink[0])) {
    return new GitFailure(
      'broken-link',
      `${cwd} is a linked worktree or submodule whose repository is gone: its .git file points to ${danglingLink[1]}, which is not a git repository. Run \`git worktree prune\` in the main repository and add the worktree again, or clone afresh.`,
      detail,
    );
  }
  if (/not a git repository/i.test(stderr)) {
    return new GitFailure('not-a-repository', `${cwd} is not inside a git repository.`, detail);
  }
  if (/cannot use bare repository|this operation must be run in a work tree/i.test(stderr)) {
    const segments = cwd.split(/[\\/]/);
    const dotGit = segments.indexOf('.git');
    if (dotGit > 0) {
      const worktree = segments.slice(0, dotGit).join(cwd.includes('\\') && !cwd.includes('/') ? '\\' : '/');
      return new GitFailure('bare-repository', `${cwd} is inside the .git folder of the repository at ${worktree}. Open ${worktree} itself.`, detail);
    }
    return new GitFailure(
      'bare-repository',
      `${cwd} is a bare repository or lies inside one (it has no working tree). Multiplier reads a clone with a working tree; open or pass one instead.`,
      detail,
    );
  }
  if (/unknown repository extension|expected git repo version/i.test(stderr)) {
    const extensions = /unknown repository extensions? found:\s*\n((?:[ \t]+\S.*(?:\n|$))+)/i.exec(stderr)?.[1]?.trim().split(/\s+/);
    const what = extensions ? `it uses the repository extension${extensions.length > 1 ? 's' : ''} ${extensions.join(', ')}` : detail;
    return new GitFailure('unsupported-repository', `This git cannot read the repository's format (${what}). Update git, or read the repository with the git that created it.`, detail);
  }
  if (/does not have any commits yet|ambiguous argument 'HEAD'|unknown revision or path not in the working tree.*HEAD|bad default revision 'HEAD'/i.test(stderr)) {
    return new GitFailure('empty-repository', 'The repository has no commits yet, so there is no history to read.', detail);
  }
  if (/lazy fetching disabled|from promisor remote/i.test(stderr)) {
    return new GitFailure(
      'partial-clone',
      `This is a partial clone: reading its history needs objects that were never downloaded (${shortObjectIds(detail)}), and Multiplier never downloads anything. Fetch the full history yourself, or use a full clone.`,
      detail,
    );
  }
  if (/unable to read|bad object|loose object .* is corrupt|object file .* is empty|packfile .* cannot be accessed|invalid object|missing blob|missing tree|inflate: data stream error|fatal: failed to read object|unable to unpack/i.test(stderr)) {
    return new GitFailure(
      'corrupt-repository',
      `The repository is damaged: git could not read part of its history (${shortObjectIds(detail).replace(/\s*\(stored in [^)]*\)/, '')}). \`git fsck\` in the repository shows what is broken.`,
      detail,
    );
  }
  if (/unknown option.*end-of-options|unrecognized argument: --end-of-options/i.test(stderr)) {
    return new GitFailure('git-too-old', 'This git is too old: Multiplier needs git 2.24 or newer.', detail);
  }
  if (/out of memory|cannot allocate memory/i.test(stderr)) {
    return new GitFailure('failed', `Git ran out of memory reading this repository (${detail.replace(/\.+$/, '')}).`, detail);
  }
  return new GitFailure('failed', `Git failed: ${detail.replace(/\.+$/, '') || 'no error message'}.`, detail);
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
