/** "Confirm My Identity" on real repositories: what counts as me, from where, and who looks like me. */
import { strict as assert } from 'node:assert';
import { readIdentityReport } from '../../../src/core/setup/identityReport';
import { createTestRepo, daysAgo, removeTestRepos, type Person, type TestRepo } from '../../helpers/gitFixture';
import { scanFixture } from '../../helpers/scan';

const LEE: Person = { name: 'Lee Leader', email: 'lee@acme.example' };
const LEE_LAPTOP: Person = { name: 'Lee Leader', email: 'lee@laptop.local' };
const LEE_OLD: Person = { name: 'L. Leader', email: 'lee@old.example' };
const PRIYA: Person = { name: 'Priya Patel', email: 'priya@acme.example' };
const BOT: Person = { name: 'Lee Leader', email: '1+ci[bot]@users.noreply.github.com' };

function leeRepo(): TestRepo {
  const repo = createTestRepo();
  repo.commit({ author: LEE_OLD, date: daysAgo(300), files: { 'a.ts': 'v1\n' } });
  repo.commit({ author: PRIYA, date: daysAgo(50), files: { 'a.ts': 'v2\n' } });
  repo.commit({ author: LEE_LAPTOP, date: daysAgo(40), files: { 'a.ts': 'v3\n' } });
  repo.commit({ author: BOT, date: daysAgo(35), files: { 'b.ts': 'v1\n' } });
  repo.commit({ author: LEE, date: daysAgo(20), files: { 'a.ts': 'v4\n' } });
  repo.commit({ author: LEE, date: daysAgo(10), files: { 'a.ts': 'v5\n' } });
  repo.setIdentity(LEE);
  return repo;
}

describe('setup: who counts as me', function () {
  after(removeTestRepos);

  it('shows git config’s user with its source, counts my recent commits, and offers the same name under another email', async () => {
    const scan = await scanFixture(leeRepo());
    const report = await readIdentityReport(scan);
    assert.deepEqual(report.gitUser, LEE);
    assert.deepEqual(report.entries, [{ value: 'lee@acme.example', kind: 'email', source: 'git config user.email' }]);
    assert.equal(report.recentChanges, 2);
    assert.equal(report.lastActive, Math.floor(daysAgo(10).getTime() / 1000));
    assert.equal(report.windowDays, 90);
    // The laptop address has my git user.name; a bot with the same name and another name never do.
    assert.deepEqual(report.lookalikes.map((l) => [l.email, l.reason]), [['lee@laptop.local', 'commits as Lee Leader, your git user.name; 1 change in the last 90 days']]);
  });

  it('after aliases and a .mailmap, says where each identity comes from and stops offering what counts', async () => {
    const repo = leeRepo();
    repo.commit({ author: LEE, date: daysAgo(5), files: { '.mailmap': 'Lee Leader <lee@acme.example> <lee@old.example>\n' } });
    const scan = await scanFixture(repo, { settings: { identities: ['lee@laptop.local', '@Lee-L', 'L. Leader'] } });
    const report = await readIdentityReport(scan);
    assert.deepEqual(report.entries, [
      { value: 'lee@acme.example', kind: 'email', source: 'git config user.email' },
      { value: 'lee@laptop.local', kind: 'email', source: 'multiplier.identities' },
      { value: '@lee-l', kind: 'handle', source: 'multiplier.identities' },
      { value: 'L. Leader', kind: 'name', source: 'multiplier.identities' },
    ]);
    assert.deepEqual(report.aliases, ['lee@laptop.local', '@Lee-L', 'L. Leader']);
    assert.equal(report.recentChanges, 4, 'the laptop commit counts now, and so does the .mailmap commit');
    assert.deepEqual(report.lookalikes, []);
  });

  it('names the mailmapped address and the no-reply handle by their source, and reports a missing user.email', async () => {
    const repo = createTestRepo();
    repo.commit({ author: LEE, date: daysAgo(5), files: { '.mailmap': 'Lee Leader <lee@new.example> <lee@acme.example>\n' } });
    repo.setIdentity(LEE);
    const report = await readIdentityReport(await scanFixture(repo, { settings: { identities: ['7+octo-lee@users.noreply.github.com'] } }));
    assert.deepEqual(report.entries.map((e) => `${e.value} ← ${e.source}`), [
      'lee@acme.example ← git config user.email',
      'lee@new.example ← .mailmap',
      '7+octo-lee@users.noreply.github.com ← multiplier.identities',
      '@octo-lee ← GitHub no-reply address',
    ]);

    const anonymous = createTestRepo();
    anonymous.commit({ author: PRIYA, date: daysAgo(5), files: { 'a.ts': 'v1\n' } });
    anonymous.config('user.email', '');
    const empty = await readIdentityReport(await scanFixture(anonymous));
    assert.equal(empty.gitUser, undefined);
    assert.equal(empty.recentChanges, 0);
    assert.deepEqual(empty.lookalikes, []);
  });
});
