/**
 * The balance on a real repository: each of my window commits counted once, as own, paired,
 * solo in a team area, or unowned.
 */
import { strict as assert } from 'node:assert';
import { daysAgo, removeTestRepos } from '../../helpers/gitFixture';
import { scanFixture } from '../../helpers/scan';
import { LEE, OMAR, PRIYA, SETTINGS, shadowRepo } from './shadowRepo';

describe('scenario: the balance of my hands-on time', function () {
  this.timeout(60_000);
  after(removeTestRepos);

  it('splits my window commits into own, paired, team solo and unowned, each commit once', async () => {
    const repo = shadowRepo();
    let day = 80;
    const commit = (files: Record<string, string>, coAuthors = [] as (typeof PRIYA)[]): void => {
      repo.commit({ author: LEE, date: daysAgo(day--), coAuthors, files });
    };
    commit({ 'src/lee/notes.ts': 'own 1\n' });
    commit({ 'src/lee/notes.ts': 'own 2\n' });
    for (let i = 0; i < 3; i++) commit({ 'src/payments/capture.ts': `solo ${i}\n` });
    commit({ 'src/payments/capture.ts': 'paired\n' }, [PRIYA]);
    commit({ 'src/payments/capture.ts': 'paired, and mine\n', 'src/lee/notes.ts': 'with it\n' }, [PRIYA]);
    commit({ 'src/lee/notes.ts': 'mine, and the api alone\n', 'src/api/server.ts': 'api\n' });
    commit({ 'src/payments/capture.ts': 'paired with payments, solo in the api\n', 'src/api/server.ts': 'api 2\n' }, [PRIYA]);
    commit({ 'src/payments/capture.ts': 'co-authored, but not with an owner\n' }, [OMAR]);
    commit({ 'tools/build.ts': 'unowned 1\n' });
    commit({ 'tools/lint.ts': 'unowned 2\n' });
    commit({ 'src/payments/package-lock.json': '{}\n' });
    repo.commit({ author: LEE, date: daysAgo(200), files: { 'tools/build.ts': 'before the window\n' } });
    repo.commit({ author: PRIYA, date: daysAgo(10), files: { 'src/payments/capture.ts': 'Priya’s\n' } });
    const { analysis } = await scanFixture(repo, { me: [LEE.email], settings: SETTINGS });
    assert.deepEqual(analysis.balance, { own: 2, paired: 2, teamSolo: 6, unowned: 2 });
  });
});
