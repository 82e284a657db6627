import * as vscode from 'vscode';

/**
 * The parts of the built-in git extension's API (version 1, `extensions/git/src/api/git.d.ts`)
 * Multiplier uses: the git binary it found, and each repository's commit message box.
 */
export interface GitApi {
  readonly git: { readonly path: string };
  readonly state: 'uninitialized' | 'initialized';
  readonly onDidChangeState: vscode.Event<'uninitialized' | 'initialized'>;
  readonly repositories: readonly GitRepository[];
  getRepository(uri: vscode.Uri): GitRepository | null;
}

export interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly inputBox: { value: string };
}

interface GitExtensionExports {
  /** False while `git.enabled` is off; getAPI throws then. */
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}

/** Why the git extension's API cannot be had. */
export type GitExtensionUnavailable = 'missing' | 'turned-off';

export type GitExtensionAccess = { readonly api: GitApi } | { readonly unavailable: GitExtensionUnavailable };

const GIT_EXTENSION_ID = 'vscode.git';

/**
 * The built-in git extension's API, activated if need be. A disabled extension is invisible to
 * other extensions, so "missing" also means disabled. Right after trust is granted the extension
 * may not be registered yet: `waitForRegistrationMs` waits for it that long.
 */
export async function gitExtensionApi(options: { readonly waitForRegistrationMs?: number } = {}): Promise<GitExtensionAccess> {
  const extension = vscode.extensions.getExtension<GitExtensionExports>(GIT_EXTENSION_ID) ?? (await registered(options.waitForRegistrationMs ?? 0));
  if (!extension) return { unavailable: 'missing' };
  const exports = extension.isActive ? extension.exports : await extension.activate();
  return exports.enabled ? { api: exports.getAPI(1) } : { unavailable: 'turned-off' };
}

/** Waits until the git extension has found the workspace's repositories (at most `waitMs`). */
export async function gitRepositoriesOpened(api: GitApi, waitMs: number): Promise<void> {
  if (api.state !== 'initialized') await eventOrTimeout(api.onDidChangeState, (state) => state === 'initialized', waitMs);
}

async function registered(waitMs: number): Promise<vscode.Extension<GitExtensionExports> | undefined> {
  if (waitMs <= 0) return undefined;
  await eventOrTimeout(vscode.extensions.onDidChange, () => vscode.extensions.getExtension(GIT_EXTENSION_ID) !== undefined, waitMs);
  return vscode.extensions.getExtension(GIT_EXTENSION_ID);
}

/** Resolves when `event` fires with a value `accept` takes, or after `waitMs`, whichever comes first. */
function eventOrTimeout<T>(event: vscode.Event<T>, accept: (value: T) => boolean, waitMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    };
    const timer = setTimeout(done, waitMs);
    const listener = event((value) => {
      if (accept(value)) done();
    });
  });
}
