/**
 * Dives on a real repository: runs of at least three of my solo commits in one team area with no
 * gap over 14 days, over the last 365 days, each with the owners' changes in the 60 days after.
 */
import { strict as assert } from 'node:assert';
import { DAY_SECONDS, toSeconds } from '../../../src/core/time';
import { daysAgo, FIXED_NOW, removeTestRepos, type Person } from '../../helpers/gitFixture';
import { scanFixture } from '../../helpers/scan';
import { ALICE, area, LEE, OMAR, PRIYA, SETTINGS, shadowRepo } from './shadowRepo';

const NOW = toSeconds(FIXED_NOW.getTime());
const ago = (days: number): number => NOW - days * DAY_SECONDS;

function repoWithDives() {
  const repo = shadowRepo();
  let n = 0;
  const change = (author: Person, days: number, extra: { coAuthors?: Person[]; message?: string; path?: string } = {}): void => {
    repo.commit({ author, date: daysAgo(days), coAuthors: extra.coAuthors, message: extra.message ?? `change ${++n}`, files: { [extra.path ?? 'src/payments/capture.ts']: `${++n}\n` } });
  };
  // Over a year ago: not this year's.
  for (const days of [400, 395, 390]) change(LEE, days);
  // A: gaps of exactly 14 days keep the run going.
  for (const days of [300, 286, 272]) change(LEE, days);
  // The owners after A: three within 60 days (Omar is not an owner), then one a day too late.
  change(PRIYA, 260);
  change(OMAR, 250);
  change(PRIYA, 240);
  change(ALICE, 215);
  change(PRIYA, 211);
  // 15 days after A's end: a new run, of only two commits.
  for (const days of [257, 250]) change(LEE, days);
  // Paired with Priya: not a dive.
  for (const days of [200, 195, 190]) change(LEE, days, { coAuthors: [PRIYA] });
  // D: three solo commits around a paired one, the last AI-assisted.
  change(LEE, 120);
  change(LEE, 115, { coAuthors: [ALICE] });
  change(LEE, 110);
  change(LEE, 100, { message: 'With help\n\nAssisted-by: Claude Code' });
  change(ALICE, 95);
  change(ALICE, 60);
  change(PRIYA, 39);
  // E: recent, its aftermath still running.
  for (const days of [20, 15, 10]) change(LEE, days);
  change(PRIYA, 5);
  // In my own area: never a dive.
  for (const days of [30, 25, 20]) change(LEE, days, { path: 'src/lee/notes.ts' });
  return repo;
}

describe('scenario: dives', function () {
  this.timeout(60_000);
  after(removeTestRepos);

  it('finds each dive of the year with its boundaries, AI help and the owners’ changes after it', async () => {
    const { analysis } = await scanFixture(repoWithDives(), { me: [LEE.email], settings: SETTINGS });
    const payments = area(analysis.areas, '/src/payments/');
    const dives = payments.dives.map(({ startSeconds, endSeconds, commits, aiAssistedCommits, ownersChangesAfter, aftermathEndSeconds }) => ({
      startSeconds, endSeconds, commits, aiAssistedCommits, ownersChangesAfter, aftermathEndSeconds,
    }));
    assert.deepEqual(dives, [
      { startSeconds: ago(300), endSeconds: ago(272), commits: 3, aiAssistedCommits: 0, ownersChangesAfter: 3, aftermathEndSeconds: ago(212) },
      { startSeconds: ago(120), endSeconds: ago(100), commits: 3, aiAssistedCommits: 1, ownersChangesAfter: 2, aftermathEndSeconds: ago(40) },
      { startSeconds: ago(20), endSeconds: ago(10), commits: 3, aiAssistedCommits: 0, ownersChangesAfter: 1, aftermathEndSeconds: ago(-50) },
    ]);
    assert.ok(payments.dives.every((dive) => dive.area === '/src/payments/' && dive.areaKey === payments.key));
    assert.deepEqual(area(analysis.areas, '/src/lee/').dives, [], 'not in an area of mine');
  });

  it('a 15-day gap ends a run: without the third commit of A there is no dive there', async () => {
    const repo = shadowRepo();
    for (const days of [300, 286, 271]) repo.commit({ author: LEE, date: daysAgo(days), files: { 'src/payments/capture.ts': `${days}\n` } });
    const { analysis } = await scanFixture(repo, { me: [LEE.email], settings: SETTINGS });
    assert.deepEqual(area(analysis.areas, '/src/payments/').dives, []);
  });
});
