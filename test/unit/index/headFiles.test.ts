/**
 * An update lists only what changed in HEAD's tree; the list must be exactly what listing the
 * whole tree gives, in git's order, whatever the names.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { compareGitPaths, withTreeChanges } from '../../../src/core/index/headFiles';
import { fileIndexCache } from '../../../src/core/index/indexCache';
import { PRIYA } from '../../fixtures/sampleTeamRepo';
import { createTestRepo, daysAgo, removeTestRepos } from '../../helpers/gitFixture';
import { scanFixture } from '../../helpers/scan';

describe('HEAD’s files after an update', function () {
  after(removeTestRepos);

  it('are the files a full read lists, in its order, after additions, deletions, renames, a folder becoming a file and an empty commit', async () => {
    const repo = createTestRepo();
    const cache = fileIndexCache(fs.mkdtempSync(path.join(os.tmpdir(), 'multiplier-cache-')));
    let day = 30;
    const commit = (files: Record<string, string | null>, renames: Array<[string, string]> = [], allowEmpty = false): void => {
      repo.commit({ author: PRIYA, date: daysAgo(day--), message: `change ${day}`, files, renames, allowEmpty });
    };
    commit({ 'a/c.ts': '1\n', 'b.ts': '1\n' });
    await scanFixture(repo, { cache });
    const steps: Array<() => void> = [
      // Names whose order differs between UTF-16 and git's bytes, or between a folder and a file.
      () => commit({ 'a-b.ts': '1\n', 'a.b': '1\n', 'a/\u{1F600}.ts': '1\n', 'a/\uE000.ts': '1\n', 'a/é.ts': '1\n', 'Z.ts': '1\n', 'a/b/d.ts': '1\n' }),
      () => commit({ 'b.ts': null, 'a/é.ts': '2\n' }),
      () => commit({}, [['a/c.ts', 'c/c.ts']]),
      () => commit({ 'a/b/d.ts': null, 'a/b': 'now a file\n' }),
      () => commit({}, [], true),
    ];
    for (const [i, step] of steps.entries()) {
      step();
      const updated = await scanFixture(repo, { cache });
      assert.equal(updated.read, 'incremental', `step ${i}`);
      assert.deepEqual(updated.index.files, (await scanFixture(repo, {})).index.files, `step ${i}`);
    }
  });

  it('git’s order is the order of UTF-8 bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        // Lone surrogates are not text git could hold (UTF-8 turns them into U+FFFD); compare what it could.
        const wellFormed = (s: string): boolean => Buffer.from(s).toString() === s;
        fc.pre(wellFormed(a) && wellFormed(b));
        assert.equal(Math.sign(compareGitPaths(a, b)), Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b))), JSON.stringify([a, b]));
      }),
      { numRuns: 5000 },
    );
  });

  it('a list with changes applied is the changed set in git’s order', () => {
    const name = fc.constantFrom('a', 'a/b', 'a-b', 'a.b', 'b', 'é', '\u{1F600}', '\uE000', 'a/\uE000', 'a/\u{1F600}', 'z');
    fc.assert(
      fc.property(fc.uniqueArray(name), fc.uniqueArray(name), (before, added) => {
        const files = [...before].sort(compareGitPaths);
        const removed = files.filter((_, i) => i % 2 === 0);
        const fresh = added.filter((n) => !files.includes(n) || removed.includes(n));
        const expected = [...files.filter((f) => !removed.includes(f)), ...fresh].sort(compareGitPaths);
        assert.deepEqual(withTreeChanges(files, { added: fresh, removed }), expected);
      }),
      { numRuns: 2000 },
    );
  });
});
