/**
 * The lines others wrote that my commits replaced, on a real repository: exact per person through
 * a rename, my own and a bot's lines left out, an agent's commit with me as co-author counted as
 * mine, and "at least" when the deadline or the cap on commits cuts the read short.
 */
import { strict as assert } from 'node:assert';
import type { GitCommand, GitRunner, GitStreamCommand, RunOptions } from '../../../src/core/git/gitCommand';
import { createBotMatcher } from '../../../src/core/identity/bots';
import { BlameCache, readLinesReplaced, type ReplacedLinesLimits } from '../../../src/core/replaced/readLinesReplaced';
import type { ScanResult } from '../../../src/core/scan/scanRepository';
import { daysAgo, removeTestRepos } from '../../helpers/gitFixture';
import { scanFixture } from '../../helpers/scan';
import { ALICE, area, CLAUDE, DEPENDABOT, LEE, PRIYA, SETTINGS, shadowRepo } from './shadowRepo';

const text = (lines: readonly string[]): string => `${lines.join('\n')}\n`;

/** Each step rewrites the whole file; the comment says whose lines Lee's change replaces. */
function repoWithReplacedLines() {
  const repo = shadowRepo();
  let lines = Array.from({ length: 10 }, (_, i) => `p${i + 1}`);
  repo.commit({ author: PRIYA, date: daysAgo(200), message: 'Capture', files: { 'src/payments/capture.ts': text(lines) } });
  lines = [...lines, 'a11', 'a12', 'a13', 'a14', 'a15'];
  repo.commit({ author: ALICE, date: daysAgo(150), message: 'Ledger hooks', files: { 'src/payments/capture.ts': text(lines) } });
  lines = lines.map((line) => (line === 'p10' ? 'bot10' : line));
  repo.commit({ author: DEPENDABOT, date: daysAgo(100), message: 'Bump', files: { 'src/payments/capture.ts': text(lines) } });
  // An agent's commit with Lee as co-author is Lee's: Priya's p8–p9.
  lines = lines.map((line) => (line === 'p8' ? 'c8' : line === 'p9' ? 'c9' : line));
  repo.commit({ author: CLAUDE, coAuthors: [LEE], date: daysAgo(40), message: 'Agent work', files: { 'src/payments/capture.ts': text(lines) } });
  // Priya's p2–p4, Alice's a12.
  lines = lines.map((line) => line.replace(/^p([2-4])$/, 'l$1')).filter((line) => line !== 'a12');
  repo.commit({ author: LEE, date: daysAgo(30), message: 'Faster capture', files: { 'src/payments/capture.ts': text(lines) } });
  // Renamed, and Priya's p6–p7 rewritten on the way.
  lines = lines.map((line) => line.replace(/^p([67])$/, 'm$1'));
  repo.commit({ author: LEE, date: daysAgo(25), message: 'Call it charge', renames: [['src/payments/capture.ts', 'src/payments/charge.ts']], files: { 'src/payments/charge.ts': text(lines) } });
  // Lee's own lines, the agent's lines credited to Lee, the bot's line: none counts.
  lines = lines.map((line) => line.replace(/^l([23])$/, 'n$1'));
  repo.commit({ author: LEE, date: daysAgo(20), message: 'Again', files: { 'src/payments/charge.ts': text(lines) } });
  lines = lines.map((line) => line.replace(/^c([89])$/, 'n$1'));
  repo.commit({ author: LEE, date: daysAgo(18), message: 'Agent lines', files: { 'src/payments/charge.ts': text(lines) } });
  lines = lines.map((line) => (line === 'bot10' ? 'n10' : line));
  repo.commit({ author: LEE, date: daysAgo(15), message: 'Bot line', files: { 'src/payments/charge.ts': text(lines) } });
  // Alice's a15.
  lines = lines.map((line) => (line === 'a15' ? 'n15' : line));
  repo.commit({ author: LEE, date: daysAgo(10), message: 'Last one', files: { 'src/payments/charge.ts': text(lines) } });
  return repo;
}

