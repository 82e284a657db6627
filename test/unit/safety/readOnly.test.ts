/**
 * Read-only, provably: `.git` (index, refs, logs, objects, config) and the working tree are
 * hashed before and after every CLI command, on a repository in the states that tempt git to
 * write (a stat-dirty index, staged, unstaged, deleted and untracked changes, a stash, a linked
 * worktree), and the digests match. A control proves the digest sees what a plain `git status`
 * writes.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createTestDir, createTestRepo, daysAgo, removeTestRepos, type Person, type TestRepo } from '../../helpers/gitFixture';
import { runCliInProcess } from '../../helpers/runCli';
import { treeDigests } from '../../helpers/treeDigest';

const LEE: Person = { name: 'Lee Leader', email: 'lee@acme.com' };
const PRIYA: Person = { name: 'Priya Patel', email: 'priya@acme.com' };

/** Everything a working copy can be in the middle of. Returns the folders to watch. */
function busyRepo(): { repo: TestRepo; watched: string[] } {
  const repo = createTestRepo();
  repo.commit({ author: PRIYA, date: daysAgo(300), message: 'Payments', files: { '.github/CODEOWNERS': '/src/payments/ @acme/payments\n', 'src/payments/capture.ts': 'v0\n', 'src/payments/old.ts': 'o\n', 'README.md': 'r\n' } });
  for (let i = 0; i < 4; i++) repo.commit({ author: LEE, date: daysAgo(20 - i), message: `Capture ${i}`, files: { 'src/payments/capture.ts': `v${i + 1}\n// TODO: ${i}\n` } });
  repo.setIdentity(LEE);
  repo.write('src/payments/stashed.ts', 'stash me\n');
  repo.git(['add', 'src/payments/stashed.ts']);
  repo.git(['stash', '-q'], { GIT_COMMITTER_DATE: daysAgo(1).toISOString(), GIT_AUTHOR_DATE: daysAgo(1).toISOString() });
  repo.write('src/payments/staged.ts', 'staged\n// TODO: staged thread\n');
  repo.git(['add', 'src/payments/staged.ts']);
  repo.write('src/payments/capture.ts', 'unstaged\n// FIXME: unstaged thread\n');
  repo.write('src/payments/untracked.ts', 'untracked\n');
  repo.remove('src/payments/old.ts');
  // Same content, newer time: a status would refresh this entry and rewrite the index.
  const readme = path.join(repo.dir, 'README.md');
  const later = new Date(fs.statSync(readme).mtimeMs + 10_000);
  fs.utimesSync(readme, later, later);
  const worktree = path.join(createTestDir(), 'linked');
  repo.git(['worktree', 'add', '-q', '-b', 'side', worktree]);
  return { repo, watched: [repo.dir, worktree] };
}

/**
 * Every CLI invocation that reads the repository, as a user would type them, with what proves it
 * read the history (so a command that failed before reading anything cannot pass).
 */
const COMMANDS: ReadonlyArray<{ readonly args: readonly string[]; readonly code: number; readonly output: RegExp }> = [
  { args: ['scan'], code: 0, output: /^NUDGE\s+\/src\/payments\/\s+@acme\/payments\s+you 4\/4 changes/m },
  { args: ['scan', '--json'], code: 0, output: /"area": "\/src\/payments\/",\n\s+"owners": \[\n\s+"@acme\/payments"/ },
  { args: ['scan', '--window-days', '7', '--me', 'priya@acme.com'], code: 0, output: /Window: last 7 days · me: priya@acme\.com/ },
  // The footprint reads the nudge area's replaced lines too (diff-tree and blame of Lee's commits).
  { args: ['footprint'], code: 0, output: /^ {2}\/src\/payments\/ {2}\d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}: 4 solo changes; /m },
  { args: ['footprint', '--json'], code: 0, output: /"othersLinesReplaced": \{\n\s+"total": 1,/ },
  { args: ['handoff', 'src/payments/capture.ts'], code: 0, output: /^- \d{4}-\d{2}-\d{2} `[0-9a-f]{7}` Capture 3$/m },
  { args: ['handoff', 'src/payments/'], code: 0, output: /^- `src\/payments\/untracked\.ts` untracked/m },
  { args: ['handoff', 'src/payments/staged.ts', '--window-days', '30'], code: 0, output: /TODO: staged thread/ },
  // Fails, but only after reading history and the rules: no rule gives README.md an owning team.
  { args: ['handoff', 'README.md'], code: 1, output: /README\.md is not in a team-owned area/ },
];

describe('safety: read-only, provably (digests of .git and the working tree)', function () {
  this.timeout(60_000);
  after(removeTestRepos);

  for (const { args, code, output } of COMMANDS) {
    it(`multiplier ${args.join(' ')} leaves .git, the index and the working tree byte-for-byte unchanged`, async () => {
      const { repo, watched } = busyRepo();
      const before = treeDigests(watched);
      const run = await runCliInProcess(args, { cwd: repo.dir });
      assert.equal(run.code, code, run.stderr);
      assert.match(run.code === 0 ? run.stdout : run.stderr, output);
      assert.deepEqual(treeDigests(watched), before);
    });
  }

  it('the same in the linked worktree', async () => {
    const { watched } = busyRepo();
    const worktree = watched[1] ?? '';
    fs.writeFileSync(path.join(worktree, 'src/payments/capture.ts'), 'in the worktree\n');
    const before = treeDigests(watched);
    for (const args of [['scan', '--json'], ['footprint', '--json'], ['handoff', 'src/payments/']]) {
      const run = await runCliInProcess(args, { cwd: worktree });
      assert.equal(run.code, 0, run.stderr);
    }
    assert.deepEqual(treeDigests(watched), before);
  });

  it('the handoff still lists what it read: staged, unstaged, deleted and untracked work', async () => {
    const { repo } = busyRepo();
    const run = await runCliInProcess(['handoff', 'src/payments/'], { cwd: repo.dir });
    assert.equal(run.code, 0, run.stderr);
    for (const expected of [/staged\.ts/, /untracked\.ts/, /old\.ts/, /FIXME: unstaged thread/, /TODO: staged thread/]) assert.match(run.stdout, expected);
  });

  it('control: the digest does see what a plain `git status` writes (it refreshes the index)', () => {
    const { repo, watched } = busyRepo();
    const before = treeDigests(watched);
    repo.git(['status', '--porcelain']);
    assert.notDeepEqual(treeDigests(watched), before);
  });
});
