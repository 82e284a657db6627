import { strict as assert } from 'node:assert';
import { activeAssist, endedUnannounced, markAnnounced, nextDeadline, parseTimeBoxes, withAssist, withSnooze, activeSnooze, EMPTY_TIME_BOXES } from '../../../src/core/assists/timeBoxes';

const assist = { folder: 'file:///repo', areaKey: 'a', areaName: '/a/', startedAt: 0, until: 1000, reason: 'launch' };

describe('time boxes', () => {
  it('drops corrupt or old persisted state instead of throwing', () => {
    for (const value of [undefined, null, 42, 'x', [], { version: 2, assists: [] }, { version: 1, assists: 'nope' }]) {
      assert.deepEqual(parseTimeBoxes(value), EMPTY_TIME_BOXES, JSON.stringify(value));
    }
    const mixed = parseTimeBoxes({ version: 1, assists: [{ ...assist, endNotified: false }, { ...assist, until: 'soon' }, null], snoozes: [{ folder: 'f', until: Infinity }] });
    assert.equal(mixed.assists.length, 1);
    assert.equal(mixed.snoozes.length, 0);
  });

  it('an assist pauses its area until it ends, and is announced exactly once', () => {
    let boxes = withAssist(EMPTY_TIME_BOXES, assist);
    assert.ok(activeAssist(boxes, 'file:///repo', 'a', 999));
    assert.equal(activeAssist(boxes, 'file:///repo', 'a', 1000), undefined);
    assert.equal(activeAssist(boxes, 'file:///repo', 'b', 10), undefined);
    assert.equal(nextDeadline(boxes, 10), 1000);
    const ended = endedUnannounced(boxes, 1000);
    assert.equal(ended.length, 1);
    boxes = markAnnounced(boxes, ended);
    assert.equal(endedUnannounced(boxes, 2000).length, 0);
    assert.equal(parseTimeBoxes(JSON.parse(JSON.stringify(boxes))).assists[0]?.endNotified, true, 'survives a round trip');
  });

  it('a snooze covers its area (or the whole folder) until it ends', () => {
    const boxes = withSnooze(withSnooze(EMPTY_TIME_BOXES, { folder: 'f', areaKey: 'a', until: 50 }, 0), { folder: 'g', areaKey: undefined, until: 70 }, 0);
    assert.ok(activeSnooze(boxes, 'f', 'a', 49));
    assert.equal(activeSnooze(boxes, 'f', 'b', 10), undefined);
    assert.ok(activeSnooze(boxes, 'g', 'anything', 69));
    assert.equal(activeSnooze(boxes, 'g', 'anything', 70), undefined);
  });
});
