import { resolveGitBinary } from '../core/git/gitBinary';
import { gitExtensionApi } from './gitExtension';
import type { Logger } from './logger';

/** How long to wait for VS Code's git extension to register after trust is granted. */
const GIT_EXTENSION_WAIT_MS = 5000;

export interface ResolvedGit {
  readonly path: string;
  /** True when VS Code's git extension named it (it honours the user's `git.path`): worth keeping. */
  readonly fromGitExtension: boolean;
}

/**
 * The git binary VS Code's own git extension found (it honours the user's `git.path`), or the
 * first absolute `git` on PATH. Never a bare `git`, which could resolve inside the workspace.
 * Right after trust is granted the git extension may not be registered yet: wait for it a moment.
 */
export async function resolveGitPath(logger: Logger): Promise<ResolvedGit> {
  try {
    const access = await gitExtensionApi({ waitForRegistrationMs: GIT_EXTENSION_WAIT_MS });
    const api = 'api' in access ? access.api : undefined;
    if (api?.git.path && api.git.path.startsWith('/')) {
      logger.info(`using git at ${api.git.path} (from VS Code's git extension)`);
      return { path: api.git.path, fromGitExtension: true };
    }
    if ('unavailable' in access) logger.info(`the built-in git extension is ${access.unavailable === 'missing' ? 'disabled or missing' : 'turned off (git.enabled)'}; using PATH`);
  } catch (error) {
    logger.warn(`the built-in git extension did not give a git path (${(error as Error).message}); using PATH`);
  }
  const binary = resolveGitBinary(process.env);
  logger.info(`using git at ${binary}`);
  return { path: binary, fromGitExtension: false };
}

/**
 * Finds git when the first read needs it, never in Restricted Mode (no read happens there). A path
 * from VS Code's git extension is kept; a PATH fallback or a failure is looked up again next time,
 * so a `git.path` that registers late, or git installed meanwhile, is picked up without a reload.
 */
export class GitLocator {
  private kept: Promise<ResolvedGit> | undefined;

  constructor(private readonly logger: Logger) {}

  async path(): Promise<string> {
    const pending = this.kept ?? resolveGitPath(this.logger);
    this.kept = pending;
    try {
      const git = await pending;
      if (!git.fromGitExtension && this.kept === pending) this.kept = undefined;
      return git.path;
    } catch (error) {
      if (this.kept === pending) this.kept = undefined;
      throw error;
    }
  }
}
