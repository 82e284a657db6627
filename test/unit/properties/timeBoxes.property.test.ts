/**
 * Properties of persisted time boxes (assists and snoozes): the workspace state they are read
 * from may be corrupt, from an older version or edited by hand, so reading it validates,
 * defaults and never throws.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { EMPTY_TIME_BOXES, parseTimeBoxes, pruned, withAssist, withSnooze, type Assist, type Snooze, type TimeBoxes } from '../../../src/core/assists/timeBoxes';

const time = fc.integer({ min: 0, max: 8_640_000_000_000 });
const text = fc.string({ maxLength: 40 });

const assist: fc.Arbitrary<Assist> = fc.record({
  folder: text,
  areaKey: text,
  areaName: text,
  startedAt: time,
  until: time,
  reason: text,
  endNotified: fc.boolean(),
}, { noNullPrototype: true });
// A snooze without an area covers the folder; JSON drops `undefined`, so it is left out, not set.
const snooze: fc.Arbitrary<Snooze> = fc.oneof(
  fc.record({ folder: text, areaKey: text, until: time }, { noNullPrototype: true }),
  fc.record({ folder: text, until: time }, { noNullPrototype: true }).map((s) => s as Snooze),
);
const timeBoxes: fc.Arbitrary<TimeBoxes> = fc.record({
  version: fc.constant(1 as const),
  assists: fc.array(assist, { maxLength: 6 }),
  snoozes: fc.array(snooze, { maxLength: 6 }),
}, { noNullPrototype: true });

/** What a damaged or foreign entry can look like. */
const corruptEntry = fc.oneof(
  fc.anything(),
  assist.chain((a) =>
    fc.constantFrom<Record<string, unknown>>(
      { ...a, until: 'soon' },
      { ...a, until: Number.POSITIVE_INFINITY },
      { ...a, startedAt: -1 },
      { ...a, until: Number.NaN },
      { ...a, endNotified: 'yes' },
      { ...a, folder: 42 },
      { ...a, reason: 'x'.repeat(2001) },
      { ...a, areaKey: null },
    ),
  ),
);

function isValidAssist(value: Assist): boolean {
  return (
    typeof value.folder === 'string' &&
    typeof value.areaKey === 'string' &&
    typeof value.areaName === 'string' &&
    typeof value.reason === 'string' &&
    Number.isFinite(value.startedAt) &&
    value.startedAt >= 0 &&
    Number.isFinite(value.until) &&
    value.until >= 0 &&
    typeof value.endNotified === 'boolean'
  );
}

function isValidSnooze(value: Snooze): boolean {
  return typeof value.folder === 'string' && (value.areaKey === undefined || typeof value.areaKey === 'string') && Number.isFinite(value.until) && value.until >= 0;
}

describe('property: persisted time boxes', () => {
  it('reading any stored value never throws and always gives well-formed time boxes (version 1, valid entries, at most 500 of each)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.record({ version: fc.oneof(fc.constant(1), fc.anything()), assists: fc.anything(), snoozes: fc.anything() })), (stored) => {
        const boxes = parseTimeBoxes(stored);
        assert.equal(boxes.version, 1);
        assert.ok(boxes.assists.every(isValidAssist));
        assert.ok(boxes.snoozes.every(isValidSnooze));
        assert.ok(boxes.assists.length <= 500 && boxes.snoozes.length <= 500);
      }),
      { numRuns: 1000 },
    );
  });

  it('valid time boxes survive a round trip through JSON (the workspace state) unchanged', () => {
    fc.assert(
      fc.property(timeBoxes, (boxes) => {
        assert.deepEqual(parseTimeBoxes(JSON.parse(JSON.stringify(boxes))), boxes);
      }),
      { numRuns: 500 },
    );
  });

  it('corrupt entries are dropped one by one: the valid ones are kept, in order, and nothing else', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(assist.map((a) => ({ valid: true, value: a as unknown })), corruptEntry.map((value) => ({ valid: false, value }))), { maxLength: 10 }), (entries) => {
        const parsed = parseTimeBoxes({ version: 1, assists: entries.map((e) => e.value), snoozes: [] });
        assert.deepEqual(parsed.assists, entries.filter((e) => e.valid).map((e) => e.value));
      }),
      { numRuns: 500 },
    );
  });

  it('an old or unknown version, or a value of the wrong type, reads as no time boxes', () => {
    fc.assert(
      fc.property(timeBoxes, fc.oneof(fc.constant(undefined), fc.constant(0), fc.constant(2), fc.string(), fc.double()), (boxes, version) => {
        assert.deepEqual(parseTimeBoxes({ ...boxes, version }), EMPTY_TIME_BOXES);
      }),
      { numRuns: 200 },
    );
  });

  it('what the store writes after any change reads back as the same time boxes', () => {
    fc.assert(
      fc.property(timeBoxes, assist, snooze, time, (boxes, added, snoozed, now) => {
        const written = pruned(withSnooze(withAssist(boxes, added), snoozed, now), now);
        assert.deepEqual(parseTimeBoxes(JSON.parse(JSON.stringify(written))), written);
      }),
      { numRuns: 500 },
    );
  });
});
