import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { OrderedOutput } from '../../../src/core/git/orderedOutput';

function collector(): { push(chunk: Uint8Array): void; end(): string; readonly text: string } {
  let text = '';
  return {
    push: (chunk) => {
      text += Buffer.from(chunk).toString('utf8');
    },
    end: () => text,
    get text() {
      return text;
    },
  };
}

const bytes = (text: string): Uint8Array => Buffer.from(text, 'utf8');

describe('OrderedOutput: pieces written at once, passed on in order', () => {
  it('passes the first piece straight through and holds later ones until their turn', async () => {
    const target = collector();
    const output = new OrderedOutput(3, target);
    output.piece(1).push(bytes('b1 '));
    output.piece(0).push(bytes('a1 '));
    assert.equal(target.text, 'a1 ', 'piece 0 is live, piece 1 is held');
    output.piece(2).push(bytes('c1 '));
    output.piece(2).end();
    output.piece(0).end();
    await output.passed(0);
    assert.equal(target.text, 'a1 ', 'piece 1 is passed on in later turns of the event loop');
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(target.text, 'a1 b1 ', 'its spooled output is passed on');
    output.piece(1).push(bytes('b2 '));
    assert.equal(target.text, 'a1 b1 b2 ', 'then it is live');
    output.piece(1).end();
    await output.done();
    assert.equal(target.text, 'a1 b1 b2 c1 ');
  });

  it('stops at what the target throws, and says so', async () => {
    const output = new OrderedOutput(2, {
      push: () => {
        throw new Error('bad log');
      },
      end: () => undefined,
    });
    output.piece(1).push(bytes('later'));
    output.piece(0).push(bytes('first'));
    await assert.rejects(output.done(), /bad log/);
  });

  it('tells when a piece has been passed on, and gives up on abort', async () => {
    const output = new OrderedOutput(2, collector());
    let passed = false;
    const waiting = output.passed(0).then(() => (passed = true));
    output.piece(0).push(bytes('a'));
    await Promise.resolve();
    assert.equal(passed, false);
    output.piece(0).end();
    await waiting;
    assert.equal(passed, true);
    const controller = new AbortController();
    const abandoned = output.passed(1, controller.signal);
    controller.abort(new Error('stop'));
    await assert.rejects(abandoned, /stop/);
  });

  it('whatever the interleaving of writes, ends and turns of the event loop, the target sees the pieces in order', async () => {
    const piecesOfChunks = fc.array(fc.array(fc.string({ maxLength: 4 }), { maxLength: 12 }), { minLength: 1, maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(piecesOfChunks, fc.infiniteStream(fc.nat()), async (pieces, choices) => {
        const target = collector();
        const output = new OrderedOutput(pieces.length, target);
        // Each piece's events (its chunks, then its end) stay in order; pieces interleave at random,
        // and now and then the event loop turns.
        const cursors = pieces.map(() => 0);
        const choose = choices[Symbol.iterator]();
        for (let open = pieces.length; open > 0; ) {
          const choice = choose.next().value as number;
          if (choice % 5 === 0) await new Promise((resolve) => setImmediate(resolve));
          const live = cursors.flatMap((cursor, index) => (cursor <= (pieces[index]?.length ?? 0) ? [index] : []));
          const index = live[choice % live.length] as number;
          const chunks = pieces[index] as string[];
          const cursor = cursors[index] as number;
          if (cursor < chunks.length) output.piece(index).push(bytes(chunks[cursor] as string));
          else {
            output.piece(index).end();
            open--;
          }
          cursors[index] = cursor + 1;
        }
        await output.done();
        assert.equal(target.text, pieces.map((chunks) => chunks.join('')).join(''));
      }),
      { numRuns: 300 },
    );
  });
});
