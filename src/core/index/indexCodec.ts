/**
 * The history index as JSON, for the on-disk cache. A cache file is untrusted input (it may be
 * corrupt, truncated, from an older version or edited): `decodeIndex` checks every field and
 * returns undefined rather than a half-valid index.
 *
 * The file is read at every start, so it is made to load fast: every path and person key is
 * written once, in `strings`, and everything else is numbers pointing into it (a JSON array of
 * numbers parses several times faster than one of nested arrays of strings, and decoding shares
 * one string per path instead of making one per mention).
 */
import type { Contribution } from '../history/contributions';
import type { Person } from '../identity/person';
import type { ChangeStatus } from '../git/logParser';
import type { CommitChange } from '../history/repositoryHistory';
import type { FileAuthorship } from '../knowledge/degreeOfAuthorship';
import type { HistoryIndex } from './historyIndex';
import { EarlierColumnsWriter, EarlierCommits } from './earlierCommits';
import { StringTable } from './stringTable';

/** Bump whenever the index's shape or meaning changes: older files are then discarded. */
export const INDEX_FORMAT_VERSION = 5;

type PersonJson = [key: string, name: string, email: string, githubLogin: string | null, names: string[], lastActive: number, namedAt: number];

export interface IndexFile {
  readonly format: number;
  /** What the index was built for (settings, ignore-revs, mailmap); a different key is a miss. */
  readonly key: string;
  readonly head: string;
  readonly shallow: boolean;
  readonly recentSinceSeconds: number;
  readonly linesSinceSeconds: number;
  readonly commitCount: number;
  /** Every path and person key, once; the numbers below are positions in it. */
  readonly strings: string[];
  readonly files: number[];
  /**
   * Records one after another: path, creators (count, then keys), deliveries (count, then key
   * and count pairs), changes, last touched (count, then key and time pairs).
   */
  readonly knowledge: number[];
  readonly deletedKnowledge: number[];
  readonly recent: {
    readonly shas: string[];
    readonly subjects: string[];
    /**
     * Per contribution: time, author, flags (1 counted, 2 AI-assisted), co-authors (count, then
     * keys), counted changes (count, then per change: status, path, old path or -1, lines or -1
     * unknown, -2 binary).
     */
    readonly numbers: number[];
  };
  /** The commits before the window, newest first (`EarlierCommits`). */
  readonly earlier: {
    readonly shaLength: number;
    /** Their shas one after another. */
    readonly shas: string;
    /** Per commit: time, author, flags (2 AI-assisted), co-authors (count, then keys), paths (count, then paths). */
    readonly numbers: number[];
  };
  readonly people: PersonJson[];
}

const STATUSES: readonly ChangeStatus[] = ['A', 'M', 'D', 'T', 'R', 'C', 'U', 'X', 'B'];
const NO_PATH = -1;
const LINES_UNKNOWN = -1;
const LINES_BINARY = -2;
const COUNTED = 1;
const AI_ASSISTED = 2;

function encodeRecords(records: ReadonlyMap<string, FileAuthorship>, table: StringTable): number[] {
  const out: number[] = [];
  for (const [path, record] of records) {
    out.push(table.id(path), record.creators.size);
    for (const person of record.creators) out.push(table.id(person));
    out.push(record.deliveries.size);
    for (const [person, count] of record.deliveries) out.push(table.id(person), count);
    out.push(record.changes, record.lastTouched.size);
    for (const [person, time] of record.lastTouched) out.push(table.id(person), time);
  }
  return out;
}

function encodeRecent(recent: readonly Contribution[], table: StringTable): IndexFile['recent'] {
  const numbers: number[] = [];
  for (const c of recent) {
    numbers.push(c.time, table.id(c.author), (c.counted ? COUNTED : 0) | (c.aiAssisted ? AI_ASSISTED : 0), c.coAuthors.length);
    for (const coAuthor of c.coAuthors) numbers.push(table.id(coAuthor));
    // Contributions keep only counted changes: uncounted ones matter only while replaying.
    numbers.push(c.changes.length);
    for (const change of c.changes) {
      const lines = change.lines === undefined ? LINES_UNKNOWN : change.lines === null ? LINES_BINARY : change.lines;
      numbers.push(STATUSES.indexOf(change.status), table.id(change.path), change.oldPath === undefined ? NO_PATH : table.id(change.oldPath), lines);
    }
  }
  return { shas: recent.map((c) => c.sha), subjects: recent.map((c) => c.subject), numbers };
}

