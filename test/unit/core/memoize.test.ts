import { strict as assert } from 'node:assert';
import { memoize, memoizeBy } from '../../../src/core/memoize';

describe('memoize', () => {
  it('computes each key once, answers that are undefined, false or 0 included', () => {
    const calls: string[] = [];
    const answers: Record<string, unknown> = { a: undefined, b: false, c: 0, d: 'x' };
    const remembered = memoize((key) => {
      calls.push(key);
      return answers[key];
    });
    for (const key of ['a', 'b', 'c', 'd', 'a', 'b', 'c', 'd']) assert.equal(remembered(key), answers[key]);
    assert.deepEqual(calls, ['a', 'b', 'c', 'd']);
  });

  it('memoizeBy asks once per key of the argument, whatever object carries it', () => {
    let calls = 0;
    const nameOf = memoizeBy(
      (person: { key: string }) => person.key,
      (person) => {
        calls++;
        return person.key === 'gone' ? undefined : person.key.toUpperCase();
      },
    );
    assert.equal(nameOf({ key: 'ana' }), 'ANA');
    assert.equal(nameOf({ key: 'ana' }), 'ANA');
    assert.equal(nameOf({ key: 'gone' }), undefined);
    assert.equal(nameOf({ key: 'gone' }), undefined);
    assert.equal(calls, 2);
  });
});
