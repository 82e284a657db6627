import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileIndexCache } from '../../../src/core/index/indexCache';
import { ScanMemory } from '../../../src/core/scan/scanMemory';
import type { OwnershipResolverInput } from '../../../src/core/ownership/ownershipResolver';
import { envWithFakeGit, REAL_GIT } from '../../helpers/fakeGit';
import { createTestDir, createTestRepo, daysAgo, removeTestRepos, type Person, type TestRepo } from '../../helpers/gitFixture';
import { areaNamed, scanFixture } from '../../helpers/scan';

const LEE: Person = { name: 'Lee Leader', email: 'lee@acme.com' };
const PRIYA: Person = { name: 'Priya Patel', email: 'priya@acme.com' };
const SAM: Person = { name: 'Sam Smith', email: 'sam@acme.com' };

/** Two teams' folders, and my recent work in payments. */
function teamRepo(): TestRepo {
  const repo = createTestRepo();
  repo.commit({
    author: PRIYA,
    date: daysAgo(300),
    message: 'Start',
    files: { '.github/CODEOWNERS': '/src/payments/ @acme/payments\n/src/search/ @acme/search\n', 'src/payments/capture.ts': 'v0\n', 'src/payments/wire/client.ts': 'g0\n', 'src/search/index.ts': 's0\n' },
  });
  repo.commit({ author: SAM, date: daysAgo(200), message: 'Search', files: { 'src/search/index.ts': 's1\n' } });
  for (let i = 0; i < 4; i++) {
    repo.commit({ author: LEE, date: daysAgo(20 - i), message: `Capture ${i}`, files: { 'src/payments/capture.ts': `v${i + 1}\n`, 'src/payments/wire/client.ts': `g${i + 1}\n` } });
  }
  return repo;
}

const rules = (pattern: string): OwnershipResolverInput => ({ settingsRules: [], codeownersRules: [{ pattern, owners: ['@acme/x'], source: 'codeowners', sourcePath: 'CODEOWNERS', line: 1 }], flavor: 'github' });

describe('ScanMemory: what a session remembers between scans', () => {
  after(removeTestRepos);

  it('an update with the session memory reports exactly what a fresh scan of the same HEAD reports, and keeps the rules object', async () => {
    const repo = teamRepo();
    const memory = new ScanMemory();
    const cache = fileIndexCache(createTestDir());
    const first = await scanFixture(repo, { me: [LEE.email], cache, memory });
    repo.commit({ author: LEE, date: daysAgo(2), message: 'One more', files: { 'src/search/index.ts': 's2\n', 'src/payments/capture.ts': 'v9\n' } });
    const update = await scanFixture(repo, { me: [LEE.email], cache, memory });
    const fresh = await scanFixture(repo, { me: [LEE.email] });
    assert.equal(update.read, 'incremental');
    assert.equal(update.ownership, first.ownership, 'the same rules object, so its per-path answers carry over');
    assert.deepEqual(update.analysis.areas, fresh.analysis.areas);
    assert.equal(areaNamed(update.analysis.areas, '/src/search/').myCommits, 1);
  });

  it('a CODEOWNERS edited between two scans takes effect at once', async () => {
    const repo = teamRepo();
    const memory = new ScanMemory();
    const before = await scanFixture(repo, { me: [LEE.email], memory });
    assert.deepEqual(areaNamed(before.analysis.areas, '/src/search/').owners, ['@acme/search']);
    repo.commit({ author: PRIYA, date: daysAgo(1), message: 'Search moves', files: { '.github/CODEOWNERS': '/src/payments/ @acme/payments\n/src/search/ @acme/discovery\n' } });
    const after = await scanFixture(repo, { me: [LEE.email], memory });
    assert.notEqual(after.ownership, before.ownership);
    assert.deepEqual(areaNamed(after.analysis.areas, '/src/search/').owners, ['@acme/discovery']);
    assert.equal(after.analysis.areaOf('src/search/index.ts')?.owners[0], '@acme/discovery');
  });

  it('an ignore setting changed between two scans takes effect at once', async () => {
    const repo = teamRepo();
    const memory = new ScanMemory();
    const counted = await scanFixture(repo, { me: [LEE.email], memory });
    const ignored = await scanFixture(repo, { me: [LEE.email], memory, settings: { ignore: ['**/wire/**'] } });
    const fresh = await scanFixture(repo, { me: [LEE.email], settings: { ignore: ['**/wire/**'] } });
    assert.equal(areaNamed(counted.analysis.areas, '/src/payments/').files, 2);
    assert.equal(areaNamed(ignored.analysis.areas, '/src/payments/').files, 1);
    assert.deepEqual(ignored.analysis.areas, fresh.analysis.areas);
  });

  it('asks git its version at the first scan only; a new memory (a new session) asks again', async () => {
    const repo = teamRepo();
    const log = path.join(createTestDir(), 'git-calls');
    const env = envWithFakeGit(`echo "$*" >> ${JSON.stringify(log)}\nexec ${JSON.stringify(REAL_GIT)} "$@"`);
    const versionCalls = (): number => fs.readFileSync(log, 'utf8').split('\n').filter((line) => / version$/.test(line)).length;
    const memory = new ScanMemory();
    await scanFixture(repo, { env, memory });
    await scanFixture(repo, { env, memory });
    assert.equal(versionCalls(), 1);
    await scanFixture(repo, { env, memory: new ScanMemory() });
    assert.equal(versionCalls(), 2);
  });

  it('never keeps a version that failed or is unsupported', async () => {
    const memory = new ScanMemory();
    let reads = 0;
    const read = (answer: readonly [number, number, number] | undefined) => async () => {
      reads++;
      return answer;
    };
    const supported = (version: readonly [number, number, number]): boolean => version[0] >= 2 && version[1] >= 24;
    assert.equal(await memory.knownGitVersion(read(undefined), supported), undefined);
    assert.deepEqual(await memory.knownGitVersion(read([2, 20, 1]), supported), [2, 20, 1]);
    assert.deepEqual(await memory.knownGitVersion(read([2, 39, 5]), supported), [2, 39, 5]);
    assert.deepEqual(await memory.knownGitVersion(read([2, 45, 0]), supported), [2, 39, 5]);
    assert.equal(reads, 3);
  });

  it('hands back an earlier rules object only for the same content, and forgets the least recently used beyond four', () => {
    const memory = new ScanMemory();
    const first = memory.sameOwnership(rules('/a/'));
    assert.equal(memory.sameOwnership(rules('/a/')), first);
    assert.notEqual(memory.sameOwnership({ ...rules('/a/'), flavor: 'gitlab' }), first);
    const b = memory.sameOwnership(rules('/b/'));
    memory.sameOwnership(rules('/c/'));
    assert.equal(memory.sameOwnership(rules('/a/')), first, 'used again, so kept');
    memory.sameOwnership(rules('/d/'));
    memory.sameOwnership(rules('/e/'));
    assert.equal(memory.sameOwnership(rules('/a/')), first);
    assert.notEqual(memory.sameOwnership(rules('/b/')), b, 'the least recently used went');
    const filter = memory.pathFilter(['**/gen/**']);
    assert.equal(memory.pathFilter(['**/gen/**']), filter);
    assert.equal(filter('src/gen/a.ts'), false);
    assert.equal(memory.pathFilter([])('src/gen/a.ts'), true);
  });
});