function encodeEarlier(earlier: EarlierCommits, table: StringTable): IndexFile['earlier'] {
  const { columns } = earlier;
  const numbers: number[] = [];
  const id = (at: number): number => table.id(columns.strings[at] as string);
  for (let i = 0; i < earlier.length; i++) {
    numbers.push(columns.times[i] as number, id(columns.authors[i] as number), columns.aiAssisted[i] === 1 ? AI_ASSISTED : 0);
    const [coStart, coEnd] = [columns.coAuthorStarts[i] as number, columns.coAuthorStarts[i + 1] as number];
    numbers.push(coEnd - coStart);
    for (let at = coStart; at < coEnd; at++) numbers.push(id(columns.coAuthors[at] as number));
    const [pathStart, pathEnd] = [columns.pathStarts[i] as number, columns.pathStarts[i + 1] as number];
    numbers.push(pathEnd - pathStart);
    for (let at = pathStart; at < pathEnd; at++) numbers.push(id(columns.paths[at] as number));
  }
  return { shaLength: columns.shaLength, shas: columns.shas, numbers };
}

export function encodeIndex(index: HistoryIndex, key: string): IndexFile {
  const table = new StringTable();
  const files = index.files.map((file) => table.id(file));
  const knowledge = encodeRecords(index.knowledge, table);
  const deletedKnowledge = encodeRecords(index.deletedKnowledge, table);
  const recent = encodeRecent(index.recent, table);
  const earlier = encodeEarlier(index.earlier, table);
  return {
    format: INDEX_FORMAT_VERSION,
    key,
    head: index.head,
    shallow: index.shallow,
    recentSinceSeconds: index.recentSinceSeconds,
    linesSinceSeconds: index.linesSinceSeconds,
    commitCount: index.commitCount,
    strings: table.strings,
    files,
    knowledge,
    deletedKnowledge,
    recent,
    earlier,
    people: [...index.people.values()].map((p) => [p.key, p.name, p.email, p.githubLogin ?? null, [...p.names], p.lastActive, p.namedAt]),
  };
}

class Invalid extends Error {}

const check = (condition: boolean): void => {
  if (!condition) throw new Invalid();
};
const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const array = (v: unknown): unknown[] => {
  check(Array.isArray(v));
  return v as unknown[];
};
const strings = (v: unknown): string[] => {
  const values = array(v);
  for (const s of values) check(isString(s));
  return values as string[];
};
const isSha = (v: unknown): v is string => isString(v) && /^[0-9a-f]{40,64}$/.test(v);

/** Reads a flat array of numbers front to back, checking each against what it must be. */
class NumberReader {
  private at = 0;

  constructor(
    private readonly numbers: readonly unknown[],
    private readonly table: readonly string[],
  ) {}

  get done(): boolean {
    return this.at >= this.numbers.length;
  }

  /** A finite number; integers only where asked. */
  number(integer = true): number {
    const value = this.numbers[this.at++];
    check(typeof value === 'number' && (integer ? Number.isInteger(value) : Number.isFinite(value)));
    return value as number;
  }

  count(): number {
    const value = this.number();
    check(value >= 0 && value <= this.numbers.length);
    return value;
  }

  string(): string {
    return this.table[this.stringId()] as string;
  }

  /** A position in the string table. */
  stringId(): number {
    const value = this.number();
    check(value >= 0 && value < this.table.length);
    return value;
  }

  optionalString(): string | undefined {
    const value = this.number();
    if (value === NO_PATH) return undefined;
    check(value >= 0 && value < this.table.length);
    return this.table[value];
  }
}

function decodeRecords(v: unknown, table: readonly string[]): Map<string, FileAuthorship> {
  const reader = new NumberReader(array(v), table);
  const records = new Map<string, FileAuthorship>();
  while (!reader.done) {
    const path = reader.string();
    const creators = new Set<string>();
    for (let n = reader.count(); n > 0; n--) creators.add(reader.string());
    const deliveries = new Map<string, number>();
    for (let n = reader.count(); n > 0; n--) deliveries.set(reader.string(), reader.number());
    const changes = reader.number();
    const lastTouched = new Map<string, number>();
    for (let n = reader.count(); n > 0; n--) lastTouched.set(reader.string(), reader.number(false));
    records.set(path, { creators, deliveries, changes, lastTouched });
  }
  return records;
}

