/**
 * git-safety.md's fault list, through the CLI: each fault gives one specific stderr line and a
 * non-zero exit, or (for what must keep working) a normal answer, and never a write. The
 * extension shows the same sentences (gitFailure.test.ts puts each through the status bar's view).
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cloneTestRepo, createTestDir, createTestRepo, daysAgo, removeTestRepos, TestRepo, type Person } from '../../helpers/gitFixture';
import { envWithFakeGit, envWithGitVersion, envWithHangingGit } from '../../helpers/fakeGit';
import { runCliInProcess, type CliRun } from '../../helpers/runCli';
import { treeDigest, treeDigests } from '../../helpers/treeDigest';

const LEE: Person = { name: 'Lee Leader', email: 'lee@acme.com' };
const PRIYA: Person = { name: 'Priya Patel', email: 'priya@acme.com' };

/** Priya's payments area where Lee made four of the five recent changes. */
function teamRepo(options: { dirName?: string } = {}): TestRepo {
  const repo = createTestRepo({ dirName: options.dirName });
  repo.commit({ author: PRIYA, date: daysAgo(300), message: 'Payments', files: { '.github/CODEOWNERS': '/src/payments/ @acme/payments\n', 'src/payments/capture.ts': 'v0\n' } });
  for (let i = 0; i < 4; i++) {
    repo.commit({ author: LEE, date: daysAgo(20 - i), message: `Capture tweak ${i}`, files: { 'src/payments/capture.ts': `v${i + 1}\n// TODO: retry ${i}\n` } });
  }
  repo.commit({ author: PRIYA, date: daysAgo(5), message: 'Refunds', files: { 'src/payments/refund.ts': 'r\n' } });
  repo.setIdentity(LEE);
  return repo;
}

/** The one line a failing run prints, checked to be exactly one line with nothing on stdout. */
function errorLine(run: CliRun): string {
  assert.equal(run.stdout, '', 'nothing on stdout');
  assert.equal(run.stderr.split('\n').length, 2, `exactly one stderr line: ${JSON.stringify(run.stderr)}`);
  return run.stderr.trimEnd();
}

/** Overwrites a loose object's file (git writes them read-only). */
function corruptObject(repo: TestRepo, revision: string, content: string): string {
  const sha = repo.git(['rev-parse', revision]).trim();
  const file = path.join(repo.gitDir(), 'objects', sha.slice(0, 2), sha.slice(2));
  fs.chmodSync(file, 0o644);
  fs.writeFileSync(file, content);
  return sha;
}

function mkfifo(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  execFileSync('mkfifo', [file]);
}

