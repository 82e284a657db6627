/**
 * A repository with no CODEOWNERS and no settings, whose folders were each built by someone (the
 * fixture of the history scenario tests), dated relative to today: Lee, git config's user, made
 * most recent changes in billing, which Ana built, and built tools himself.
 */
import { createHistoryRepo } from '../../fixtures/historyRepo';
import { createGitShim } from '../shared/gitShim';

const shim = createGitShim();

export async function createWorkspace(): Promise<string> {
  return createHistoryRepo({ now: new Date(), dirName: 'shop' }).dir;
}

export const env = shim.env;
export const settings = { 'git.path': shim.gitPath };
