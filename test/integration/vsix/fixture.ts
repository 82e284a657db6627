/**
 * The packaged extension as a person gets it: the runner builds the VSIX (`npm run package`),
 * installs it with `code-server --install-extension`, and opens the sample team repository with no
 * development folder of ours, so everything that runs comes out of the VSIX.
 */
import { createSampleTeamRepo } from '../../fixtures/sampleTeamRepo';

export const installVsix = true;

export async function createWorkspace(): Promise<string> {
  return createSampleTeamRepo().dir;
}
