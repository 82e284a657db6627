/** Runs in the test runner before VS Code starts: the smallest workspace the extension activates in. */
import { createTestRepo } from '../../helpers/gitFixture';

export async function createWorkspace(): Promise<string> {
  const repo = createTestRepo();
  repo.commit({
    author: { name: 'Ada Smoke', email: 'ada@example.invalid' },
    date: '2026-05-01T09:00:00Z',
    message: 'first commit',
    files: { 'README.md': '# smoke\n' },
  });
  return repo.dir;
}
