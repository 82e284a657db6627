/**
 * The year's commits before the window are kept in columns; what the year's signals read of
 * them (who, when, with whom, with AI, which paths, which sha) must survive a read, the cache
 * file and an update exactly.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EarlierCommits, EarlierCommitsBuilder, type EarlierCommit } from '../../../src/core/index/earlierCommits';
import { fileIndexCache } from '../../../src/core/index/indexCache';
import { decodeIndex, encodeIndex, type IndexFile } from '../../../src/core/index/indexCodec';
import type { HistoryIndex } from '../../../src/core/index/historyIndex';
import { ALICE, LEE, PRIYA } from '../../fixtures/sampleTeamRepo';
import { createTestRepo, daysAgo, FIXED_NOW, removeTestRepos, type TestRepo } from '../../helpers/gitFixture';
import { scanFixture } from '../../helpers/scan';

const CLAUDE = { name: 'Claude', email: 'noreply@anthropic.com' };

/** Lee's and the owners' commits over a year: three before the 90-day window, one in it. */
function yearRepo(): TestRepo {
  const repo = createTestRepo();
  repo.commit({ author: PRIYA, date: daysAgo(400), message: 'Start payments', files: { 'src/payments/a.ts': '1\n', 'CODEOWNERS': '/src/payments/ @acme/payments\n' } });
  repo.commit({ author: LEE, date: daysAgo(200), message: 'Speed it up\n\nGenerated with [Claude Code](https://claude.com/claude-code)', files: { 'src/payments/a.ts': '2\n' } });
  repo.commit({ author: LEE, date: daysAgo(150), message: 'Pair on b', coAuthors: [ALICE], files: { 'src/payments/b.ts': '1\n', 'docs/x.md': 'x\n' } });
  repo.commit({ author: CLAUDE, date: daysAgo(120), message: 'Agent with me', coAuthors: [LEE], files: { 'src/payments/c.ts': '1\n' } });
  repo.commit({ author: PRIYA, date: daysAgo(10), message: 'In the window', files: { 'src/payments/a.ts': '3\n' } });
  return repo;
}

const all = (earlier: EarlierCommits): EarlierCommit[] => [...earlier];
const key = (person: { email: string }): string => person.email.toLowerCase();

describe('the earlier commits of the year', function () {
  after(removeTestRepos);

  it('holds the counted commits between a year and the window ago, newest first, with what the year’s signals read', async () => {
    const repo = yearRepo();
    const { index } = await scanFixture(repo, {});
    assert.deepEqual(
      index.recent.map((c) => c.subject),
      ['In the window'],
    );
    const earlier = all(index.earlier);
    assert.deepEqual(
      earlier.map((c) => [c.author, c.coAuthors, c.aiAssisted, c.paths, c.time]),
      [
        [key(LEE), [], true, ['src/payments/c.ts'], Math.floor(daysAgo(120).getTime() / 1000)],
        [key(LEE), [key(ALICE)], false, ['docs/x.md', 'src/payments/b.ts'], Math.floor(daysAgo(150).getTime() / 1000)],
        [key(LEE), [], true, ['src/payments/a.ts'], Math.floor(daysAgo(200).getTime() / 1000)],
      ],
      'the agent’s commit is credited to Lee, and the footer read beside the history marks the oldest',
    );
    assert.deepEqual(
      earlier.map((c) => c.sha),
      repo.git(['log', '--format=%H', '--since=@' + Math.floor(daysAgo(365).getTime() / 1000), '--until=@' + Math.floor(daysAgo(90).getTime() / 1000)]).trim().split('\n'),
    );
  });

  it('survives the cache file exactly, and a file whose columns are out of order or out of range is a miss', async () => {
    const { index } = await scanFixture(yearRepo(), {});
    const file = JSON.parse(JSON.stringify(encodeIndex(index, 'k'))) as IndexFile;
    const decoded = decodeIndex(file, 'k');
    assert.ok(decoded);
    assert.deepEqual(all(decoded.earlier), all(index.earlier));
    const broken: Array<[string, (f: { earlier: { numbers: number[]; shas: string } }) => void]> = [
      ['times not newest first', (f) => ([f.earlier.numbers[0]] = [0])],
      ['an author outside the string table', (f) => (f.earlier.numbers[1] = 1e6)],
      ['a sha that is not hex', (f) => (f.earlier.shas = `z${f.earlier.shas.slice(1)}`)],
      ['a truncated column', (f) => f.earlier.numbers.pop()],
    ];
    for (const [what, breakIt] of broken) {
      const copy = JSON.parse(JSON.stringify(file)) as { earlier: { numbers: number[]; shas: string } };
      breakIt(copy);
      assert.equal(decodeIndex(copy, 'k'), undefined, what);
    }
  });

  it('an update later in the year keeps what is still in the year and drops what left it, as a cold read does', async () => {
    const repo = yearRepo();
    const cache = fileIndexCache(fs.mkdtempSync(path.join(os.tmpdir(), 'multiplier-cache-')));
    await scanFixture(repo, { me: [LEE.email], cache });
    const later = new Date(FIXED_NOW.getTime() + 100 * 24 * 3600 * 1000);
    repo.commit({ author: LEE, date: daysAgo(1, later), message: 'Back again', files: { 'src/payments/d.ts': '1\n' } });
    const updated = await scanFixture(repo, { me: [LEE.email], cache, now: later });
    const cold = await scanFixture(repo, { me: [LEE.email], now: later });
    assert.equal(updated.read, 'incremental');
    const shasSince = (index: HistoryIndex, seconds: number): string[] =>
      [...index.recent.filter((c) => c.time >= seconds).map((c) => c.sha), ...all(index.earlier.since(seconds)).map((c) => c.sha)].sort();
    const yearStart = Math.floor(daysAgo(365, later).getTime() / 1000);
    assert.deepEqual(shasSince(updated.index, yearStart), shasSince(cold.index, yearStart));
    assert.ok(!all(updated.index.earlier).some((c) => c.time < yearStart), 'the commit 200 days before the first read has left the year');
    assert.deepEqual(updated.analysis.areas, cold.analysis.areas);
  });

  it('sorts commits given in any order newest first, equal times in the order given, and slices by time as views', () => {
    const commit = (sha: string, time: number): EarlierCommit => ({ sha: sha.repeat(40), time, author: 'a', coAuthors: [], aiAssisted: false, paths: [`p${sha}`] });
    const builder = new EarlierCommitsBuilder();
    for (const c of [commit('1', 10), commit('2', 30), commit('3', 20), commit('4', 30)]) builder.add(c);
    const built = builder.build();
    assert.deepEqual(all(built).map((c) => c.sha[0]), ['2', '4', '3', '1']);
    assert.deepEqual(all(built.since(20)).map((c) => c.paths[0]), ['p2', 'p4', 'p3']);
    assert.equal(built.since(0), built);
    assert.equal(built.since(31).length, 0);
  });
});
