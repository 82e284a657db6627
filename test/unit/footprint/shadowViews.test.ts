/**
 * The footprint's new parts as the webview receives them: the dives timeline (positions on the
 * year, the owners' follow-up), the balance with its sentence and outlets, and what followed each
 * handoff, recomputed from the reading.
 */
import { strict as assert } from 'node:assert';
import type { AreaReport } from '../../../src/core/analysis/areaReport';
import type { Dive } from '../../../src/core/analysis/dives';
import { parseHandoffs, recentHandoffs, withHandoff, type HandoffRecord } from '../../../src/core/assists/handoffs';
import { balanceView } from '../../../src/core/footprint/balanceView';
import { diveTimeline } from '../../../src/core/footprint/diveTimeline';
import { handoffLoopView } from '../../../src/core/footprint/handoffLoopView';
import { PLAIN_FORMAT } from '../../../src/core/presentation/shadowSentences';
import { areaReport } from '../../helpers/areaSignals';

const DAY = 86_400;
const NOW = Date.UTC(2026, 5, 1, 12) / 1000;

function report(area: string, overrides: Partial<AreaReport> = {}): AreaReport {
  return areaReport({ key: `k${area}`, area, owners: ['@acme/team'], commits: 10, myCommits: 0, soloCommits: 0, commitShare: 0, myShare: 0, level: 'info', reasons: [], files: 3, myKnownFiles: 0, ...overrides });
}

const dive = (area: string, startDaysAgo: number, endDaysAgo: number, ownersChangesAfter: number): Dive => ({
  areaKey: `k${area}`,
  area,
  startSeconds: NOW - startDaysAgo * DAY,
  endSeconds: NOW - endDaysAgo * DAY,
  commits: 3,
  aiAssistedCommits: 0,
  ownersChangesAfter,
  aftermathEndSeconds: NOW - endDaysAgo * DAY + 60 * DAY,
});

