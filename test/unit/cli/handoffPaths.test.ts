/**
 * `multiplier handoff PATH` reads PATH the way git does after `git -C DIR`: relative to
 * `--repo DIR`, else to the current folder; absolute as it is. A path that is nowhere is an
 * error that names it, and a folder that spans several areas is refused with their list.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { USAGE } from '../../../src/cli/cliArguments';
import { createTestDir, createTestRepo, daysAgo, removeTestRepos, type Person, type TestRepo } from '../../helpers/gitFixture';
import { runCliInProcess, type CliRun } from '../../helpers/runCli';

const LEE: Person = { name: 'Lee Leader', email: 'lee@acme.com' };
const PRIYA: Person = { name: 'Priya Patel', email: 'priya@acme.com' };
const SAM: Person = { name: 'Sam Search', email: 'sam@acme.com' };

/** Billing and search under services/, everything else (services/README.md too) platform's. */
function servicesRepo(): TestRepo {
  const repo = createTestRepo({ dirName: 'corp' });
  repo.commit({
    author: PRIYA,
    date: daysAgo(300),
    message: 'Services',
    files: {
      CODEOWNERS: '* @acme/platform\n/services/billing/ @acme/billing\n/services/search/ @acme/search\n',
      'services/README.md': 'services\n',
      'services/billing/api.ts': 'api v0\n',
      'services/billing/retry_policy.ts': 'retry v0\n',
    },
  });
  repo.commit({ author: SAM, date: daysAgo(200), message: 'Search', files: { 'services/search/index.ts': 'index\n' } });
  for (let i = 0; i < 3; i++) {
    repo.commit({ author: LEE, date: daysAgo(20 - i), message: `Billing retry ${i}`, files: { 'services/billing/retry_policy.ts': `retry v${i + 1}\n` } });
  }
  repo.setIdentity(LEE);
  return repo;
}

/** The title line of a note that was drafted, after checking the run succeeded quietly. */
function noteTitle(run: CliRun): string {
  assert.equal(run.stderr, '');
  assert.equal(run.code, 0);
  return run.stdout.split('\n')[0] ?? '';
}

/** The one stderr line of a failed run, after checking the exit code and that nothing was drafted. */
function failure(run: CliRun): string {
  assert.equal(run.code, 1, run.stderr);
  assert.equal(run.stdout, '');
  assert.equal(run.stderr.split('\n').length, 2, `one line: ${JSON.stringify(run.stderr)}`);
  return run.stderr.trimEnd();
}

const BILLING_TITLE = /^# Handoff: `?\/services\/billing\/`?$/;

