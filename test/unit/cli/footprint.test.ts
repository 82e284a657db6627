/**
 * `multiplier footprint` and the long shadow in `multiplier scan`, on the sample team repository
 * (Lee's two earlier dives this year, the payments dive in the window with two AI-assisted
 * changes, a renamed API contract, and one of Priya's lines replaced).
 */
import { strict as assert } from 'node:assert';
import { createSampleTeamRepo } from '../../fixtures/sampleTeamRepo';
import { FIXED_NOW, removeTestRepos } from '../../helpers/gitFixture';
import { runCliInProcess } from '../../helpers/runCli';

const PRIYA_LINE = { total: 1, byPerson: [{ name: 'Priya Patel', email: 'priya@acme.example', lines: 1 }], complete: true };

describe('CLI: the footprint and the long shadow', function () {
  this.timeout(60_000);
  after(removeTestRepos);

  it('footprint --json prints the issue’s shape: areas, dives with their aftermath in ISO 8601, and the balance', async () => {
    const repo = createSampleTeamRepo({ now: FIXED_NOW });
    const run = await runCliInProcess(['footprint', '--json'], { cwd: repo.dir });
    assert.equal(run.stderr, '');
    assert.equal(run.code, 0);
    const report = JSON.parse(run.stdout);
    assert.deepEqual({ head: report.head, me: report.me, windowDays: report.windowDays }, { head: repo.head(), me: ['lee@acme.example', '@lee-leader'], windowDays: 90 });
    assert.deepEqual(report.dives, [
      { area: '/src/search/', start: '2025-11-13T12:00:00.000Z', end: '2025-11-23T12:00:00.000Z', commits: 3, aiAssistedCommits: 0, ownersChangesAfter: 2, aftermathEnd: '2026-01-22T12:00:00.000Z', aftermathComplete: true },
      { area: '/src/payments/', start: '2026-01-02T12:00:00.000Z', end: '2026-01-12T12:00:00.000Z', commits: 3, aiAssistedCommits: 0, ownersChangesAfter: 2, aftermathEnd: '2026-03-13T12:00:00.000Z', aftermathComplete: true },
      { area: '/src/payments/', start: '2026-05-02T12:00:00.000Z', end: '2026-05-22T12:00:00.000Z', commits: 6, aiAssistedCommits: 2, ownersChangesAfter: 1, aftermathEnd: '2026-07-21T12:00:00.000Z', aftermathComplete: false },
    ]);
    assert.deepEqual({ own: report.balance.own, paired: report.balance.paired, teamSolo: report.balance.teamSolo, unowned: report.balance.unowned }, { own: 1, paired: 0, teamSolo: 7, unowned: 0 });
    assert.equal(report.balance.sentence, 'Of your 8 changes in the last 90 days, 1 was in your own areas and 7 solo in team areas.');
    assert.deepEqual(report.areas.map((a: { area: string }) => a.area), ['/src/payments/', '/src/search/'], 'team areas I work in; /docs/ is mine');
    assert.deepEqual(report.ownAreas, ['/docs/']);
    const [payments, search] = report.areas;
    assert.deepEqual(
      { ai: payments.aiAssistedCommits, decisions: payments.decisionFiles, replaced: payments.othersLinesReplaced },
      { ai: 2, decisions: ['src/payments/api/payments.v2.proto'], replaced: PRIYA_LINE },
    );
    assert.equal(search.othersLinesReplaced, null, 'read only where I am nudged');
  });

  it('footprint prints the same as text, and scan --json gains the three fields on every area', async () => {
    const repo = createSampleTeamRepo({ now: FIXED_NOW });
    const text = await runCliInProcess(['footprint'], { cwd: repo.dir });
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^ {2}\/src\/payments\/ {2}2026-05-02 – 2026-05-22: 6 solo changes \(2 AI-assisted\); since it the owners have made 1 change there so far\.$/m);
    assert.match(text.stdout, /^ {4}Your changes replaced 1 line Priya Patel wrote\.$/m);
    assert.match(text.stdout, /^ {2}Of your 8 changes in the last 90 days, 1 was in your own areas and 7 solo in team areas\.$/m);
    assert.match(text.stdout, /^ {2}- A pairing session with Alice Doe in \/src\/payments\/: /m);
    const scan = JSON.parse((await runCliInProcess(['scan', '--json'], { cwd: repo.dir })).stdout);
    for (const area of scan.areas) assert.deepEqual(Object.keys(area).slice(-3), ['aiAssistedCommits', 'decisionFiles', 'othersLinesReplaced'], area.area);
    const payments = scan.areas.find((a: { area: string }) => a.area === '/src/payments/');
    assert.deepEqual(payments.othersLinesReplaced, PRIYA_LINE);
    const scanText = await runCliInProcess(['scan'], { cwd: repo.dir });
    assert.match(scanText.stdout, /^ {7}Your 3rd dive into team areas this year; after the last one the owners made 2 changes there\.$/m);
  });

  it('documents footprint in --help, and refuses a path', async () => {
    const help = await runCliInProcess(['--help'], { cwd: process.cwd() });
    assert.match(help.stdout, /^ {2}multiplier footprint \[--repo DIR\] \[--me EMAIL\]\.\.\. \[--window-days N\] \[--config FILE\] \[--now DATE\] \[--timeout SECONDS\] \[--json\]$/m);
    const bad = await runCliInProcess(['footprint', 'src/'], { cwd: process.cwd() });
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr, 'multiplier: "footprint" takes no path, got "src/". See "multiplier --help".\n');
  });
});
