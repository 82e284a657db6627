import * as vscode from 'vscode';
import { resolveGitBinary } from '../core/git/gitBinary';
import type { Logger } from './logger';

interface GitExtensionApi {
  readonly git: { readonly path: string };
}

/**
 * The git binary VS Code's own git extension found (it honours the user's `git.path`), or the
 * first absolute `git` on PATH. Never a bare `git`, which could resolve inside the workspace.
 */
export async function resolveGitPath(logger: Logger): Promise<string> {
  try {
    const extension = vscode.extensions.getExtension<{ getAPI(version: 1): GitExtensionApi }>('vscode.git');
    const api = extension ? (extension.isActive ? extension.exports : await extension.activate()).getAPI(1) : undefined;
    if (api?.git.path && api.git.path.startsWith('/')) {
      logger.info(`using git at ${api.git.path} (from VS Code's git extension)`);
      return api.git.path;
    }
  } catch (error) {
    logger.warn(`the built-in git extension did not give a git path (${(error as Error).message}); using PATH`);
  }
  const binary = resolveGitBinary(process.env);
  logger.info(`using git at ${binary}`);
  return binary;
}

