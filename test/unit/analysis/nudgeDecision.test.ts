import { strict as assert } from 'node:assert';
import { decideNudge, type AreaNumbers } from '../../../src/core/analysis/nudgeDecision';

const base: AreaNumbers = {
  area: 'src/payments/',
  windowDays: 90,
  commits: 12,
  soloCommits: 8,
  pairedCommits: 0,
  lines: 0,
  mySoloLines: 0,
  mineBecause: undefined,
  shareThreshold: 0.5,
  minCommits: 3,
};

describe('nudge decision', () => {
  it('nudges at or above the threshold with enough solo changes', () => {
    const decision = decideNudge(base);
    assert.equal(decision.level, 'nudge');
    assert.equal(decision.commitShare, 8 / 12);
    assert.deepEqual(decision.reasons, [
      'You made 8 of the 12 changes in src/payments/ in the last 90 days (67%).',
      'Nudges start at 50% with at least 3 solo changes.',
    ]);
    assert.equal(decideNudge({ ...base, commits: 16 }).level, 'nudge', 'exactly 50% counts');
    assert.equal(decideNudge({ ...base, commits: 17 }).level, 'info', 'just under 50% does not');
  });

  it('needs minCommits solo changes unless I am the only recent author', () => {
    assert.equal(decideNudge({ ...base, commits: 3, soloCommits: 2 }).level, 'info');
    const sole = decideNudge({ ...base, commits: 1, soloCommits: 1 });
    assert.equal(sole.level, 'nudge');
    assert.match(sole.reasons.at(-1) ?? '', /Nobody else has changed src\/payments\/ in the last 90 days/);
  });

  it('uses the larger of commit and line share', () => {
    const heavy = decideNudge({ ...base, commits: 10, soloCommits: 3, lines: 1000, mySoloLines: 900 });
    assert.equal(heavy.commitShare, 0.3);
    assert.equal(heavy.lineShare, 0.9);
    assert.equal(heavy.myShare, 0.9);
    assert.equal(heavy.level, 'nudge');
  });

  it('credits pairing: paired changes are not solo work', () => {
    const paired = decideNudge({ ...base, soloCommits: 2, pairedCommits: 6 });
    assert.equal(paired.commitShare, 2 / 12);
    assert.equal(paired.level, 'info');
    assert.ok(paired.reasons.includes('6 changes of yours were paired with the owners: that counts as pairing, not solo work.'));
  });

  it('never nudges in my own area or where I made no change', () => {
    assert.equal(decideNudge({ ...base, mineBecause: 'you are listed as an owner (@me in CODEOWNERS)' }).level, 'none');
    const absent = decideNudge({ ...base, soloCommits: 0 });
    assert.equal(absent.level, 'none');
    assert.deepEqual(absent.reasons, ['You have not changed src/payments/ in the last 90 days.']);
  });
});
