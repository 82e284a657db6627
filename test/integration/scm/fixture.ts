/** The sample team repository, opened by VS Code's own git extension (which code-server ships). */
import { createSampleTeamRepo } from '../../fixtures/sampleTeamRepo';
import { createGitShim } from '../shared/gitShim';

const shim = createGitShim();

export async function createWorkspace(): Promise<string> {
  return createSampleTeamRepo().dir;
}

export const env = shim.env;
export const settings = { 'git.path': shim.gitPath };
