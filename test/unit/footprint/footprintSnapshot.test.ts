/**
 * The footprint of the sample team repository (the one the demo and integration suites open),
 * through the real scan: weekly buckets in the snapshot and the model built from it.
 */
import { strict as assert } from 'node:assert';
import { buildFootprintModel } from '../../../src/core/footprint/footprintModel';
import { toSnapshot } from '../../../src/core/scan/analysisSnapshot';
import { createSampleTeamRepo, LEE, SAMPLE_SETTINGS } from '../../fixtures/sampleTeamRepo';
import { FIXED_NOW, removeTestRepos } from '../../helpers/gitFixture';
import { scanFixture } from '../../helpers/scan';

describe('footprint: the sample team repository', function () {
  after(removeTestRepos);

  it('buckets Lee’s payments changes week by week and builds the view of them', async () => {
    const repo = createSampleTeamRepo({ now: FIXED_NOW });
    const scan = await scanFixture(repo, { me: [LEE.email], settings: { teams: SAMPLE_SETTINGS['multiplier.teams'], identities: SAMPLE_SETTINGS['multiplier.identities'] } });
    const snapshot = toSnapshot(scan, 'test');
    assert.equal(snapshot.footprint.weekStarts.length, 13);
    const payments = snapshot.areas.find((area) => area.area === '/src/payments/');
    assert.ok(payments);
    const weeks = snapshot.footprint.areas.find((area) => area.areaKey === payments.key);
    // Lee 30, 26, 22, 18, 14, 10 days ago; Priya 15; Alice 8. Weeks are counted back from now,
    // so a change exactly 14 days ago opens the week before last.
    assert.deepEqual(weeks?.all.slice(-5), [1, 2, 2, 3, 0]);
    assert.deepEqual(weeks?.mine.slice(-5), [1, 2, 1, 2, 0]);
    assert.equal(weeks?.all.reduce((a, b) => a + b), payments.commits);
    assert.equal(weeks?.mine.reduce((a, b) => a + b), payments.myCommits - payments.pairedCommits);
    assert.doesNotThrow(() => structuredClone(snapshot), 'the snapshot crosses from the worker by structured clone');

    const model = buildFootprintModel({
      workspaceFolders: 1,
      trusted: true,
      folders: [{ uri: 'file:///acme-shop', name: 'acme-shop', status: { kind: 'ready', warnings: [] }, snapshot }],
      assists: [],
      handoffs: [],
      nowMs: FIXED_NOW.getTime(),
      formatTime: String,
      formatDay: (ms) => new Date(ms).toISOString().slice(0, 10),
      formatMonth: (ms) => new Date(ms).toISOString().slice(5, 7),
    });
    const [folder] = model.folders;
    const view = folder?.areas[0];
    assert.equal(view?.name, '/src/payments/');
    assert.equal(view?.share, '80%');
    assert.equal(view?.detail, 'You made 6 of 8 changes (75%) and 16 of 20 changed lines (80%) in the last 90 days.');
    assert.deepEqual(view?.suggestions.map((s) => s.name), ['Alice Doe', 'Priya Patel']);
    assert.match(view?.chart.description ?? '', /^Changes in \/src\/payments\/ per week in the last 90 days, yours of all: week of 2026-04-27, 1 of 1; week of 2026-05-04, 2 of 2; week of 2026-05-11, 1 of 2; week of 2026-05-18, 2 of 3\. No changes in the other 9 weeks\.$/);
    assert.deepEqual(folder?.ownAreas.map((a) => a.name), ['/docs/']);
    assert.ok(folder?.areas.some((a) => a.name === '/src/search/'));
  });
});
