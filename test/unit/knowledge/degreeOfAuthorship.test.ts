import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { AuthorshipReplay } from '../../../src/core/knowledge/authorshipReplay';
import { authorDegrees, degreeOfAuthorship, fileAuthors, type FileAuthorDegree, type FileAuthorship } from '../../../src/core/knowledge/degreeOfAuthorship';
import type { CommitChange } from '../../../src/core/history/repositoryHistory';

/** Replays (status, path, person) steps, oldest first, and returns the degrees for `path`. */
function degrees(steps: ReadonlyArray<readonly [CommitChange, string]>, path: string): FileAuthorDegree[] {
  const replay = new AuthorshipReplay();
  steps.forEach(([change, person], time) => replay.apply(change, person, time, true));
  const record = replay.result().get(path);
  assert.ok(record, `a record for ${path}`);
  return authorDegrees(record);
}

const add = (path: string): CommitChange => ({ status: 'A', path });
const modify = (path: string): CommitChange => ({ status: 'M', path });
const close = (actual: number | undefined, expected: number): void => assert.ok(actual !== undefined && Math.abs(actual - expected) < 1e-6, `${actual} ≈ ${expected}`);

describe('degree of authorship (reference formula, hand-computed)', () => {
  it('is 3.293 + 1.098·FA + 0.164·DL − 0.321·ln(1 + AC), with DL linear', () => {
    close(degreeOfAuthorship(true, 0, 0), 4.391);
    close(degreeOfAuthorship(false, 10, 0), 3.293 + 1.64);
    close(degreeOfAuthorship(false, 3, 1), 3.785 - 0.321 * Math.log(2));
    // 3.293 + 1.098 + 0.164 − 0.321·ln 4 = 4.555 − 0.44500050
    close(degreeOfAuthorship(true, 1, 3), 4.1099995);
  });

  it('creator with one edit and a frequent editor are both authors (ratio 0.867)', () => {
    const result = degrees([[add('f'), 'a'], [modify('f'), 'b'], [modify('f'), 'b'], [modify('f'), 'b'], [modify('f'), 'a']], 'f');
    close(result.find((d) => d.person === 'a')?.doa, 4.1099995);
    close(result.find((d) => d.person === 'b')?.doa, 3.5624998);
    assert.deepEqual(result.map((d) => [d.person, d.isAuthor]), [['a', true], ['b', true]]);
  });

  it('a creator outworked ten to nothing falls below 0.75 of the best and stops being an author', () => {
    const steps: Array<readonly [CommitChange, string]> = [[add('f'), 'a']];
    for (let i = 0; i < 10; i++) steps.push([modify('f'), 'b']);
    const result = degrees(steps, 'f');
    close(result.find((d) => d.person === 'a')?.doa, 4.391 - 0.321 * Math.log(11));
    close(result.find((d) => d.person === 'b')?.doa, 4.933);
    assert.deepEqual(result.map((d) => [d.person, d.isAuthor]), [['b', true], ['a', false]]);
  });

  it('is not an author below the absolute threshold even within 0.75 of the best', () => {
    // a: FA, AC = 5 → 3.81585; b…f: DL 1, AC 4 → 2.94037 (ratio 0.77, but under 3.293).
    const steps: Array<readonly [CommitChange, string]> = [[add('f'), 'a'], ...['b', 'c', 'd', 'e', 'g'].map((p) => [modify('f'), p] as const)];
    const result = degrees(steps, 'f');
    close(result[0]?.doa, 4.391 - 0.321 * Math.log(6));
    close(result[1]?.doa, 3.457 - 0.321 * Math.log(5));
    assert.deepEqual(result.filter((d) => d.isAuthor).map((d) => d.person), ['a']);
  });

  it('a developer who re-adds a deleted path becomes a secondary creator (FA = 1); re-adds are not deliveries', () => {
    const result = degrees([[add('f'), 'a'], [{ status: 'D', path: 'f' }, 'a'], [add('f'), 'b'], [add('f'), 'b']], 'f');
    assert.deepEqual(result.map((d) => [d.person, d.doa, d.isAuthor]), [['a', 4.391, true], ['b', 4.391, true]]);
  });

  it('follows renames: the record moves, and the rename is a delivery of whoever renamed', () => {
    const result = degrees([[add('old'), 'a'], [modify('old'), 'a'], [{ status: 'R', oldPath: 'old', path: 'new' }, 'b']], 'new');
    close(result.find((d) => d.person === 'a')?.doa, 3.293 + 1.098 + 0.164 - 0.321 * Math.log(2));
    close(result.find((d) => d.person === 'b')?.doa, 3.293 + 0.164 - 0.321 * Math.log(2));
    assert.deepEqual(result.map((d) => [d.person, d.isAuthor]), [['a', true], ['b', false]]);
  });

  it('uncounted changes (bots, ignore-revs) still move a file but credit nobody', () => {
    const replay = new AuthorshipReplay();
    replay.apply(add('a.ts'), 'alice', 1, true);
    replay.apply({ status: 'R', oldPath: 'a.ts', path: 'b.ts' }, 'bot', 2, false);
    replay.apply(modify('b.ts'), 'bot', 3, false);
    const record = replay.result().get('b.ts');
    assert.ok(record);
    assert.equal(replay.result().has('a.ts'), false);
    assert.equal(record.changes, 0);
    assert.deepEqual([...record.creators], ['alice']);
  });
});

describe('property: fileAuthors is authorDegrees’ authors, in its order', () => {
  it('for any creators and deliveries', () => {
    const person = fc.constantFrom('ana', 'bo', 'cy', 'dee', 'Bo', 'é');
    fc.assert(
      fc.property(fc.uniqueArray(person, { maxLength: 3 }), fc.array(fc.tuple(person, fc.integer({ min: 1, max: 40 })), { maxLength: 6 }), fc.nat({ max: 60 }), (creators, deliveries, others) => {
        const record: FileAuthorship = { creators: new Set(creators), deliveries: new Map(deliveries), changes: 0, lastTouched: new Map() };
        record.changes = [...record.deliveries.values()].reduce((sum, n) => sum + n, 0) + others;
        assert.deepEqual(
          fileAuthors(record),
          authorDegrees(record).filter((d) => d.isAuthor),
        );
      }),
      { numRuns: 2000 },
    );
  });
});
