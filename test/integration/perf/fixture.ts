/** A synthetic 20,000-commit history: large enough that a cold read takes seconds. */
import { execFileSync } from 'node:child_process';
import { createTestDir, fixtureGitEnv } from '../../helpers/gitFixture';
import { createSyntheticRepo } from '../../bench/syntheticRepo';

export const SYNTHETIC_COMMITS = 20_000;

export async function createWorkspace(): Promise<string> {
  // In a folder the harness removes after the suites, like every other fixture repository.
  const dir = createSyntheticRepo(SYNTHETIC_COMMITS, undefined, { directory: createTestDir('multiplier-synthetic-') });
  execFileSync('git', ['-C', dir, 'config', 'user.email', 'dev3-1@synthetic.example'], { env: fixtureGitEnv() });
  return dir;
}
