/** A synthetic 20,000-commit history: large enough that a cold read takes seconds. */
import { execFileSync } from 'node:child_process';
import { fixtureGitEnv } from '../../helpers/gitFixture';
import { createSyntheticRepo } from '../../bench/syntheticRepo';

export const SYNTHETIC_COMMITS = 20_000;

export async function createWorkspace(): Promise<string> {
  const dir = createSyntheticRepo(SYNTHETIC_COMMITS);
  execFileSync('git', ['-C', dir, 'config', 'user.email', 'dev3-1@synthetic.example'], { env: fixtureGitEnv() });
  return dir;
}