function decodeRecent(v: unknown, table: readonly string[]): Contribution[] {
  check(typeof v === 'object' && v !== null);
  const recent = v as Record<string, unknown>;
  const shas = array(recent.shas);
  const subjects = strings(recent.subjects);
  check(shas.length === subjects.length);
  const reader = new NumberReader(array(recent.numbers), table);
  let previousTime = Infinity;
  const contributions: Contribution[] = shas.map((sha, i) => {
    check(isSha(sha));
    const time = reader.number(false);
    // Newest first, as an update's merge of its new commits relies on.
    check(time <= previousTime);
    previousTime = time;
    const author = reader.string();
    const flags = reader.number();
    check(flags >= 0 && flags <= (COUNTED | AI_ASSISTED));
    const coAuthors: string[] = [];
    for (let n = reader.count(); n > 0; n--) coAuthors.push(reader.string());
    const changes: CommitChange[] = [];
    for (let n = reader.count(); n > 0; n--) changes.push(decodeChange(reader));
    return { sha: sha as string, time, author, coAuthors, subject: subjects[i] as string, aiAssisted: (flags & AI_ASSISTED) !== 0, changes, counted: (flags & COUNTED) !== 0, allChanges: changes };
  });
  check(reader.done);
  return contributions;
}

/** Straight into columns that point into the file's string table: no object per commit. */
function decodeEarlier(v: unknown, table: readonly string[]): EarlierCommits {
  check(typeof v === 'object' && v !== null);
  const earlier = v as Record<string, unknown>;
  const { shaLength, shas } = earlier;
  check(shaLength === 40 || shaLength === 64);
  check(isString(shas) && shas.length % (shaLength as number) === 0 && /^[0-9a-f]*$/.test(shas as string));
  const count = (shas as string).length / (shaLength as number);
  const numbers = array(earlier.numbers);
  const reader = new NumberReader(numbers, table);
  const columns = new EarlierColumnsWriter(count, table, shaLength as number);
  let previousTime = Infinity;
  for (let i = 0; i < count; i++) {
    const time = reader.number(false);
    // Newest first, as `since` relies on.
    check(time <= previousTime);
    previousTime = time;
    const author = reader.stringId();
    const flags = reader.number();
    check(flags === 0 || flags === AI_ASSISTED);
    columns.row(i, time, author, flags === AI_ASSISTED);
    for (let n = reader.count(); n > 0; n--) columns.coAuthor(reader.stringId());
    for (let n = reader.count(); n > 0; n--) columns.path(reader.stringId());
  }
  check(reader.done);
  return new EarlierCommits(columns.done(shas as string));
}

function decodeChange(reader: NumberReader): CommitChange {
  const status = STATUSES[reader.number()];
  check(status !== undefined);
  const path = reader.string();
  const oldPath = reader.optionalString();
  const lines = reader.number();
  check(lines >= LINES_BINARY);
  // Written out, not spread: V8 gives each spread copy a hidden class of its own.
  const s = status as ChangeStatus;
  if (lines === LINES_UNKNOWN) return oldPath === undefined ? { status: s, path } : { status: s, path, oldPath };
  const counted = lines === LINES_BINARY ? null : lines;
  return oldPath === undefined ? { status: s, path, lines: counted } : { status: s, path, oldPath, lines: counted };
}

function decodePerson(v: unknown): Person {
  const [key, name, email, githubLogin, names, lastActive, namedAt] = array(v);
  check(isString(key) && isString(name) && isString(email) && (githubLogin === null || isString(githubLogin)) && isNumber(lastActive) && isNumber(namedAt));
  return { key: key as string, name: name as string, email: email as string, githubLogin: (githubLogin as string | null) ?? undefined, names: new Set(strings(names)), lastActive: lastActive as number, namedAt: namedAt as number };
}

/** The index in `file` if it is valid, of this format, and built for `key`; otherwise undefined. */
export function decodeIndex(file: unknown, key: string): HistoryIndex | undefined {
  try {
    check(typeof file === 'object' && file !== null);
    const f = file as Record<string, unknown>;
    check(f.format === INDEX_FORMAT_VERSION && f.key === key);
    check(isSha(f.head) && typeof f.shallow === 'boolean' && isNumber(f.recentSinceSeconds) && isNumber(f.linesSinceSeconds) && isNumber(f.commitCount));
    const table = strings(f.strings);
    const files = new NumberReader(array(f.files), table);
    const headFiles: string[] = [];
    while (!files.done) headFiles.push(files.string());
    const people = array(f.people).map(decodePerson);
    return {
      head: f.head as string,
      shallow: f.shallow as boolean,
      files: headFiles,
      knowledge: decodeRecords(f.knowledge, table),
      deletedKnowledge: decodeRecords(f.deletedKnowledge, table),
      recent: decodeRecent(f.recent, table),
      earlier: decodeEarlier(f.earlier, table),
      recentSinceSeconds: f.recentSinceSeconds as number,
      linesSinceSeconds: f.linesSinceSeconds as number,
      people: new Map(people.map((p) => [p.key, p])),
      commitCount: f.commitCount as number,
    };
  } catch (error) {
    if (error instanceof Invalid) return undefined;
    throw error;
  }
}
