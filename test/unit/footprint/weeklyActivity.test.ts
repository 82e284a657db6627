import { strict as assert } from 'node:assert';
import type { Contribution } from '../../../src/core/history/contributions';
import { weekStartsOf, weeklyActivity, type WeeklyActivityInput } from '../../../src/core/analysis/weeklyActivity';

const DAY = 24 * 60 * 60;
const NOW = 1_780_000_000; // seconds; a fixed moment
const WINDOW_START = NOW - 90 * DAY;

function contribution(daysAgo: number, author: string, paths: string[], extra: Partial<Contribution> = {}): Contribution {
  const changes = paths.map((path) => ({ path, lines: 1 }) as Contribution['changes'][number]);
  return { sha: `${author}-${daysAgo}`, time: NOW - daysAgo * DAY, author, coAuthors: [], subject: 's', aiAssisted: false, changes, counted: true, allChanges: changes, ...extra };
}

const areaOf = (path: string): string | undefined => (path.startsWith('src/payments/') ? 'payments' : path.startsWith('src/search/') ? 'search' : undefined);
const input = (contributions: Contribution[], overrides: Partial<WeeklyActivityInput> = {}): WeeklyActivityInput => ({
  contributions,
  windowStartSeconds: WINDOW_START,
  nowSeconds: NOW,
  areaOf,
  isMe: (key) => key === 'lee@acme.com' || key === 'lee@old.example',
  ...overrides,
});

describe('footprint: weekly activity', () => {
  it('counts weeks back from now; a 90-day window has 13 weeks, the first one short', () => {
    const starts = weekStartsOf(WINDOW_START, NOW);
    assert.equal(starts.length, 13);
    assert.equal(starts[0], WINDOW_START);
    assert.equal(starts[1], NOW - 12 * 7 * DAY);
    assert.equal(starts[12], NOW - 7 * DAY);
    assert.deepEqual(weekStartsOf(NOW - 14 * DAY, NOW), [NOW - 14 * DAY, NOW - 7 * DAY]);
    assert.equal(weekStartsOf(NOW, NOW).length, 1, 'an empty window still has one week');
  });

  it('buckets my changes against all changes per area and week', () => {
    const result = weeklyActivity(
      input([
        contribution(1, 'lee@acme.com', ['src/payments/capture.ts']),
        contribution(3, 'priya@acme.com', ['src/payments/refund.ts']),
        contribution(8, 'lee@acme.com', ['src/payments/capture.ts', 'src/payments/refund.ts', 'src/search/index.ts']),
        contribution(9, 'lee@old.example', ['src/payments/capture.ts']),
        contribution(89, 'sam@acme.com', ['src/search/rank.ts']),
        contribution(2, 'omar@acme.com', ['README.md']),
      ]),
    );
    assert.equal(result.weekStarts.length, 13);
    const payments = result.areas.find((a) => a.areaKey === 'payments');
    const search = result.areas.find((a) => a.areaKey === 'search');
    assert.deepEqual(payments?.all, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2], 'a commit touching two files of an area counts once');
    assert.deepEqual(payments?.mine, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 1], 'aliases of me count as me');
    assert.deepEqual(search?.all, [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
    assert.deepEqual(search?.mine, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
    assert.equal(result.areas.length, 2, 'changes outside owned areas are not bucketed');
  });

  it('puts a change at a week boundary into the week that starts there', () => {
    const result = weeklyActivity(input([contribution(7, 'lee@acme.com', ['src/payments/a.ts']), contribution(7 + 1 / DAY, 'lee@acme.com', ['src/payments/b.ts'])]));
    const payments = result.areas[0];
    assert.equal(payments?.all[12], 1, 'exactly a week ago starts the last week');
    assert.equal(payments?.all[11], 1, 'a second earlier is the week before');
  });

  it('leaves out changes before the window and uncounted ones; one dated in the future counts in the last week', () => {
    const result = weeklyActivity(
      input([
        contribution(91, 'lee@acme.com', ['src/payments/a.ts']),
        contribution(5, 'lee@acme.com', ['src/payments/a.ts'], { counted: false }),
        contribution(-2, 'priya@acme.com', ['src/payments/a.ts']),
        contribution(90, 'priya@acme.com', ['src/payments/a.ts']),
      ]),
    );
    const payments = result.areas[0];
    assert.equal(payments?.all.reduce((a, b) => a + b, 0), 2);
    assert.equal(payments?.all[12], 1);
    assert.equal(payments?.all[0], 1, 'the window’s first second is in the first week');
  });

  it('does not count a change co-authored with someone else as mine alone, but one co-authored with my alias as mine', () => {
    const result = weeklyActivity(
      input([
        contribution(1, 'lee@acme.com', ['src/payments/a.ts'], { coAuthors: ['priya@acme.com'] }),
        contribution(2, 'lee@acme.com', ['src/payments/a.ts'], { coAuthors: ['lee@old.example'] }),
        contribution(3, 'priya@acme.com', ['src/payments/a.ts'], { coAuthors: ['lee@acme.com'] }),
      ]),
    );
    assert.deepEqual(result.areas[0]?.all.slice(-1), [3]);
    assert.deepEqual(result.areas[0]?.mine.slice(-1), [1]);
  });
});
