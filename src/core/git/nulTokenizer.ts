/**
 * Splits a `-z` byte stream into NUL-terminated tokens across chunk boundaries. Each chunk is
 * decoded once, up to its last NUL: a NUL byte is never part of a multi-byte UTF-8 sequence, so
 * a character split over two chunks stays whole in the carried-over tail. Invalid UTF-8 (legal
 * in file names) decodes to U+FFFD instead of failing.
 */
export class NulTokenizer {
  private pending: Uint8Array[] = [];
  private readonly decoder = new TextDecoder('utf-8');

  constructor(private readonly onToken: (token: string) => void) {}

  push(chunk: Uint8Array): void {
    const lastNul = chunk.lastIndexOf(0);
    if (lastNul === -1) {
      if (chunk.length > 0) this.pending.push(chunk.slice());
      return;
    }
    const complete = this.pending.length > 0 ? concat([...this.pending, chunk.subarray(0, lastNul)]) : chunk.subarray(0, lastNul);
    this.pending = lastNul + 1 < chunk.length ? [chunk.slice(lastNul + 1)] : [];
    for (const token of this.decoder.decode(complete).split('\0')) this.onToken(token);
  }

  /** Emits a final token not followed by NUL (git ends some outputs with a newline instead). */
  end(): void {
    if (this.pending.length === 0) return;
    const rest = concat(this.pending);
    this.pending = [];
    this.onToken(this.decoder.decode(rest));
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * A copy of a token that does not keep the chunk it was cut from alive. V8 makes a long
 * substring a view into its parent string, so one token kept for good (a path, a person's key)
 * would keep a whole decoded chunk of git's output in memory; a history's worth of them, a
 * history's worth of output. The concatenation is flattened into a string of its own.
 */
export function detachedCopy(token: string): string {
  return ` ${token}`.slice(1);
}

/** Tokenizes a complete buffer or string (for tests and small outputs). */
export function splitNulTokens(data: Uint8Array | string): string[] {
  const tokens: string[] = [];
  const tokenizer = new NulTokenizer((token) => tokens.push(token));
  tokenizer.push(typeof data === 'string' ? new TextEncoder().encode(data) : data);
  tokenizer.end();
  return tokens;
}
