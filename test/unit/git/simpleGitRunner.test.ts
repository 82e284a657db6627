import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { GitCommand } from '../../../src/core/git/gitCommand';
import { resolveGitBinary } from '../../../src/core/git/gitBinary';
import { GitFailure } from '../../../src/core/git/gitFailure';
import { SimpleGitRunner } from '../../../src/core/git/simpleGitRunner';
import { nameStatusLog } from '../../../src/core/git/repositoryCommands';
import { createTestRepo, daysAgo, fixtureGitEnv, removeTestRepos, type TestRepo } from '../../helpers/gitFixture';

const ME = { name: 'Me', email: 'me@example.com' };
const lines: GitCommand<string[]> = { args: ['log', '--format=%aN', '--end-of-options', 'HEAD', '--'], parse: (out) => out.trim().split('\n') };

function runnerFor(repo: TestRepo, env: NodeJS.ProcessEnv = fixtureGitEnv(), timeoutMs = 10_000): SimpleGitRunner {
  return new SimpleGitRunner({ gitPath: resolveGitBinary(env), cwd: repo.dir, env, timeoutMs });
}

async function failureOf(promise: Promise<unknown>): Promise<GitFailure> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof GitFailure, `a GitFailure, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the command to fail');
}

describe('SimpleGitRunner', function () {
  after(removeTestRepos);

  it('streams a long log to the parser chunk by chunk', async () => {
    const repo = createTestRepo();
    for (let i = 0; i < 30; i++) repo.commit({ author: ME, date: daysAgo(30 - i), files: { [`dir/file-${i}-${'x'.repeat(200)}.txt`]: `${i}\n` } });
    const seen: string[] = [];
    const count = await runnerFor(repo).stream(nameStatusLog({ revision: 'HEAD' }, (commit) => seen.push(commit.changes[0]?.path ?? '')));
    assert.equal(count, 30);
    assert.equal(seen[0], `dir/file-29-${'x'.repeat(200)}.txt`);
  });

  it('stops a command that hangs (a FIFO .mailmap) at the deadline with a clear message', async function () {
    const repo = createTestRepo();
    repo.commit({ author: ME, date: daysAgo(1), files: { a: 'a\n' } });
    execFileSync('mkfifo', [path.join(repo.dir, '.mailmap')]);
    const failure = await failureOf(runnerFor(repo, fixtureGitEnv(), 1500).run(lines));
    assert.equal(failure.kind, 'timeout');
    assert.equal(failure.message, 'Git took longer than 2 s (git log) and was stopped.');
  });

  it('cancels on an aborted signal', async () => {
    const repo = createTestRepo();
    repo.commit({ author: ME, date: daysAgo(1), files: { a: 'a\n' } });
    const controller = new AbortController();
    controller.abort();
    assert.equal((await failureOf(runnerFor(repo).run(lines, { signal: controller.signal }))).kind, 'cancelled');
  });

  it('ignores GIT_* variables of the inherited environment (GIT_DIR cannot redirect it)', async () => {
    const repo = createTestRepo();
    repo.commit({ author: ME, date: daysAgo(1), files: { a: 'a\n' } });
    const other = createTestRepo();
    other.commit({ author: { name: 'Other', email: 'o@example.com' }, date: daysAgo(1), files: { b: 'b\n' } });
    const env = { ...fixtureGitEnv(), GIT_DIR: path.join(other.dir, '.git'), GIT_AUTHOR_NAME: 'x' };
    assert.deepEqual(await runnerFor(repo, env).run(lines), ['Me']);
  });

  it('does not run the repository’s fsmonitor or signature program', async () => {
    const repo = createTestRepo();
    repo.commit({ author: ME, date: daysAgo(1), files: { a: 'a\n' } });
    const marker = path.join(repo.dir, '..', 'ran');
    const script = path.join(repo.dir, '..', 'payload.sh');
    fs.writeFileSync(script, `#!/bin/sh\ntouch ${JSON.stringify(marker)}\n`, { mode: 0o755 });
    repo.git(['config', 'core.fsmonitor', script]);
    repo.git(['config', 'log.showSignature', 'true']);
    repo.git(['config', 'gpg.program', script]);
    await runnerFor(repo).run(lines);
    await runnerFor(repo).stream(nameStatusLog({ revision: 'HEAD' }, () => undefined));
    assert.equal(fs.existsSync(marker), false);
  });

  it('runs one git process at a time per repository, across runners; other repositories run alongside', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'multiplier-slow-git-'));
    const log = path.join(dir, 'calls.log');
    const slowGit = path.join(dir, 'git');
    fs.writeFileSync(slowGit, `#!/bin/sh\necho "start $PWD" >> ${JSON.stringify(log)}\nsleep 0.3\necho "end $PWD" >> ${JSON.stringify(log)}\n`, { mode: 0o755 });
    const [a, b] = [createTestRepo(), createTestRepo()];
    const runner = (repo: TestRepo): SimpleGitRunner => new SimpleGitRunner({ gitPath: slowGit, cwd: repo.dir, env: fixtureGitEnv(), timeoutMs: 5000 });
    const noop: GitCommand<string> = { args: ['status'], parse: (s) => s };
    await Promise.all([runner(a).run(noop), runner(a).run(noop), runner(b).run(noop)]);
    const events = fs.readFileSync(log, 'utf8').trim().split('\n');
    const forA = events.filter((e) => e.endsWith(a.dir)).map((e) => e.split(' ')[0]);
    assert.deepEqual(forA, ['start', 'end', 'start', 'end'], 'the two commands on one repository never overlap');
    assert.ok(events.indexOf(`start ${b.dir}`) < events.indexOf(`end ${a.dir}`), 'another repository does not wait');
  });

  it('runs up to `width` processes at once inside a concurrently turn; other commands wait for the whole turn', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'multiplier-slow-git-'));
    const log = path.join(dir, 'calls.log');
    const slowGit = path.join(dir, 'git');
    // Logs its last argument: the command's name (the safety recipe's `-c` pairs come first).
    fs.writeFileSync(slowGit, `#!/bin/sh\nfor last; do :; done\necho "start $last" >> ${JSON.stringify(log)}\nsleep 0.3\necho "end $last" >> ${JSON.stringify(log)}\n`, { mode: 0o755 });
    const repo = createTestRepo();
    const runner = new SimpleGitRunner({ gitPath: slowGit, cwd: repo.dir, env: fixtureGitEnv(), timeoutMs: 5000 });
    const named = (name: string): GitCommand<string> => ({ args: [name], parse: (s) => s });
    const turn = runner.concurrently(2, (parallel) => Promise.all(['one', 'two', 'three'].map((name) => parallel.run(named(name)))));
    const outside = runner.run(named('outside'));
    await Promise.all([turn, outside]);
    const events = fs.readFileSync(log, 'utf8').trim().split('\n');
    let running = 0;
    let most = 0;
    for (const event of events) {
      running += event.startsWith('start') ? 1 : -1;
      most = Math.max(most, running);
    }
    assert.equal(most, 2, `two at once, never three: ${events.join(', ')}`);
    assert.deepEqual(events.slice(-2), ['start outside', 'end outside'], 'the command from outside runs after the turn');
    assert.deepEqual(events.filter((e) => e.startsWith('start')).sort(), ['start one', 'start outside', 'start three', 'start two']);
  });

  it('runs an interactive command while a background one is running on the same repository', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'multiplier-slow-git-'));
    const log = path.join(dir, 'calls.log');
    const slowGit = path.join(dir, 'git');
    // Each call logs its start and end by its command name (the last argument, after the recipe's
    // -c flags); the background one, "log", is slow.
    fs.writeFileSync(slowGit, `#!/bin/sh\nfor a; do last=$a; done\necho "start $last" >> ${JSON.stringify(log)}\n[ "$last" = log ] && sleep 0.5\necho "end $last" >> ${JSON.stringify(log)}\n`, { mode: 0o755 });
    const repo = createTestRepo();
    const background = new SimpleGitRunner({ gitPath: slowGit, cwd: repo.dir, env: fixtureGitEnv(), timeoutMs: 5000 });
    const interactive = background.inLane('interactive');
    const command = (name: string): GitCommand<string> => ({ args: [name], parse: (s) => s });
    await Promise.all([background.run(command('log')), background.run(command('log')), interactive.run(command('status'))]);
    const events = fs.readFileSync(log, 'utf8').trim().split('\n');
    assert.deepEqual([...events].sort(), ['end log', 'end log', 'end status', 'start log', 'start log', 'start status'], events.join(' | '));
    assert.ok(events.indexOf('end status') < events.indexOf('end log'), `status ran during the first read, not after both: ${events.join(' | ')}`);
    assert.ok(events.lastIndexOf('start log') > events.indexOf('end log'), `the two reads never overlap: ${events.join(' | ')}`);
  });

  it('classifies a missing git, a folder outside any repository and a bad revision', async () => {
    const repo = createTestRepo();
    repo.commit({ author: ME, date: daysAgo(1), files: { a: 'a\n' } });
    const noGit = new SimpleGitRunner({ gitPath: '/nonexistent/bin/git', cwd: repo.dir, env: fixtureGitEnv(), timeoutMs: 5000 });
    assert.equal((await failureOf(noGit.run(lines))).kind, 'git-not-found');
    const outside = new SimpleGitRunner({ gitPath: resolveGitBinary(fixtureGitEnv()), cwd: path.dirname(path.dirname(repo.dir)), env: fixtureGitEnv(), timeoutMs: 5000 });
    assert.equal((await failureOf(outside.run(lines))).kind, 'not-a-repository');
    const bad = await failureOf(runnerFor(repo).run({ args: ['log', '--end-of-options', 'no-such-branch', '--'], parse: (s) => s }));
    assert.equal(bad.kind, 'failed');
    assert.match(bad.message, /^Git failed: bad revision 'no-such-branch'\.$/);
  });
});
