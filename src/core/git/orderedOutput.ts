import type { StreamParser } from './gitCommand';

interface Piece {
  readonly chunks: Uint8Array[];
  ended: boolean;
}

/** Spooled chunks passed on per turn of the event loop: a spooled piece can be tens of megabytes. */
const CHUNKS_PER_TURN = 4;

/**
 * Joins the outputs of commands that run at once into one stream, in a fixed order, as if one
 * process had written them all: the earliest unfinished piece passes straight through to
 * `target`, later pieces are held (spooled) until their turn. A piece read ahead is passed on a
 * few chunks per turn of the event loop, so that its turn never stalls the processes still
 * writing (their output is read, new pieces start) while it is parsed.
 */
export class OrderedOutput {
  private next = 0;
  private readonly pieces = new Map<number, Piece>();
  private readonly waiters: Array<{ readonly index: number; readonly resolve: () => void }> = [];
  private pumping = false;
  private failure: { error: unknown } | undefined;
  private readonly finished: Promise<void>;
  private settle: { resolve: () => void; reject: (error: unknown) => void } | undefined;

  constructor(
    private readonly count: number,
    private readonly target: StreamParser<unknown>,
  ) {
    this.finished = new Promise((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    // Awaited by `done()`; a failure must not also surface as an unhandled rejection.
    this.finished.catch(() => undefined);
    if (count === 0) this.settle?.resolve();
  }

  /** The parser piece `index` streams into; `end` marks the piece complete. */
  piece(index: number): StreamParser<void> {
    return {
      push: (chunk) => this.write(index, chunk),
      end: () => this.end(index),
    };
  }

  /** Resolves once pieces 0 … index have all been passed on; rejects when `signal` aborts first. */
  passed(index: number, signal?: AbortSignal): Promise<void> {
    if (index < this.next) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onAbort = (): void => reject(signal?.reason);
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push({
        index,
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      });
    });
  }

  /** Resolves once every piece has been passed on; rejects with what `target` threw, or on abort. */
  done(signal?: AbortSignal): Promise<void> {
    if (!signal) return this.finished;
    return new Promise((resolve, reject) => {
      const onAbort = (): void => reject(signal.reason);
      if (signal.aborted) onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      this.finished.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  private write(index: number, chunk: Uint8Array): void {
    if (this.failure) return;
    const piece = this.pieceAt(index);
    if (index === this.next && piece.chunks.length === 0 && !this.pumping) this.pass(chunk);
    else piece.chunks.push(chunk);
  }

  private end(index: number): void {
    this.pieceAt(index).ended = true;
    this.advance();
  }

  private pass(chunk: Uint8Array): void {
    try {
      this.target.push(chunk);
    } catch (error) {
      this.fail(error);
    }
  }

  /** Moves past every ended piece with nothing left to pass; starts passing a spooled one. */
  private advance(): void {
    while (!this.failure && this.next < this.count) {
      const piece = this.pieces.get(this.next);
      if (!piece) return;
      if (piece.chunks.length > 0) {
        this.pump();
        return;
      }
      if (!piece.ended) return;
      this.pieces.delete(this.next);
      this.next++;
      this.wake();
    }
    if (this.next === this.count) this.settle?.resolve();
  }

  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    setImmediate(() => {
      this.pumping = false;
      const piece = this.pieces.get(this.next);
      for (const chunk of piece?.chunks.splice(0, CHUNKS_PER_TURN) ?? []) {
        if (this.failure) return;
        this.pass(chunk);
      }
      this.advance();
    });
  }

  private fail(error: unknown): void {
    this.failure = { error };
    this.pieces.clear();
    this.settle?.reject(error);
  }

  private wake(): void {
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const waiter = this.waiters[i];
      if (waiter && waiter.index < this.next) {
        this.waiters.splice(i, 1);
        waiter.resolve();
      }
    }
  }

  private pieceAt(index: number): Piece {
    let piece = this.pieces.get(index);
    if (!piece) {
      piece = { chunks: [], ended: false };
      this.pieces.set(index, piece);
    }
    return piece;
  }
}
