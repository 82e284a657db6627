/**
 * Properties of the `git log -z` parsers, on commits generated with the bytes git allows: file
 * names with newlines, tabs, quotes, backslashes, the record separator, unicode and invalid
 * UTF-8, author names with emoji and invalid bytes. Each is serialized the way git writes it with
 * `-z` and our formats, then parsed.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { LogFormatError, NameStatusLogParser, NumstatLogParser, parseNameStatusLog, parseNumstatLog, type LoggedCommit, type NumstatCommit } from '../../../src/core/git/logParser';

const encoder = new TextEncoder();
const decode = (bytes: Uint8Array): string => new TextDecoder('utf-8').decode(bytes);
const concat = (parts: ReadonlyArray<Uint8Array | string>): Uint8Array => Buffer.concat(parts.map((part) => (typeof part === 'string' ? encoder.encode(part) : part)));

/** Bytes that break naive parsers, mixed with any other non-NUL byte and valid multi-byte text. */
const interestingByte = fc.oneof(
  fc.constantFrom(0x0a, 0x09, 0x22, 0x27, 0x5c, 0x1e, 0x1f, 0x20, 0x2d, 0xff, 0xfe, 0xc3, 0xe2, 0x80, 0xf0),
  fc.integer({ min: 1, max: 255 }),
);
const textBytes = fc.string({ unit: 'grapheme', maxLength: 6 }).map((text) => encoder.encode(text.replace(/\0/g, '')));
/** Any byte string without NUL (git cannot put NUL in a name, path or subject). */
const nulFreeBytes = (minLength: number): fc.Arbitrary<Uint8Array> =>
  fc
    .array(fc.oneof(interestingByte.map((byte) => new Uint8Array([byte])), textBytes), { minLength, maxLength: 12 })
    .map((parts) => Buffer.concat(parts))
    .filter((bytes) => bytes.length >= minLength && !bytes.includes(0));

const sha = fc.array(fc.constantFrom(...'0123456789abcdef'), { minLength: 40, maxLength: 40 }).map((chars) => chars.join(''));
const pathBytes = nulFreeBytes(1);
/** A co-author trailer value as the parser keeps it: trimmed, without the separator or a newline. */
const coAuthor = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 20 })
  .map((text) => text.replace(/[\0\n\r\x1f]/g, '').trim())
  .filter((text) => text.length > 0);

interface GeneratedChange {
  readonly status: string;
  readonly paths: readonly Uint8Array[];
}

const change: fc.Arbitrary<GeneratedChange> = fc.oneof(
  fc.record({ status: fc.constantFrom('A', 'M', 'D', 'T', 'U', 'X', 'B', 'M050'), paths: fc.tuple(pathBytes) }),
  fc.record({ status: fc.constantFrom('R100', 'R075', 'C100', 'C050', 'R000'), paths: fc.tuple(pathBytes, pathBytes) }),
);

interface GeneratedCommit {
  readonly sha: string;
  readonly name: Uint8Array;
  readonly email: Uint8Array;
  readonly time: number;
  readonly coAuthors: readonly string[];
  readonly aiAttributions: ReadonlyArray<readonly [key: string, value: string]>;
  readonly subject: Uint8Array;
  readonly changes: readonly GeneratedChange[];
}

const commit: fc.Arbitrary<GeneratedCommit> = fc.record({
  sha,
  name: nulFreeBytes(0),
  email: nulFreeBytes(0),
  time: fc.integer({ min: 0, max: 2 ** 34 }),
  coAuthors: fc.array(coAuthor, { maxLength: 3 }),
  aiAttributions: fc.array(fc.tuple(fc.constantFrom('Assisted-by', 'generated-by', 'Made-With'), coAuthor), { maxLength: 2 }),
  subject: nulFreeBytes(0),
  changes: fc.array(change, { maxLength: 4 }),
});

/** The trailers placeholder as git prints it: `Key: value` entries, co-authors and AI trailers interleaved. */
function trailerField(c: GeneratedCommit): string {
  const coAuthors = c.coAuthors.map((value) => `Co-authored-by: ${value}`);
  const attributions = c.aiAttributions.map(([key, value]) => `${key}: ${value}`);
  const entries: string[] = [];
  for (let i = 0; i < Math.max(coAuthors.length, attributions.length); i++) entries.push(...[coAuthors[i], attributions[i]].filter((e): e is string => e !== undefined));
  return entries.join('\x1f');
}

/** As `git log -z --name-status` writes HISTORY_FORMAT: header fields NUL-terminated, then `\n` and the entries. */
function serializeNameStatus(commits: readonly GeneratedCommit[]): Uint8Array {
  return concat(
    commits.flatMap((c) => [
      `\x1e${c.sha}\0`,
      c.name,
      '\0',
      c.email,
      `\0${c.time}\0${trailerField(c)}\0`,
      c.subject,
      '\0',
      ...(c.changes.length > 0 ? ['\n'] : []),
      ...c.changes.flatMap((ch) => [`${ch.status}\0`, ...ch.paths.flatMap((p) => [p, '\0'])]),
    ]),
  );
}

function expectedNameStatus(c: GeneratedCommit): LoggedCommit {
  return {
    sha: c.sha,
    authorName: decode(c.name),
    authorEmail: decode(c.email),
    authorTime: c.time,
    coAuthors: c.coAuthors,
    aiAttributions: c.aiAttributions.map(([, value]) => value),
    subject: decode(c.subject),
    changes: c.changes.map((ch) => {
      const status = ch.status.charAt(0) as LoggedCommit['changes'][number]['status'];
      const [first, second] = ch.paths.map(decode);
      return second === undefined ? { status, path: first ?? '' } : { status, oldPath: first ?? '', path: second };
    }),
  };
}