describe('CLI: handoff PATH is read like git -C', function () {
  this.timeout(60_000);
  after(removeTestRepos);

  let repo: TestRepo;
  let elsewhere: string;
  before(() => {
    repo = servicesRepo();
    elsewhere = createTestDir();
  });

  describe('relative to --repo DIR', () => {
    it('from a folder outside the repository', async () => {
      const run = await runCliInProcess(['handoff', 'services/billing/retry_policy.ts', '--repo', repo.dir], { cwd: elsewhere });
      assert.match(noteTitle(run), BILLING_TITLE);
      assert.match(run.stdout, /Billing retry 2/);
    });

    it('when DIR is a folder inside the repository, as git -C does', async () => {
      const run = await runCliInProcess(['handoff', 'retry_policy.ts', '--repo', path.join(repo.dir, 'services', 'billing')], { cwd: elsewhere });
      assert.match(noteTitle(run), BILLING_TITLE);
    });

    it('when DIR is itself relative to the current folder', async () => {
      const run = await runCliInProcess(['handoff', 'api.ts', '--repo', path.join('corp', 'services', 'billing')], { cwd: path.dirname(repo.dir) });
      assert.match(noteTitle(run), BILLING_TITLE);
    });

    it('not from the current folder: a PATH that exists only there is not taken', async () => {
      const run = await runCliInProcess(['handoff', 'retry_policy.ts', '--repo', repo.dir], { cwd: path.join(repo.dir, 'services', 'billing') });
      assert.equal(failure(run), 'multiplier: error: retry_policy.ts does not exist, neither in the working tree nor at HEAD: name a file or folder of the area.');
    });

    it('when DIR is reached through a symlink', async () => {
      const link = path.join(createTestDir(), 'linked-corp');
      fs.symlinkSync(repo.dir, link);
      const run = await runCliInProcess(['handoff', 'services/billing/', '--repo', link], { cwd: elsewhere });
      assert.match(noteTitle(run), BILLING_TITLE);
    });
  });

  describe('without --repo, relative to the current folder', () => {
    it('in a folder of the repository', async () => {
      const run = await runCliInProcess(['handoff', 'retry_policy.ts'], { cwd: path.join(repo.dir, 'services', 'billing') });
      assert.match(noteTitle(run), BILLING_TITLE);
    });

    it('with .. segments that stay inside the repository', async () => {
      const run = await runCliInProcess(['handoff', '../billing/api.ts'], { cwd: path.join(repo.dir, 'services', 'search') });
      assert.match(noteTitle(run), BILLING_TITLE);
    });
  });

  describe('an absolute PATH works either way', () => {
    const absolute = (): string => path.join(repo.dir, 'services', 'billing', 'api.ts');

    it('with --repo, from a folder outside the repository', async () => {
      assert.match(noteTitle(await runCliInProcess(['handoff', absolute(), '--repo', repo.dir], { cwd: elsewhere })), BILLING_TITLE);
    });

    it('with --repo naming a subfolder the PATH is not in', async () => {
      assert.match(noteTitle(await runCliInProcess(['handoff', absolute(), '--repo', path.join(repo.dir, 'services', 'search')], { cwd: elsewhere })), BILLING_TITLE);
    });

    it('without --repo, from inside the repository', async () => {
      assert.match(noteTitle(await runCliInProcess(['handoff', absolute()], { cwd: path.join(repo.dir, 'services') })), BILLING_TITLE);
    });

    it('but one outside the repository is an error that names it and the repository', async () => {
      const outside = path.join(elsewhere, 'api.ts');
      const run = await runCliInProcess(['handoff', outside, '--repo', repo.dir], { cwd: elsewhere });
      assert.equal(failure(run), `multiplier: error: ${outside} is outside the repository at ${fs.realpathSync(repo.dir)}.`);
    });

    it('and a relative one that leaves the repository says where it was read from', async () => {
      const run = await runCliInProcess(['handoff', '../../elsewhere.ts'], { cwd: path.join(repo.dir, 'services') });
      assert.equal(failure(run), `multiplier: error: ../../elsewhere.ts (read from ${fs.realpathSync(path.join(repo.dir, 'services'))}) is outside the repository at ${fs.realpathSync(repo.dir)}.`);
    });
  });

  describe('a PATH that exists nowhere', () => {
    it('is an error naming it as typed (exit 1), not a note for the catch-all area', async () => {
      const run = await runCliInProcess(['handoff', 'nonexist.ts'], { cwd: repo.dir });
      assert.equal(failure(run), 'multiplier: error: nonexist.ts does not exist, neither in the working tree nor at HEAD: name a file or folder of the area.');
    });

    it('is named from the folder it was read from', async () => {
      const run = await runCliInProcess(['handoff', 'retry_polcy.ts', '--repo', path.join(repo.dir, 'services', 'billing')], { cwd: elsewhere });
      assert.equal(failure(run), 'multiplier: error: retry_polcy.ts does not exist, neither in the working tree nor at HEAD: name a file or folder of the area.');
    });

    it('exists when only the working tree has it (a new file) or only HEAD has it (deleted, not committed)', async () => {
      const work = servicesRepo();
      work.write('services/billing/new_file.ts', 'new\n');
      work.remove('services/billing/api.ts');
      assert.match(noteTitle(await runCliInProcess(['handoff', 'services/billing/new_file.ts'], { cwd: work.dir })), BILLING_TITLE);
      assert.match(noteTitle(await runCliInProcess(['handoff', 'services/billing/api.ts'], { cwd: work.dir })), BILLING_TITLE);
    });

    it('is an error for a file that only history has (deleted and committed)', async () => {
      const work = servicesRepo();
      work.commit({ author: SAM, date: daysAgo(2), message: 'Drop the index', files: { 'services/search/index.ts': null } });
      const run = await runCliInProcess(['handoff', 'services/search/index.ts'], { cwd: work.dir });
      assert.equal(failure(run), 'multiplier: error: services/search/index.ts does not exist, neither in the working tree nor at HEAD: name a file or folder of the area.');
    });
  });

  describe('a folder', () => {
    it('whose files lie in one area is that area, even where the folder itself matches another rule', async () => {
      const run = await runCliInProcess(['handoff', 'billing'], { cwd: path.join(repo.dir, 'services') });
      assert.match(noteTitle(run), BILLING_TITLE);
    });

    it('that spans several areas lists them, each with a path to name, and drafts nothing', async () => {
      const run = await runCliInProcess(['handoff', 'services'], { cwd: repo.dir });
      assert.equal(
        failure(run),
        'multiplier: error: services spans 3 team-owned areas; a note hands one area to its owners, so name a file or folder in one of them: ' +
          '* (@acme/platform), e.g. services/README.md; /services/billing/ (@acme/billing), e.g. services/billing/api.ts; /services/search/ (@acme/search), e.g. services/search/index.ts.',
      );
    });

    it('names the listed paths from the folder the PATH was read from', async () => {
      const run = await runCliInProcess(['handoff', '.'], { cwd: path.join(repo.dir, 'services') });
      assert.match(failure(run), /^multiplier: error: \. spans 3 team-owned areas; .*: \* \(@acme\/platform\), e\.g\. README\.md; \/services\/billing\/ \(@acme\/billing\), e\.g\. billing\/api\.ts; \/services\/search\/ \(@acme\/search\), e\.g\. search\/index\.ts\.$/);
    });

    it('at the top of the repository counts CODEOWNERS too', async () => {
      const run = await runCliInProcess(['handoff', '.', '--repo', repo.dir], { cwd: elsewhere });
      assert.match(failure(run), /^multiplier: error: \. spans 3 team-owned areas; .*: \* \(@acme\/platform\), e\.g\. CODEOWNERS; /);
    });
  });

  it('--help says how PATH and --repo are read', () => {
    assert.match(USAGE, /A relative PATH is read from --repo DIR, as git -C DIR reads it, or from the\s+current folder without --repo; an absolute PATH works either way\./);
    assert.match(USAGE, /A folder that\s+spans several areas is refused with their list: name one of them\./);
    assert.match(USAGE, /exists in the working tree or at HEAD/);
    assert.match(USAGE, /--repo DIR {9}Run as if started in DIR \(any folder of the repository\), like git -C DIR\./);
  });
});
