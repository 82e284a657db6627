import * as vscode from 'vscode';
import { resolveGitBinary } from '../core/git/gitBinary';
import type { RunnerFactory } from '../core/git/openRepository';
import { SimpleGitRunner } from '../core/git/simpleGitRunner';
import type { Logger } from './logger';

const GIT_TIMEOUT_MS = 5 * 60 * 1000;

interface GitExtensionApi {
  readonly git: { readonly path: string };
}

/**
 * The git binary VS Code's own git extension found (it honours the user's `git.path`), or the
 * first absolute `git` on PATH. Never a bare `git`, which could resolve inside the workspace.
 */
async function gitPath(logger: Logger): Promise<string> {
  try {
    const extension = vscode.extensions.getExtension<{ getAPI(version: 1): GitExtensionApi }>('vscode.git');
    const api = extension ? (extension.isActive ? extension.exports : await extension.activate()).getAPI(1) : undefined;
    if (api?.git.path && api.git.path.startsWith('/')) return api.git.path;
  } catch (error) {
    logger.warn(`the built-in git extension did not give a git path (${(error as Error).message}); using PATH`);
  }
  return resolveGitBinary(process.env);
}

/** A runner factory bound to one git binary, resolved once per activation. */
export async function createRunnerFactory(logger: Logger): Promise<RunnerFactory> {
  const binary = await gitPath(logger);
  logger.info(`using git at ${binary}`);
  return (cwd) => new SimpleGitRunner({ gitPath: binary, cwd, env: process.env, timeoutMs: GIT_TIMEOUT_MS });
}
