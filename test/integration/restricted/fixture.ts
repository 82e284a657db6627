/** The sample team repository opened in Restricted Mode (Workspace Trust on, folder not trusted). */
import { createSampleTeamRepo } from '../../fixtures/sampleTeamRepo';
import { createGitShim } from '../shared/gitShim';

const shim = createGitShim();

export async function createWorkspace(): Promise<string> {
  return createSampleTeamRepo().dir;
}

export const workspaceTrust = 'enabled';
export const env = shim.env;
export const settings = {
  'git.path': shim.gitPath,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
};
