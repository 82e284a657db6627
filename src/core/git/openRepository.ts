import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { GitRunner } from './gitCommand';
import { GitFailure, isSupportedGitVersion, MINIMUM_GIT_VERSION } from './gitFailure';
import * as os from 'node:os';
import { configEntries, currentBranch, gitVersion, repositoryLocation, repositoryState, type RepositoryLocation } from './repositoryCommands';

export interface RepositoryInfo {
  /** The validated top level every later command runs in. */
  readonly topLevel: string;
  readonly head: string;
  /** undefined on a detached HEAD. */
  readonly branch: string | undefined;
  /** A shallow clone's history is incomplete; results say so. */
  readonly shallow: boolean;
  readonly gitVersion: GitVersion;
}

export type RunnerFactory = (cwd: string) => GitRunner;

export type GitVersion = readonly [number, number, number];

/** Remembers the version a session's git gave (`ScanMemory`), so that only its first start asks. */
export interface GitVersionMemory {
  knownGitVersion(read: () => Promise<GitVersion | undefined>, supported: (version: GitVersion) => boolean): Promise<GitVersion | undefined>;
}

/**
 * Validates git and the repository before any history read: git new enough for
 * `--end-of-options`, a real top level (never a guess from the folder, never one the repository's
 * config moved elsewhere), files git reads that could never end, and at least one commit.
 */
export async function openRepository(
  folder: string,
  makeRunner: RunnerFactory,
  signal?: AbortSignal,
  memory?: GitVersionMemory,
): Promise<{ runner: GitRunner; info: RepositoryInfo; config: ReadonlyMap<string, string> }> {
  const folderStat = await fs.stat(folder).catch(() => undefined);
  if (!folderStat) throw new GitFailure('not-a-repository', `${folder} does not exist.`);
  if (!folderStat.isDirectory()) throw new GitFailure('not-a-repository', `${folder} is a file, not a folder: name the repository's folder.`);
  // One round of three small reads at once, asked from the folder: every start and every incremental
  // update waits for them, and each git process costs its spawn (the version's only at a session's
  // first start). None names repository data, so none needs the version check first (it guards
  // `--end-of-options`), and none reads a file the checks below look at; their answers are judged
  // in the order the checks need.
  const probe = makeRunner(folder);
  const [version, state, config] = await probe.concurrently(3, (parallel) => {
    const readVersion = (): Promise<GitVersion | undefined> => parallel.run(gitVersion, { signal });
    return Promise.allSettled([
      memory ? memory.knownGitVersion(readVersion, isSupportedGitVersion) : readVersion(),
      parallel.run(repositoryState, { signal }),
      parallel.run(configEntries, { signal }),
    ] as const);
  });
  const gitVersionFound = answer(version);
  if (!gitVersionFound) throw new GitFailure('failed', 'Could not tell which git is installed (`git version` gave no version).');
  if (!isSupportedGitVersion(gitVersionFound)) {
    const minimum = MINIMUM_GIT_VERSION.join('.');
    throw new GitFailure('git-too-old', `Git ${gitVersionFound.join('.')} is too old: Multiplier needs git ${minimum} or newer (older git can mistake repository data for options). Install a newer git.`);
  }
  // Where the one-process answer fails (no commit yet, no working tree, …), the two that say why.
  const { topLevel, infoAttributes, shallow, head, branch } = state.status === 'fulfilled' ? state.value : await preciseState(probe, signal);
  if (!topLevel) {
    throw new GitFailure('bare-repository', `${folder} has no working tree (a bare repository or the inside of .git). Open the folder of a clone instead.`);
  }
  await checkWorkingTreeIsOwnFolder(topLevel);
  const runner = makeRunner(topLevel);
  await checkNeverEndingFiles(answer(config), topLevel, infoAttributes && path.resolve(folder, infoAttributes));
  if (!head) throw new GitFailure('empty-repository', 'The repository has no commits yet, so there is no history to read.');
  return { runner, info: { topLevel, head, branch, shallow, gitVersion: gitVersionFound }, config: answer(config) };
}

async function preciseState(probe: GitRunner, signal: AbortSignal | undefined): Promise<RepositoryLocation & { branch: string | undefined }> {
  const location = await probe.run(repositoryLocation, { signal });
  return { ...location, branch: location.head && location.topLevel ? await probe.run(currentBranch, { signal }) : undefined };
}

/** A settled read's value, or its failure thrown. */
function answer<T>(result: PromiseSettledResult<T>): T {
  if (result.status === 'rejected') throw result.reason;
  return result.value;
}

/**
 * `core.worktree` in a repository's own config can name any folder as its working tree (the
 * home folder, `/`); worktree reads would then scan that folder and settings would be read from
 * it. A real working tree holds the `.git` (folder, or file for worktrees and submodules).
 */
async function checkWorkingTreeIsOwnFolder(topLevel: string): Promise<void> {
  const dotGit = await fs.lstat(path.join(topLevel, '.git')).catch(() => undefined);
  if (!dotGit) {
    throw new GitFailure(
      'unsafe-config',
      `The repository's config (core.worktree) moves its working tree to ${topLevel}, a folder without its .git. Multiplier does not follow that; remove core.worktree from the repository's config.`,
    );
  }
}

/**
 * Git reads these whole before it prints history; a FIFO or a device (`/dev/zero`) there makes it
 * wait or read forever. A timeout would stop it eventually, but only after minutes and with a
 * vague message, so they are checked first. (Nested `.gitattributes` and `.gitignore` are left to
 * the timeout: finding them means walking the tree.)
 */
async function checkNeverEndingFiles(config: ReadonlyMap<string, string>, topLevel: string, infoAttributes: string | undefined): Promise<void> {
  const candidates: Array<{ file: string; what: string; fix: string }> = [
    { file: '.mailmap', what: "The repository's .mailmap", fix: 'replace it with a regular file' },
    { file: '.gitattributes', what: "The repository's .gitattributes", fix: 'replace it with a regular file' },
  ];
  if (infoAttributes) candidates.push({ file: infoAttributes, what: "The repository's info/attributes", fix: 'replace it with a regular file' });
  for (const key of ['mailmap.file', 'core.attributesFile']) {
    const configured = config.get(key.toLowerCase());
    if (configured) candidates.push({ file: expandHome(configured), what: `${key} (${configured})`, fix: `point ${key} at a regular file or unset it` });
  }
  for (const { file, what, fix } of candidates) {
    const full = path.resolve(topLevel, file);
    // /dev/null is a device that ends at once: a common way to switch such a file off.
    if (full === '/dev/null') continue;
    const stat = await fs.stat(full).catch(() => undefined);
    if (stat && !stat.isFile() && !stat.isDirectory()) {
      throw new GitFailure('unsafe-config', `${what} is ${describeSpecialFile(stat)}, not a regular file; git would never finish reading it. Multiplier stopped before running git on it: ${fix}.`);
    }
  }
}

/** `~/x` as git reads path-valued config (`~user/x` is left as written). */
function expandHome(value: string): string {
  return value === '~' || value.startsWith('~/') ? path.join(os.homedir(), value.slice(1)) : value;
}

function describeSpecialFile(stat: import('node:fs').Stats): string {
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'a special file';
}