/** The scan's runner, except that every git command takes ten seconds on `clock`. */
function slowRunner(runner: GitRunner, clock: { now: number }): GitRunner {
  return {
    cwd: runner.cwd,
    run: <T>(command: GitCommand<T>, options?: RunOptions) => runner.run(command, options).finally(() => (clock.now += 10_000)),
    stream: <T>(command: GitStreamCommand<T>, options?: RunOptions) => runner.stream(command, options).finally(() => (clock.now += 10_000)),
    concurrently: (width, task) => runner.concurrently(width, (parallel) => task(slowRunner(parallel, clock))),
  };
}

function replaced(scan: ScanResult, limits: ReplacedLinesLimits, runner: GitRunner = scan.runner, clock: () => number = () => 0, cache?: BlameCache) {
  const payments = area(scan.analysis.areas, '/src/payments/');
  return readLinesReplaced([payments], { runner, analysis: scan.analysis, isBot: createBotMatcher([]), limits, clock, cache }).then((result) => result.byArea.get(payments.key));
}

describe('scenario: the owners’ lines my changes replaced', function () {
  this.timeout(60_000);
  after(removeTestRepos);

  it('counts exactly, per person, across a rename, an agent’s commit with me among mine; my own lines and a bot’s are not counted', async () => {
    const scan = await scanFixture(repoWithReplacedLines(), { me: [LEE.email], settings: SETTINGS });
    assert.equal(area(scan.analysis.areas, '/src/payments/').othersLinesReplaced, null, 'not read by the scan itself');
    assert.deepEqual(await replaced(scan, { deadlineMs: 60_000, maxCommits: 40 }), {
      total: 9,
      byPerson: [
        { name: PRIYA.name, email: PRIYA.email, lines: 7 },
        { name: ALICE.name, email: ALICE.email, lines: 2 },
      ],
      complete: true,
    });
  });

  it('stops at the deadline and says the count is a lower bound', async () => {
    const scan = await scanFixture(repoWithReplacedLines(), { me: [LEE.email], settings: SETTINGS });
    const clock = { now: 0 };
    // The newest commit's diff and blame take 20 s; the next one's diff ends past the 25 s deadline.
    const result = await replaced(scan, { deadlineMs: 25_000, maxCommits: 40 }, slowRunner(scan.runner, clock), () => clock.now);
    assert.deepEqual(result, { total: 1, byPerson: [{ name: ALICE.name, email: ALICE.email, lines: 1 }], complete: false });
    assert.equal(clock.now, 30_000, 'three git commands ran, no more');
  });

  it('reads a commit once: a later reading (one more commit on top) blames only what is new', async () => {
    const repo = repoWithReplacedLines();
    const cache = new BlameCache();
    const first = await scanFixture(repo, { me: [LEE.email], settings: SETTINGS });
    const before = await replaced(first, { deadlineMs: 60_000, maxCommits: 40 }, first.runner, () => 0, cache);
    repo.commit({ author: LEE, date: daysAgo(5), message: 'One more', files: { 'src/payments/charge.ts': 'all new\n' } });
    const second = await scanFixture(repo, { me: [LEE.email], settings: SETTINGS });
    const clock = { now: 0 };
    const after = await replaced(second, { deadlineMs: 600_000, maxCommits: 40 }, slowRunner(second.runner, clock), () => clock.now, cache);
    assert.equal(clock.now, 20_000, 'two git commands: the new commit’s diff and its blame');
    assert.equal(after?.total, (before?.total ?? 0) + 5, 'the new commit rewrote the whole file: Priya’s p1 and p5, Alice’s a11, a13 and a14');
  });

  it('reads only the newest commits up to the cap, and says so', async () => {
    const scan = await scanFixture(repoWithReplacedLines(), { me: [LEE.email], settings: SETTINGS });
    // The five newest: Alice's a15, the bot's line, the agent's lines, Lee's own, and the rename with Priya's p6–p7.
    assert.deepEqual(await replaced(scan, { deadlineMs: 60_000, maxCommits: 5 }), {
      total: 3,
      byPerson: [
        { name: PRIYA.name, email: PRIYA.email, lines: 2 },
        { name: ALICE.name, email: ALICE.email, lines: 1 },
      ],
      complete: false,
    });
  });
});
