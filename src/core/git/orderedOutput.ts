import type { StreamParser } from './gitCommand';

interface Piece {
  readonly chunks: Uint8Array[];
  ended: boolean;
}

/**
 * Joins the outputs of commands that run at once into one stream, in a fixed order, as if one
 * process had written them all: the earliest unfinished piece passes straight through to
 * `target`, later pieces are held (spooled) until their turn.
 */
export class OrderedOutput {
  private next = 0;
  private readonly pieces = new Map<number, Piece>();
  private readonly waiters: Array<{ readonly index: number; readonly resolve: () => void }> = [];

  constructor(
    private readonly count: number,
    private readonly target: StreamParser<unknown>,
  ) {}

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

  /** Whether every piece has ended and been passed on. */
  get complete(): boolean {
    return this.next === this.count;
  }

  private write(index: number, chunk: Uint8Array): void {
    if (index === this.next) this.target.push(chunk);
    else this.pieceAt(index).chunks.push(chunk);
  }

  private end(index: number): void {
    this.pieceAt(index).ended = true;
    this.drain();
  }

  private drain(): void {
    while (this.next < this.count) {
      const piece = this.pieces.get(this.next);
      if (!piece) return;
      for (const chunk of piece.chunks.splice(0)) this.target.push(chunk);
      if (!piece.ended) return;
      this.pieces.delete(this.next);
      this.next++;
      this.wake();
    }
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
