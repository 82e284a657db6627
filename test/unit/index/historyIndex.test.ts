/**
 * Cold, warm and incremental analyses must agree exactly; a cache is only a shortcut, never a
 * source of truth: a rewritten history, other settings, a corrupt or old file all mean a full read.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileIndexCache } from '../../../src/core/index/indexCache';
import { decodeIndex, encodeIndex, INDEX_FORMAT_VERSION } from '../../../src/core/index/indexCodec';
import { createSampleTeamRepo, LEE, PRIYA } from '../../fixtures/sampleTeamRepo';
import { daysAgo, FIXED_NOW, removeTestRepos } from '../../helpers/gitFixture';
import { scanFixture, type SettingsOverrides } from '../../helpers/scan';
import type { ScanResult } from '../../../src/core/scan/scanRepository';

function cacheDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'multiplier-cache-'));
}

/** Everything a person can see of an analysis: the area reports (plain data). */
const visible = (scan: ScanResult): unknown => scan.analysis.areas;

describe('history index: cold, warm and incremental', function () {
  after(removeTestRepos);

  it('a warm start from the cache file reads no history and gives the identical analysis', async () => {
    const repo = createSampleTeamRepo({ now: FIXED_NOW });
    const directory = cacheDir();
    const first = fileIndexCache(directory);
    const cold = await scanFixture(repo, { cache: first });
    await first.flush();
    const warm = await scanFixture(repo, { cache: fileIndexCache(directory) });
    assert.equal(cold.read, 'full');
    assert.equal(warm.read, 'cached');
    assert.deepEqual(visible(warm), visible(cold));
    assert.equal(warm.analysis.areas[0]?.level, 'nudge');
  });

  it('after new commits on top, reads only those and agrees with a cold read', async () => {
    const repo = createSampleTeamRepo({ now: FIXED_NOW });
    const cache = fileIndexCache(cacheDir());
    await scanFixture(repo, { cache });
    repo.commit({ author: PRIYA, date: daysAgo(1), message: 'Payments: take it back', files: { 'src/payments/capture.ts': 'priya\n', 'src/payments/new.ts': 'n\n' } });
    repo.commit({ author: LEE, date: daysAgo(0.5), message: 'Rename', renames: [['src/payments/refund.ts', 'src/payments/refunds.ts']], coAuthors: [PRIYA] });
    const incremental = await scanFixture(repo, { cache });
    const cold = await scanFixture(repo, {});
    assert.equal(incremental.read, 'incremental');
    assert.equal(cold.read, 'full');
    assert.deepEqual(visible(incremental), visible(cold));
    assert.equal(incremental.index.commitCount, cold.index.commitCount);
    assert.deepEqual([...incremental.index.knowledge.keys()].sort(), [...cold.index.knowledge.keys()].sort());
  });

  it('new commits with author dates among the old ones (a cherry-pick, a rebase) take their places newest first, as in a cold read', async () => {
    const repo = createSampleTeamRepo({ now: FIXED_NOW });
    const cache = fileIndexCache(cacheDir());
    const before = await scanFixture(repo, { cache });
    const middle = before.index.recent[Math.floor(before.index.recent.length / 2)];
    assert.ok(middle && before.index.recent.length >= 3);
    // Authored at the same second as a commit already read, and one older than every recent one.
    repo.commit({ author: PRIYA, date: new Date(middle.time * 1000), committerDate: daysAgo(0.2), message: 'Picked', files: { 'src/payments/picked.ts': 'p\n' } });
    repo.commit({ author: LEE, date: daysAgo(80), committerDate: daysAgo(0.1), message: 'Rebased', files: { 'src/payments/old.ts': 'o\n' } });
    const incremental = await scanFixture(repo, { cache });
    const cold = await scanFixture(repo, {});
    assert.equal(incremental.read, 'incremental');
    const order = (scan: ScanResult): string[] => scan.index.recent.map((c) => `${c.time} ${c.subject}`);
    assert.deepEqual(order(incremental), order(cold));
    const times = incremental.index.recent.map((c) => c.time);
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
  });

  it('a cache file whose recent contributions are not newest first is a miss', async () => {
    const { index } = await scanFixture(createSampleTeamRepo({ now: FIXED_NOW }), {});
    assert.ok(index.recent.length >= 2);
    const file = JSON.parse(JSON.stringify(encodeIndex(index, 'k'))) as { recent: { numbers: number[] } };
    assert.ok(decodeIndex(file, 'k'));
    file.recent.numbers[0] = 0;
    assert.equal(decodeIndex(file, 'k'), undefined);
  });

  it('after a rewritten history (reset and a new commit), falls back to a full read', async () => {
    const repo = createSampleTeamRepo({ now: FIXED_NOW });
    const cache = fileIndexCache(cacheDir());
    await scanFixture(repo, { cache });
    repo.git(['reset', '-q', '--hard', 'HEAD~3']);
    repo.commit({ author: PRIYA, date: daysAgo(1), message: 'Another future', files: { 'src/payments/capture.ts': 'other\n' } });
    const rewritten = await scanFixture(repo, { cache });
    assert.equal(rewritten.read, 'full');
    assert.deepEqual(visible(rewritten), visible(await scanFixture(repo, {})));
  });

  it('when the cached HEAD no longer exists (rewritten and pruned), the update read stops quietly and all history is read', async () => {
    const repo = createSampleTeamRepo({ now: FIXED_NOW });
    const cache = fileIndexCache(cacheDir());
    await scanFixture(repo, { cache });
    repo.git(['reset', '-q', '--hard', 'HEAD~2']);
    repo.commit({ author: PRIYA, date: daysAgo(1), message: 'Another future', files: { 'src/payments/capture.ts': 'other\n' } });
    repo.git(['reflog', 'expire', '--expire=now', '--all']);
    repo.git(['gc', '-q', '--prune=now']);
    const rewritten = await scanFixture(repo, { cache });
    assert.equal(rewritten.read, 'full');
    assert.deepEqual(visible(rewritten), visible(await scanFixture(repo, {})));
  });

  it('settings that change what counts are a cache miss', async () => {
    const repo = createSampleTeamRepo({ now: FIXED_NOW });
    const cache = fileIndexCache(cacheDir());
    await scanFixture(repo, { cache });
    const settings: SettingsOverrides = { ignore: ['src/payments/capture.ts'] };
    const other = await scanFixture(repo, { cache, settings });
    assert.equal(other.read, 'full');
    assert.deepEqual(visible(other), visible(await scanFixture(repo, { settings })));
    assert.equal((await scanFixture(repo, { cache, settings: { windowDays: 400 } })).read, 'full', 'a longer window needs older commits');
  });

  it('discards a corrupt, truncated, foreign or old cache file instead of trusting it', async () => {
    const repo = createSampleTeamRepo({ now: FIXED_NOW });
    const directory = cacheDir();
    const problems: string[] = [];
    // A new cache object per scan: each is a new session that only has the file on disk.
    const session = () => fileIndexCache(directory, (message) => problems.push(message));
    const first = session();
    const cold = await scanFixture(repo, { cache: first });
    await first.flush();
    const [file] = fs.readdirSync(directory).map((name) => path.join(directory, name));
    assert.ok(file);
    const good = fs.readFileSync(file, 'utf8');
    const variants = [
      good.slice(0, good.length / 2),
      good.replace(`"format":${INDEX_FORMAT_VERSION}`, `"format":${INDEX_FORMAT_VERSION - 1}`),
      good.replace(/"head":"[0-9a-f]+"/, '"head":"--upload-pack=evil"'),
      good.replace(/"numbers":\[/, '"numbers":["42",'),
      good.replace(/"files":\[/, '"files":[1e9,'),
      '{}',
      'null',
    ];
    for (const variant of variants) {
      assert.notEqual(variant, good, 'each variant really damages the file');
      fs.writeFileSync(file, variant);
      const cache = session();
      const scan = await scanFixture(repo, { cache });
      await cache.flush();
      assert.equal(scan.read, 'full', variant.slice(0, 40));
      assert.deepEqual(visible(scan), visible(cold));
    }
    assert.ok(problems.some((p) => /is not valid JSON; it is ignored and will be rebuilt/.test(p)));
  });

  it('encodes and decodes an index without loss', async () => {
    const repo = createSampleTeamRepo({ now: FIXED_NOW });
    const { index } = await scanFixture(repo, {});
    const decoded = decodeIndex(JSON.parse(JSON.stringify(encodeIndex(index, 'k'))), 'k');
    assert.ok(decoded);
    assert.deepEqual(encodeIndex(decoded, 'k'), encodeIndex(index, 'k'));
    assert.equal(decodeIndex(JSON.parse(JSON.stringify(encodeIndex(index, 'k'))), 'other key'), undefined);
  });
});