interface GeneratedCounts {
  readonly sha: string;
  readonly files: ReadonlyArray<{ added: number | null; removed: number | null; paths: readonly Uint8Array[] }>;
}

const lineCount = fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null });
const counts: fc.Arbitrary<GeneratedCounts> = fc.record({
  sha,
  files: fc.array(
    fc.record({
      added: lineCount,
      removed: lineCount,
      paths: fc.oneof(fc.tuple(pathBytes), fc.tuple(pathBytes, pathBytes)),
    }),
    { maxLength: 4 },
  ),
});

/** As `git log -z --numstat` writes NUMSTAT_FORMAT: a rename leaves the path empty and gives both names. */
function serializeNumstat(commits: readonly GeneratedCounts[]): Uint8Array {
  const number = (n: number | null): string => (n === null ? '-' : String(n));
  return concat(
    commits.flatMap((c) => [
      `\x1e${c.sha}\0`,
      ...(c.files.length > 0 ? ['\n'] : []),
      ...c.files.flatMap((f) => {
        const prefix = `${number(f.added)}\t${number(f.removed)}\t`;
        const [first, second] = f.paths;
        return second === undefined ? [prefix, first ?? new Uint8Array(), '\0'] : [`${prefix}\0`, first ?? new Uint8Array(), '\0', second, '\0'];
      }),
    ]),
  );
}

function expectedNumstat(c: GeneratedCounts): NumstatCommit {
  return {
    sha: c.sha,
    files: c.files.map((f) => {
      const [first, second] = f.paths.map(decode);
      return second === undefined ? { path: first ?? '', added: f.added, removed: f.removed } : { path: second, oldPath: first ?? '', added: f.added, removed: f.removed };
    }),
  };
}

/** Cuts `bytes` at the given (sorted, deduplicated) offsets. */
function chunked(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    chunks.push(bytes.subarray(start, point));
    start = point;
  }
  return chunks;
}

function streamNameStatus(chunks: readonly Uint8Array[]): LoggedCommit[] {
  const commits: LoggedCommit[] = [];
  const parser = new NameStatusLogParser((c) => commits.push(c));
  chunks.forEach((chunk) => parser.push(chunk));
  parser.end();
  return commits;
}

function streamNumstat(chunks: readonly Uint8Array[]): NumstatCommit[] {
  const commits: NumstatCommit[] = [];
  const parser = new NumstatLogParser((c) => commits.push(c));
  chunks.forEach((chunk) => parser.push(chunk));
  parser.end();
  return commits;
}

/** Either a result or a LogFormatError: nothing else may escape a parser. */
function resultOrFormatError(parse: () => unknown): 'result' | 'format-error' {
  try {
    parse();
    return 'result';
  } catch (error) {
    if (error instanceof LogFormatError) return 'format-error';
    throw error;
  }
}

/** Bytes that look like log output: the tokens the parsers branch on, in any order, with noise. */
const logLikeBytes = fc
  .array(
    fc.oneof(
      fc.constantFrom('\0', '\x1e', '\n', '\t', 'A', 'R100', 'C5', 'M', '-', '12', '0\t0\t', '-\t-\t', '1\t2\tf', '\x1f', 'x'),
      sha,
      fc.uint8Array({ maxLength: 8 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => concat(parts));

describe('property: git log -z parsers', () => {
  it('name-status: any commits (names with newlines, tabs, quotes, 0x1e, unicode, invalid UTF-8) round-trip through git’s -z serialization; invalid bytes become U+FFFD', () => {
    fc.assert(
      fc.property(fc.array(commit, { maxLength: 5 }), (commits) => {
        assert.deepEqual(parseNameStatusLog(serializeNameStatus(commits)), commits.map(expectedNameStatus));
      }),
      { numRuns: 300 },
    );
  });

  it('name-status: the result does not depend on how the stream is cut into chunks', () => {
    fc.assert(
      fc.property(fc.array(commit, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 8 }), (commits, cuts) => {
        const bytes = serializeNameStatus(commits);
        assert.deepEqual(streamNameStatus(chunked(bytes, cuts)), commits.map(expectedNameStatus));
      }),
      { numRuns: 300 },
    );
  });

  it('numstat: any line counts, binary entries and renames round-trip, whatever the chunking', () => {
    fc.assert(
      fc.property(fc.array(counts, { maxLength: 5 }), fc.array(fc.nat(), { maxLength: 8 }), (commits, cuts) => {
        const bytes = serializeNumstat(commits);
        assert.deepEqual(parseNumstatLog(bytes), commits.map(expectedNumstat));
        assert.deepEqual(streamNumstat(chunked(bytes, cuts)), commits.map(expectedNumstat));
      }),
      { numRuns: 300 },
    );
  });

  it('both parsers never crash on arbitrary bytes: they return commits or throw a LogFormatError, streamed or whole', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }), logLikeBytes), fc.array(fc.nat(), { maxLength: 6 }), (bytes, cuts) => {
        const whole = resultOrFormatError(() => parseNameStatusLog(bytes));
        assert.equal(resultOrFormatError(() => streamNameStatus(chunked(bytes, cuts))), whole, 'chunking changes nothing');
        const wholeNumstat = resultOrFormatError(() => parseNumstatLog(bytes));
        assert.equal(resultOrFormatError(() => streamNumstat(chunked(bytes, cuts))), wholeNumstat, 'chunking changes nothing');
      }),
      { numRuns: 1000 },
    );
  });
});
