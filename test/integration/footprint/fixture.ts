/** The sample team repository, where Lee (git config user.email) dominates /src/payments/. */
import { createSampleTeamRepo } from '../../fixtures/sampleTeamRepo';
import { createGitShim } from '../shared/gitShim';

const shim = createGitShim();

export async function createWorkspace(): Promise<string> {
  return createSampleTeamRepo().dir;
}

export const env = shim.env;
export const settings = { 'git.path': shim.gitPath };
