import type { GitRunner } from './gitCommand';
import { GitFailure, isSupportedGitVersion } from './gitFailure';
import { currentBranch, gitVersion, headCommit, isShallow, showToplevel } from './repositoryCommands';

export interface RepositoryInfo {
  /** The validated top level every later command runs in. */
  readonly topLevel: string;
  readonly head: string;
  /** undefined on a detached HEAD. */
  readonly branch: string | undefined;
  /** A shallow clone's history is incomplete; results say so. */
  readonly shallow: boolean;
  readonly gitVersion: readonly [number, number, number];
}

export type RunnerFactory = (cwd: string) => GitRunner;

/**
 * Validates git and the repository before any history read: git new enough for
 * `--end-of-options`, a real top level (never a guess from the folder), and at least one commit.
 */
export async function openRepository(folder: string, makeRunner: RunnerFactory, signal?: AbortSignal): Promise<{ runner: GitRunner; info: RepositoryInfo }> {
  const probe = makeRunner(folder);
  const version = await probe.run(gitVersion, { signal });
  if (!version) throw new GitFailure('failed', 'Could not tell which git is installed (`git version` gave no version).');
  if (!isSupportedGitVersion(version)) {
    throw new GitFailure('git-too-old', `Git ${version.join('.')} is too old: Multiplier needs git 2.24 or newer.`);
  }
  const topLevel = await probe.run(showToplevel, { signal });
  if (!topLevel) {
    throw new GitFailure('bare-repository', `${folder} has no working tree (a bare repository or the inside of .git).`);
  }
  const runner = makeRunner(topLevel);
  const head = await runner.run(headCommit, { signal });
  if (!head) throw new GitFailure('empty-repository', 'The repository has no commits yet, so there is no history to read.');
  const [branch, shallow] = [await runner.run(currentBranch, { signal }), await runner.run(isShallow, { signal })];
  return { runner, info: { topLevel, head, branch, shallow, gitVersion: version } };
}
