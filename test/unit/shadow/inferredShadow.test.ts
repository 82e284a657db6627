/**
 * The long shadow where no rule speaks: in a repository without CODEOWNERS the folders' builders
 * are their owners, so my dives there, the builders' changes after them, the builders' lines my
 * changes replaced, pairing and the balance all read as they do in a team's declared area.
 */
import { strict as assert } from 'node:assert';
import type { AreaReport } from '../../../src/core/analysis/areaReport';
import { createBotMatcher } from '../../../src/core/identity/bots';
import { readLinesReplaced } from '../../../src/core/replaced/readLinesReplaced';
import { DAY_SECONDS, toSeconds } from '../../../src/core/time';
import { ANA, CARL, createHistoryRepo, LEE, SAM } from '../../fixtures/historyRepo';
import { FIXED_NOW, removeTestRepos } from '../../helpers/gitFixture';
import { scanFixture } from '../../helpers/scan';
import { area } from './shadowRepo';

const NOW = toSeconds(FIXED_NOW.getTime());
const ago = (days: number): number => NOW - days * DAY_SECONDS;
const dives = (report: AreaReport) => report.dives.map(({ startSeconds, endSeconds, commits, ownersChangesAfter }) => ({ startSeconds, endSeconds, commits, ownersChangesAfter }));

describe('scenario: the long shadow in areas read from history', function () {
  this.timeout(60_000);
  after(removeTestRepos);

  it('finds my dives in folders others built, with the builders’ changes after; none where I paired or built', async () => {
    const { analysis } = await scanFixture(createHistoryRepo({ now: FIXED_NOW }), { me: [LEE.email] });
    // Four solo commits in billing (days 30–27). After them Ana, who built it, changed it on day
    // 20, and Carl on day 21: his rewrite of f02.ts makes him a DOA author of that file, so one
    // of the folder's de facto owners too.
    const billing = area(analysis.areas, '/billing/');
    assert.deepEqual(billing.maintainers.map(({ email, knownFiles }) => [email, knownFiles]), [[ANA.email, 30], [CARL.email, 1]]);
    assert.deepEqual(dives(billing), [{ startSeconds: ago(30), endSeconds: ago(27), commits: 4, ownersChangesAfter: 2 }]);
    // Three in search (days 25–23); Sam, who carried it on after Olga, changed it on day 15.
    assert.deepEqual(dives(area(analysis.areas, '/search/')), [{ startSeconds: ago(25), endSeconds: ago(23), commits: 3, ownersChangesAfter: 1 }]);
    assert.deepEqual(dives(area(analysis.areas, '/payments/')), [], 'every commit there co-authored with Ben, its builder');
    assert.deepEqual(dives(area(analysis.areas, '/tools/')), [], 'Lee built tools');
  });

  it('splits my hands-on time with the builders as owners: tools mine, payments paired, the rest solo in others’ folders', async () => {
    const { analysis } = await scanFixture(createHistoryRepo({ now: FIXED_NOW }), { me: [LEE.email] });
    assert.deepEqual(analysis.balance, { own: 5, paired: 4, teamSolo: 8, unowned: 0 });
  });

  it('counts the builders’ lines my changes replaced in a folder read from history', async () => {
    const scan = await scanFixture(createHistoryRepo({ now: FIXED_NOW }), { me: [LEE.email] });
    const areas = ['/billing/', '/search/'].map((name) => area(scan.analysis.areas, name));
    const { byArea } = await readLinesReplaced(areas, { runner: scan.runner, analysis: scan.analysis, isBot: createBotMatcher([]), limits: { deadlineMs: 60_000, maxCommits: 40 }, clock: () => 0 });
    // billing/f00.ts held Ana's one line; Lee's later commits replace only his own.
    assert.deepEqual(byArea.get(areas[0]!.key), { total: 1, byPerson: [{ name: ANA.name, email: ANA.email, lines: 1 }], complete: true });
    // search/f20.ts was Olga's: she built search and left; her line counts all the same.
    assert.equal(byArea.get(areas[1]!.key)?.total, 1);
    assert.notEqual(byArea.get(areas[1]!.key)?.byPerson[0]?.email, SAM.email);
  });
});