describe('footprint: dives, balance and the handoff loop', () => {
  it('puts each dive on the year, a row per area, with its follow-up and a sentence for everything', () => {
    const timeline = diveTimeline({
      folder: 'file:///shop',
      dives: [dive('/src/search/', 292, 219, 2), dive('/src/payments/', 219, 146, 0), dive('/src/payments/', 30, 10, 1)],
      nowSeconds: NOW,
      format: PLAIN_FORMAT,
      formatMonth: (seconds) => new Date(seconds * 1000).toISOString().slice(5, 7),
    });
    assert.ok(timeline);
    assert.equal(timeline.summary, '3 dives into team areas this year, in 2 areas; since the last one the owners have made 1 change there so far. Healthy dives are short and the owners carry on after them.');
    assert.deepEqual(timeline.rows.map((row) => [row.shortName, row.bars.length]), [['search', 1], ['payments', 2]]);
    const [search] = timeline.rows[0]?.bars ?? [];
    assert.deepEqual(
      { start: search?.start.toFixed(2), width: search?.width.toFixed(2), followUp: search?.followUpWidth.toFixed(3), kind: search?.followUp },
      { start: '0.20', width: '0.20', followUp: '0.164', kind: 'owners' },
    );
    assert.deepEqual(timeline.rows[1]?.bars.map((bar) => bar.followUp), ['none', 'open']);
    assert.equal(timeline.rows[1]?.bars[1]?.followUpWidth.toFixed(3), (10 / 365).toFixed(3), 'the running follow-up stops at now');
    assert.equal(timeline.rows[1]?.bars[0]?.label, '/src/payments/, 2025-10-25 – 2026-01-06: 3 solo changes; after it the owners made no changes there.');
    assert.equal(timeline.ticks.length, 12);
    assert.deepEqual(timeline.ticks.map((tick) => tick.label).slice(0, 3), ['07', '08', '09']);
    assert.ok(timeline.ticks.every((tick) => tick.at > 0 && tick.at < 1));
    assert.match(timeline.description, /^\/src\/search\/, 2025-08-13 – 2025-10-25: 3 solo changes; after it the owners made 2 changes there\. \/src\/payments\/, /);
    assert.equal(diveTimeline({ folder: 'f', dives: [], nowSeconds: NOW, format: PLAIN_FORMAT, formatMonth: String }), undefined);
  });

  it('splits the balance into segments and one sentence, and suggests outlets from my own areas and the team area I am most in', () => {
    const areas = [
      report('/docs/', { isMine: true }),
      report('/src/payments/', { level: 'nudge', soloCommits: 6, suggestions: [{ name: 'Alice Doe', email: 'a@x', reason: 'r', inferred: false }] }),
      report('/src/search/', { soloCommits: 1 }),
    ];
    const view = balanceView({ own: 1, paired: 2, teamSolo: 7, unowned: 0 }, areas, 90);
    assert.equal(view.total, 10);
    assert.deepEqual(view.segments.map((s) => [s.kind, s.count, s.fraction]), [['own', 1, 0.1], ['paired', 2, 0.2], ['teamSolo', 7, 0.7], ['unowned', 0, 0]]);
    assert.equal(view.sentence, 'Of your 10 changes in the last 90 days, 1 was in your own areas, 2 paired with the owners and 7 solo in team areas.');
    assert.deepEqual(view.outlets, [
      'Your own areas (/docs/): the decisions there are yours to make.',
      'A pairing session with Alice Doe in /src/payments/: you stay close to the code, and the decisions stay with them.',
      'Reviews of the owners’ changes in /src/payments/: you keep up with the code without taking the wheel.',
    ]);
    assert.equal(balanceView({ own: 0, paired: 0, teamSolo: 2, unowned: 0 }, [], 30).sentence, 'Of your 2 changes in the last 30 days, 2 were solo in team areas.');
    assert.equal(balanceView({ own: 0, paired: 0, teamSolo: 0, unowned: 0 }, [], 30).sentence, 'You made no changes in the last 30 days.');
  });

  it('says what followed a handoff from the reading now: who made how many changes since, and my share then and now', () => {
    const record: HandoffRecord = { folder: 'f', areaKey: 'k/src/billing/', areaName: '/src/billing/', atMs: (NOW - 40 * DAY) * 1000, share: 0.67 };
    const billing = report('/src/billing/', {
      myShare: 0.18,
      ownerChanges: [
        { timeSeconds: NOW - 50 * DAY, name: 'Ben' },
        ...Array.from({ length: 9 }, (_, i) => ({ timeSeconds: NOW - (30 - i) * DAY, name: 'Ana' })),
        ...Array.from({ length: 5 }, (_, i) => ({ timeSeconds: NOW - (20 - i) * DAY, name: 'Ben' })),
      ],
    });
    const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
    assert.equal(handoffLoopView(record, billing, day).text, 'Since you handed billing back on 2026-04-22, Ana and Ben made 14 changes; your share went from 67% to 18%.');
    assert.equal(handoffLoopView(record, { ...billing, ownerChanges: [] }, day).text, 'Since you handed billing back on 2026-04-22, the owners have made no changes there yet; your share went from 67% to 18%.');
    assert.equal(handoffLoopView(record, { ...billing, ownerChanges: [], myShare: 0.671 }, day).text, 'Since you handed billing back on 2026-04-22, the owners have made no changes there yet; your share is still 67%.');
    assert.match(handoffLoopView(record, undefined, day).text, /its ownership rule has changed/);
  });

  it('remembers one handoff per area, forgets those over a year old, and drops whatever persisted state is not valid', () => {
    const nowMs = NOW * 1000;
    const at = (daysAgo: number, areaKey = 'a'): HandoffRecord => ({ folder: 'f', areaKey, areaName: areaKey, atMs: nowMs - daysAgo * DAY * 1000, share: 0.5 });
    let handoffs = withHandoff(parseHandoffs(undefined), at(400, 'old'), nowMs - 40 * DAY * 1000);
    handoffs = withHandoff(handoffs, at(10), nowMs);
    handoffs = withHandoff(handoffs, at(2), nowMs);
    assert.deepEqual(handoffs.handoffs.map((h) => h.areaKey), ['a'], 'the old one forgotten, the area remembered once');
    assert.equal(handoffs.handoffs[0]?.atMs, at(2).atMs);
    assert.deepEqual(recentHandoffs(parseHandoffs({ version: 1, handoffs: [at(3, 'b'), at(1, 'c'), at(500, 'd')] }), nowMs).map((h) => h.areaKey), ['c', 'b']);
    const messy = { version: 1, handoffs: [at(1), { ...at(1), share: 2 }, { ...at(1), atMs: 'yesterday' }, { ...at(1), folder: '' }, null, 'x', { ...at(1, 'ok'), extra: true }] };
    assert.deepEqual(parseHandoffs(messy).handoffs, [at(1), at(1, 'ok')]);
    for (const bad of [null, 7, 'x', [], { version: 2, handoffs: [at(1)] }, { version: 1 }, { version: 1, handoffs: 'x' }]) assert.deepEqual(parseHandoffs(bad).handoffs, []);
  });
});