describe('faults: a clear message, nothing written, state intact (CLI)', function () {
  this.timeout(60_000);
  after(removeTestRepos);

  describe('git itself', () => {
    it('no git on PATH: says so, exit 1', async () => {
      const repo = teamRepo();
      const run = await runCliInProcess(['scan'], { cwd: repo.dir, env: { ...envWithFakeGit('exit 0'), PATH: createTestDir() } });
      assert.equal(run.code, 1);
      assert.equal(errorLine(run), 'multiplier: error: Git was not found on PATH. Install git 2.24 or newer and make sure it is on PATH.');
    });

    it('git older than 2.24 (a fake `git version 2.20.1`): names the version and the minimum, runs nothing else', async () => {
      const repo = teamRepo();
      const run = await runCliInProcess(['scan'], { cwd: repo.dir, env: envWithGitVersion('2.20.1') });
      assert.equal(run.code, 1);
      assert.equal(errorLine(run), 'multiplier: error: Git 2.20.1 is too old: Multiplier needs git 2.24 or newer (older git can mistake repository data for options). Install a newer git.');
    });

    it('git that refuses a folder owned by someone else (dubious ownership): explains, does not override safe.directory', async () => {
      const repo = teamRepo();
      const env = envWithFakeGit(`case "$*" in\n  *version*) echo "git version 2.39.5" ;;\n  *) echo "fatal: detected dubious ownership in repository at '$PWD'" >&2; exit 128 ;;\nesac`);
      const run = await runCliInProcess(['scan'], { cwd: repo.dir, env });
      assert.equal(run.code, 1);
      assert.equal(
        errorLine(run),
        `multiplier: error: Git refuses to read ${repo.dir} because the folder is owned by another user. Multiplier will not override that; if you trust it, add it to git's safe.directory yourself.`,
      );
    });
  });

  describe('not a repository, or not one Multiplier reads', () => {
    it('a folder outside any repository', async () => {
      const plain = createTestDir();
      const run = await runCliInProcess(['scan'], { cwd: plain });
      assert.equal(run.code, 1);
      assert.equal(errorLine(run), `multiplier: error: ${plain} is not inside a git repository.`);
    });

    it('a --repo that does not exist, or is a file', async () => {
      const repo = teamRepo();
      const missing = path.join(repo.dir, 'nope');
      assert.equal(errorLine(await runCliInProcess(['scan', '--repo', missing], { cwd: repo.dir })), `multiplier: error: ${missing} does not exist.`);
      const file = path.join(repo.dir, 'src/payments/capture.ts');
      assert.equal(errorLine(await runCliInProcess(['scan', '--repo', file], { cwd: repo.dir })), `multiplier: error: ${file} is a file, not a folder: name the repository's folder.`);
    });

    it('an empty repository (no commits yet)', async () => {
      const repo = createTestRepo();
      const run = await runCliInProcess(['scan'], { cwd: repo.dir });
      assert.equal(run.code, 1);
      assert.equal(errorLine(run), 'multiplier: error: The repository has no commits yet, so there is no history to read.');
    });

    it('a bare repository', async () => {
      const bare = cloneTestRepo(teamRepo(), ['--bare'], 'bare.git');
      const run = await runCliInProcess(['scan'], { cwd: bare.dir });
      assert.equal(run.code, 1);
      assert.equal(errorLine(run), `multiplier: error: ${bare.dir} is a bare repository or lies inside one (it has no working tree). Multiplier reads a clone with a working tree; open or pass one instead.`);
    });

    it('the .git folder of a repository', async () => {
      const repo = teamRepo();
      const run = await runCliInProcess(['scan', '--repo', path.join(repo.dir, '.git', 'refs')], { cwd: repo.dir });
      assert.equal(run.code, 1);
      assert.equal(errorLine(run), `multiplier: error: ${repo.dir}/.git/refs is inside the .git folder of the repository at ${repo.dir}. Open ${repo.dir} itself.`);
    });

    it('a config with a syntax error', async () => {
      const repo = teamRepo();
      fs.appendFileSync(path.join(repo.dir, '.git', 'config'), '[core\n\tbroken');
      const run = await runCliInProcess(['scan'], { cwd: repo.dir });
      assert.equal(run.code, 1);
      assert.match(errorLine(run), /^multiplier: error: Git cannot read the repository's configuration \(bad config line \d+ in file \.git\/config\)\. Fix or remove that setting; until then no git command works here\.$/);
    });

    it('a config value git cannot parse (color.ui = sometimes)', async () => {
      const repo = teamRepo();
      repo.config('color.ui', 'sometimes');
      const run = await runCliInProcess(['scan'], { cwd: repo.dir });
      assert.equal(run.code, 1);
      assert.equal(
        errorLine(run),
        "multiplier: error: Git cannot read the repository's configuration (bad boolean config value 'sometimes' for 'color.ui'). Fix or remove that setting; until then no git command works here.",
      );
    });

    it('a repository format this git does not know (an unknown extension)', async () => {
      const repo = teamRepo();
      repo.config('core.repositoryformatversion', '1');
      repo.config('extensions.futureFormat', 'true');
      const run = await runCliInProcess(['scan'], { cwd: repo.dir });
      assert.equal(run.code, 1);
      assert.equal(
        errorLine(run),
        'multiplier: error: This git cannot read the repository\'s format (it uses the repository extension futureformat). Update git, or read the repository with the git that created it.',
      );
    });

    it('core.worktree in the repository’s config pointing at another folder', async () => {
      const repo = teamRepo();
      const elsewhere = createTestDir();
      repo.config('core.worktree', elsewhere);
      const run = await runCliInProcess(['scan'], { cwd: repo.dir });
      assert.equal(run.code, 1);
      assert.equal(
        errorLine(run),
        `multiplier: error: The repository's config (core.worktree) moves its working tree to ${elsewhere}, a folder without its .git. Multiplier does not follow that; remove core.worktree from the repository's config.`,
      );
    });
  });

  describe('history that is incomplete, elsewhere or damaged', () => {
    it('a shallow clone: works, and warns that history is incomplete (stderr and JSON)', async () => {
      const shallow = cloneTestRepo(teamRepo(), ['--depth', '2'], 'shallow');
      shallow.setIdentity(LEE);
      const run = await runCliInProcess(['scan', '--json'], { cwd: shallow.dir });
      assert.equal(run.code, 0);
      assert.equal(run.stderr, 'multiplier: warning: This is a shallow clone: older history is missing, so knowledge and shares cover only what was fetched.\n');
      const report = JSON.parse(run.stdout);
      assert.equal(report.shallow, true);
      assert.deepEqual(report.warnings, ['This is a shallow clone: older history is missing, so knowledge and shares cover only what was fetched.']);
    });

    it('a detached HEAD: scan and handoff work and say so', async () => {
      const repo = teamRepo();
      repo.git(['checkout', '-q', '--detach', 'HEAD~1']);
      const scan = await runCliInProcess(['scan'], { cwd: repo.dir });
      assert.equal(scan.code, 0, scan.stderr);
      assert.match(scan.stdout, /^Multiplier · .* @ [0-9a-f]{7} \(detached\)$/m);
      assert.match(scan.stdout, /^NUDGE {2}\/src\/payments\/ /m);
      const handoff = await runCliInProcess(['handoff', 'src/payments/capture.ts'], { cwd: repo.dir });
      assert.equal(handoff.code, 0, handoff.stderr);
      assert.match(handoff.stdout, /^On a detached HEAD\.$/m);
    });

    it('a linked worktree: scan and handoff work in it, and write nothing in it or the main repository', async () => {
      const repo = teamRepo();
      const worktree = path.join(createTestDir(), 'linked wt');
      repo.git(['worktree', 'add', '-q', '-b', 'feature', worktree]);
      fs.writeFileSync(path.join(worktree, 'src/payments/capture.ts'), 'changed in the worktree\n// TODO: worktree thread\n');
      const before = treeDigests([repo.dir, worktree]);
      const scan = await runCliInProcess(['scan', '--json'], { cwd: worktree });
      assert.equal(scan.code, 0, scan.stderr);
      assert.equal(JSON.parse(scan.stdout).repo, fs.realpathSync(worktree));
      assert.equal(JSON.parse(scan.stdout).branch, 'feature');
      const handoff = await runCliInProcess(['handoff', 'src/payments/'], { cwd: worktree });
      assert.equal(handoff.code, 0, handoff.stderr);
      assert.match(handoff.stdout, /TODO: worktree thread/);
      assert.deepEqual(treeDigests([repo.dir, worktree]), before);
    });

    it('a linked worktree whose repository is gone', async () => {
      const repo = teamRepo();
      const worktree = path.join(createTestDir(), 'orphan');
      repo.git(['worktree', 'add', '-q', worktree]);
      fs.rmSync(path.join(repo.dir, '.git', 'worktrees', 'orphan'), { recursive: true });
      const run = await runCliInProcess(['scan'], { cwd: worktree });
      assert.equal(run.code, 1);
      assert.equal(
        errorLine(run),
        `multiplier: error: ${worktree} is a linked worktree or submodule whose repository is gone: its .git file points to ${repo.dir}/.git/worktrees/orphan, which is not a git repository. Run \`git worktree prune\` in the main repository and add the worktree again, or clone afresh.`,
      );
    });

    it('a file inside a submodule: handoff says the submodule has its own history and how to reach it; scan works', async () => {
      const library = teamRepo({ dirName: 'library' });
      const repo = teamRepo({ dirName: 'super' });
      repo.git(['-c', 'protocol.file.allow=always', 'submodule', '--quiet', 'add', `file://${library.dir}`, 'vendor/lib']);
      repo.commit({ author: LEE, date: daysAgo(1), message: 'Add lib' });
      const scan = await runCliInProcess(['scan', '--json'], { cwd: repo.dir });
      assert.equal(scan.code, 0, scan.stderr);
      const run = await runCliInProcess(['handoff', 'vendor/lib/src/payments/capture.ts'], { cwd: repo.dir });
      assert.equal(run.code, 1);
      assert.equal(
        errorLine(run),
        'multiplier: error: vendor/lib/src/payments/capture.ts is inside the submodule vendor/lib, a repository of its own whose history this repository does not hold. Write the note from the submodule: multiplier handoff src/payments/capture.ts --repo vendor/lib',
      );
      // The command the message suggests, as typed.
      const inside = await runCliInProcess(['handoff', 'src/payments/capture.ts', '--repo', 'vendor/lib', '--me', LEE.email], { cwd: repo.dir });
      assert.equal(inside.code, 0, inside.stderr);
      assert.match(inside.stdout, /Capture tweak 3/);
    });

    it('a handoff PATH outside the repository', async () => {
      const repo = teamRepo();
      const outside = createTestDir();
      const run = await runCliInProcess(['handoff', outside, '--repo', repo.dir], { cwd: repo.dir });
      assert.equal(run.code, 1);
      assert.equal(errorLine(run), `multiplier: error: ${outside} is outside the repository at ${fs.realpathSync(repo.dir)}.`);
    });

    it('a corrupt blob in the window (`unable to read`): names the object and points to git fsck', async () => {
      const repo = teamRepo();
      const sha = corruptObject(repo, 'HEAD~2:src/payments/capture.ts', 'not zlib');
      const before = treeDigest(repo.dir);
      const run = await runCliInProcess(['scan'], { cwd: repo.dir });
      assert.equal(run.code, 1);
      assert.equal(errorLine(run), `multiplier: error: The repository is damaged: git could not read part of its history (unable to read ${sha.slice(0, 7)}). \`git fsck\` in the repository shows what is broken.`);
      assert.equal(treeDigest(repo.dir), before);
    });

    it('a corrupt commit object', async () => {
      const repo = teamRepo();
      const sha = corruptObject(repo, 'HEAD~3', 'not zlib');
      const run = await runCliInProcess(['scan'], { cwd: repo.dir });
      assert.equal(run.code, 1);
      assert.equal(errorLine(run), `multiplier: error: The repository is damaged: git could not read part of its history (loose object ${sha.slice(0, 7)} is corrupt). \`git fsck\` in the repository shows what is broken.`);
    });

    it('an empty HEAD commit object', async () => {
      const repo = teamRepo();
      const sha = corruptObject(repo, 'HEAD', '');
      const run = await runCliInProcess(['scan'], { cwd: repo.dir });
      assert.equal(run.code, 1);
      assert.equal(errorLine(run), `multiplier: error: The repository is damaged: git could not read part of its history (loose object ${sha.slice(0, 7)} is corrupt). \`git fsck\` in the repository shows what is broken.`);
    });

    it('index.lock held by another process: scan and handoff still read, and leave the lock alone', async () => {
      const repo = teamRepo();
      repo.write('src/payments/capture.ts', 'uncommitted\n// FIXME: while locked\n');
      const lock = path.join(repo.dir, '.git', 'index.lock');
      fs.writeFileSync(lock, 'held by another git');
      const before = treeDigest(repo.dir);
      const scan = await runCliInProcess(['scan', '--json'], { cwd: repo.dir });
      assert.equal(scan.code, 0, scan.stderr);
      assert.equal(JSON.parse(scan.stdout).areas[0].level, 'nudge');
      const handoff = await runCliInProcess(['handoff', 'src/payments/'], { cwd: repo.dir });
      assert.equal(handoff.code, 0, handoff.stderr);
      assert.match(handoff.stdout, /FIXME: while locked/);
      assert.equal(fs.readFileSync(lock, 'utf8'), 'held by another git');
      assert.equal(treeDigest(repo.dir), before);
    });
  });

  describe('odd names', () => {
    it('file names with newlines, tabs, quotes, backslashes, a leading dash, unicode and invalid UTF-8 are all counted', async () => {
      const repo = createTestRepo();
      repo.commit({ author: PRIYA, date: daysAgo(200), files: { CODEOWNERS: '* @acme/all\n' } });
      const names = ['new\nline.ts', 'tab\there.ts', 'quote"d.ts', "single'q.ts", 'back\\slash.ts', '-rf.ts', '--output=x.ts', 'spa ce.ts', 'ünïcødé 🚀.ts', 'rec\x1esep.ts'];
      names.forEach((name, i) => repo.commit({ author: LEE, date: daysAgo(30 - i), message: `add ${i}`, files: { [`src/${name}`]: `${i}\n` } }));
      fs.writeFileSync(Buffer.concat([Buffer.from(`${repo.dir}/src/latin1-`), Buffer.from([0xe9, 0xff]), Buffer.from('.ts')]), 'bytes\n');
      repo.git(['add', '-A']);
      repo.commit({ author: LEE, date: daysAgo(5), message: 'a non-UTF-8 name' });
      const before = treeDigest(repo.dir);
      const run = await runCliInProcess(['scan', '--json', '--me', LEE.email], { cwd: repo.dir });
      assert.equal(run.code, 0, run.stderr);
      const [area] = JSON.parse(run.stdout).areas;
      assert.equal(area.area, '*');
      assert.equal(area.myCommits, names.length + 1);
      assert.equal(area.files, names.length + 2, 'every file of HEAD, CODEOWNERS included');
      const handoff = await runCliInProcess(['handoff', '.', '--me', LEE.email], { cwd: repo.dir });
      assert.equal(handoff.code, 0, handoff.stderr);
      assert.match(handoff.stdout, /latin1-\uFFFD\uFFFD\.ts/, 'invalid bytes shown as U+FFFD');
      assert.match(handoff.stdout, /quote"d\.ts/);
      assert.equal(treeDigest(repo.dir), before);
    });

    it('author names with emoji, Latin-1 (re-encoded to UTF-8) and invalid UTF-8 bytes are read, never garbled into a crash', async () => {
      const repo = createTestRepo();
      repo.commit({ author: PRIYA, date: daysAgo(200), files: { CODEOWNERS: '* @acme/all\n', 'a.ts': 'a\n' } });
      const withAuthor = (name: Buffer, email: string, encoding?: string) => (commit: Buffer): Buffer => {
        const text = commit.toString('latin1');
        const authorLine = /^author [^\n]*<[^>]*>/m.exec(text)?.[0] ?? '';
        const replaced = text.replace(authorLine, `author ${name.toString('latin1')} <${email}>`);
        return Buffer.from(encoding ? replaced.replace(/^(committer [^\n]*\n)/m, `$1encoding ${encoding}\n`) : replaced, 'latin1');
      };
      repo.commit({ author: { name: 'Zoë 🚀', email: 'zoe@acme.com' }, date: daysAgo(9), files: { 'a.ts': '1\n' } });
      repo.commit({ author: PRIYA, date: daysAgo(8), files: { 'a.ts': '2\n' } });
      repo.rewriteHead(withAuthor(Buffer.from([0x4c, 0xe9, 0x61]), 'lea@acme.com', 'ISO-8859-1'));
      repo.commit({ author: PRIYA, date: daysAgo(7), files: { 'a.ts': '3\n' } });
      repo.rewriteHead(withAuthor(Buffer.from([0x42, 0x61, 0x64, 0xff, 0xfe]), 'bad@acme.com'));
      repo.config('i18n.logOutputEncoding', 'ISO-8859-1');
      const run = await runCliInProcess(['scan', '--json', '--me', LEE.email], { cwd: repo.dir });
      assert.equal(run.code, 0, run.stderr);
      const names = JSON.parse(run.stdout).areas[0].suggestions.map((s: { name: string }) => s.name).sort();
      assert.deepEqual(names, ['Bad\uFFFD\uFFFD', 'Léa', 'Zoë 🚀'].sort());
    });
  });

  describe('commands that never end', () => {
    it('a FIFO .mailmap: refused before git runs, at once', async () => {
      const repo = teamRepo();
      mkfifo(path.join(repo.dir, '.mailmap'));
      const started = Date.now();
      const run = await runCliInProcess(['scan'], { cwd: repo.dir });
      assert.equal(run.code, 1);
      assert.equal(
        errorLine(run),
        'multiplier: error: The repository\'s .mailmap is a FIFO (named pipe), not a regular file; git would never finish reading it. Multiplier stopped before running git on it: replace it with a regular file.',
      );
      assert.ok(Date.now() - started < 5000);
    });

    it('mailmap.file=/dev/zero and a FIFO .gitattributes: refused the same way', async () => {
      const repo = teamRepo();
      repo.config('mailmap.file', '/dev/zero');
      assert.equal(
        errorLine(await runCliInProcess(['scan'], { cwd: repo.dir })),
        'multiplier: error: mailmap.file (/dev/zero) is a character device, not a regular file; git would never finish reading it. Multiplier stopped before running git on it: point mailmap.file at a regular file or unset it.',
      );
      repo.git(['config', '--unset', 'mailmap.file']);
      mkfifo(path.join(repo.dir, '.gitattributes'));
      assert.equal(
        errorLine(await runCliInProcess(['scan'], { cwd: repo.dir })),
        'multiplier: error: The repository\'s .gitattributes is a FIFO (named pipe), not a regular file; git would never finish reading it. Multiplier stopped before running git on it: replace it with a regular file.',
      );
    });

    it('a FIFO .gitattributes deeper in the tree hangs git: stopped at --timeout with the command named', async () => {
      const repo = teamRepo();
      mkfifo(path.join(repo.dir, 'src', 'payments', '.gitattributes'));
      const started = Date.now();
      const run = await runCliInProcess(['scan', '--timeout', '1'], { cwd: repo.dir });
      assert.equal(run.code, 1);
      assert.equal(errorLine(run), 'multiplier: error: Git took longer than 1 s (git log) and was stopped. Raise the limit with --timeout SECONDS (it was 1 s).');
      assert.ok(Date.now() - started < 10_000);
    });

    it('a huge repository (a git whose log never ends) stops at --timeout', async () => {
      const repo = teamRepo();
      const run = await runCliInProcess(['scan', '--timeout', '2'], { cwd: repo.dir, env: envWithHangingGit('log') });
      assert.equal(run.code, 1);
      assert.equal(errorLine(run), 'multiplier: error: Git took longer than 2 s (git log) and was stopped. Raise the limit with --timeout SECONDS (it was 2 s).');
    });

    it('rejects a --timeout that is not a number of seconds', async () => {
      const run = await runCliInProcess(['scan', '--timeout', '0'], { cwd: createTestDir() });
      assert.equal(run.code, 2);
      assert.equal(errorLine(run), 'multiplier: --timeout must be a whole number of seconds from 1 to 86400, got "0". See "multiplier --help".');
    });
  });

  describe('several repositories and unusual paths', () => {
    it('a folder holding two repositories (a multi-root checkout): names them and asks for --repo', async () => {
      const parent = createTestDir();
      for (const name of ['api', 'web']) fs.renameSync(teamRepo({ dirName: name }).dir, path.join(parent, name));
      const run = await runCliInProcess(['scan'], { cwd: parent });
      assert.equal(run.code, 1);
      assert.equal(errorLine(run), `multiplier: error: ${parent} is not inside a git repository, but it holds 2 repositories (api, web): pass one with --repo, one run per repository.`);
    });

    it('two repositories scanned at the same time give each its own answer', async () => {
      const api = teamRepo({ dirName: 'api' });
      const web = createTestRepo({ dirName: 'web' });
      web.commit({ author: PRIYA, date: daysAgo(3), files: { CODEOWNERS: '* @acme/web\n', 'index.html': '<p>\n' } });
      const [apiRun, webRun] = await Promise.all([api, web].map((repo) => runCliInProcess(['scan', '--json', '--me', LEE.email, '--repo', repo.dir], { cwd: createTestDir() })));
      assert.equal(apiRun?.code, 0);
      assert.equal(webRun?.code, 0);
      assert.deepEqual(JSON.parse(apiRun?.stdout ?? '').areas.map((a: { area: string; level: string }) => [a.area, a.level]), [['/src/payments/', 'nudge']]);
      assert.deepEqual(JSON.parse(webRun?.stdout ?? '').areas.map((a: { area: string; level: string }) => [a.area, a.level]), [['*', 'none']]);
    });

    it('a repository path and file names with spaces and unicode', async () => {
      const repo = createTestRepo({ dirName: 'mon dépôt 🚀' });
      repo.commit({ author: PRIYA, date: daysAgo(300), files: { '.github/CODEOWNERS': '/src/pay\\ ments/ @acme/payments\n', 'src/pay ments/çapture ü.ts': 'v0\n' } });
      for (let i = 0; i < 3; i++) repo.commit({ author: LEE, date: daysAgo(10 - i), message: `Çhange ${i}`, files: { 'src/pay ments/çapture ü.ts': `v${i + 1}\n` } });
      repo.setIdentity(LEE);
      const scan = await runCliInProcess(['scan', '--json', '--repo', repo.dir], { cwd: createTestDir() });
      assert.equal(scan.code, 0, scan.stderr);
      assert.deepEqual(JSON.parse(scan.stdout).areas.map((a: { area: string; level: string }) => [a.area, a.level]), [['/src/pay ments/', 'nudge']]);
      const handoff = await runCliInProcess(['handoff', path.join(repo.dir, 'src', 'pay ments', 'çapture ü.ts'), '--repo', repo.dir], { cwd: createTestDir() });
      assert.equal(handoff.code, 0, handoff.stderr);
      assert.match(handoff.stdout, /Çhange 2/);
    });
  });
});
