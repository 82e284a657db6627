/**
 * The sample team repository without its `.vscode/settings.json`: CODEOWNERS names @acme/payments,
 * @acme/search and @acme/platform, but no team has configured members and `multiplier.identities`
 * is empty, so both onboarding commands have something to do. Lee is git config's user.
 */
import { createSampleTeamRepo } from '../../fixtures/sampleTeamRepo';
import { createGitShim } from '../shared/gitShim';

const shim = createGitShim();

export async function createWorkspace(): Promise<string> {
  return createSampleTeamRepo({ withoutSettings: true }).dir;
}

export const env = shim.env;
export const settings = { 'git.path': shim.gitPath };
