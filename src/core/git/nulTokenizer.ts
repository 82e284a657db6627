/**
 * Splits a `-z` byte stream into NUL-terminated tokens across chunk boundaries. Bytes are decoded
 * as UTF-8 only once a token is complete, so a multi-byte character split over two chunks stays
 * whole; invalid UTF-8 (legal in file names) decodes to U+FFFD instead of failing.
 */
export class NulTokenizer {
  private pending: Uint8Array[] = [];
  private readonly decoder = new TextDecoder('utf-8');

  constructor(private readonly onToken: (token: string) => void) {}

  push(chunk: Uint8Array): void {
    let start = 0;
    for (let nul = chunk.indexOf(0, start); nul !== -1; nul = chunk.indexOf(0, start)) {
      this.emit(chunk.subarray(start, nul));
      start = nul + 1;
    }
    if (start < chunk.length) this.pending.push(chunk.slice(start));
  }

  /** Emits a final token not followed by NUL (git ends some outputs with a newline instead). */
  end(): void {
    if (this.pending.length === 0) return;
    this.emit(new Uint8Array(0));
  }

  private emit(tail: Uint8Array): void {
    let bytes = tail;
    if (this.pending.length > 0) {
      bytes = concat([...this.pending, tail]);
      this.pending = [];
    }
    this.onToken(this.decoder.decode(bytes));
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

/** Tokenizes a complete buffer or string (for tests and small outputs). */
export function splitNulTokens(data: Uint8Array | string): string[] {
  const tokens: string[] = [];
  const tokenizer = new NulTokenizer((token) => tokens.push(token));
  tokenizer.push(typeof data === 'string' ? new TextEncoder().encode(data) : data);
  tokenizer.end();
  return tokens;
}
