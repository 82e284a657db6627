/**
 * The year's counted commits from before the window, kept in columns rather than as one object
 * per commit. Only the signals that look back a year read them (my dives, the owners' changes
 * after them, who a blamed line is credited to), and only a few of those commits at that; a
 * repository committing hundreds of times a day has a hundred thousand of them. As columns they
 * cost a few numbers each in memory, in the cache file and at every start, and nothing to the
 * garbage collector.
 */
import type { Contribution } from '../history/contributions';
import { StringTable } from './stringTable';

/** What the year's signals read of a commit before the window: the paths of its counted changes. */
export type EarlierCommit = Pick<Contribution, 'sha' | 'time' | 'author' | 'coAuthors' | 'aiAssisted'> & { readonly paths: readonly string[] };

/** The columns, plain data: what the cache file holds of them, too. */
export interface EarlierColumns {
  /** Person keys and paths the columns below point into. */
  readonly strings: readonly string[];
  /** Every commit's sha, one after another, `shaLength` characters each. */
  readonly shas: string;
  readonly shaLength: number;
  readonly times: Float64Array;
  readonly authors: Int32Array;
  /** 1 where AI helped. */
  readonly aiAssisted: Uint8Array;
  /** Commit i's co-authors are `coAuthors[coAuthorStarts[i]…coAuthorStarts[i + 1]]`. */
  readonly coAuthorStarts: Int32Array;
  readonly coAuthors: Int32Array;
  /** Commit i's paths are `paths[pathStarts[i]…pathStarts[i + 1]]`. */
  readonly pathStarts: Int32Array;
  readonly paths: Int32Array;
}

/** Counted commits, newest first. Immutable: an update makes a new one, sharing what it can. */
export class EarlierCommits {
  static readonly none = new EarlierCommits({
    strings: [],
    shas: '',
    shaLength: 40,
    times: new Float64Array(0),
    authors: new Int32Array(0),
    aiAssisted: new Uint8Array(0),
    coAuthorStarts: new Int32Array(1),
    coAuthors: new Int32Array(0),
    pathStarts: new Int32Array(1),
    paths: new Int32Array(0),
  });

  constructor(readonly columns: EarlierColumns) {}

  get length(): number {
    return this.columns.times.length;
  }

  time(i: number): number {
    return this.columns.times[i] as number;
  }

  author(i: number): string {
    return this.columns.strings[this.columns.authors[i] as number] as string;
  }

  sha(i: number): string {
    const { shas, shaLength } = this.columns;
    return shas.slice(i * shaLength, (i + 1) * shaLength);
  }

  paths(i: number): string[] {
    const { strings, pathStarts, paths } = this.columns;
    const out: string[] = [];
    for (let at = pathStarts[i] as number; at < (pathStarts[i + 1] as number); at++) out.push(strings[paths[at] as number] as string);
    return out;
  }

  commit(i: number): EarlierCommit {
    const { strings, coAuthorStarts, coAuthors, aiAssisted } = this.columns;
    const co: string[] = [];
    for (let at = coAuthorStarts[i] as number; at < (coAuthorStarts[i + 1] as number); at++) co.push(strings[coAuthors[at] as number] as string);
    return { sha: this.sha(i), time: this.time(i), author: this.author(i), coAuthors: co, aiAssisted: aiAssisted[i] === 1, paths: this.paths(i) };
  }

  *[Symbol.iterator](): IterableIterator<EarlierCommit> {
    for (let i = 0; i < this.length; i++) yield this.commit(i);
  }

  /** Those authored at or after `seconds`: the newest ones, as views of the same columns. */
  since(seconds: number): EarlierCommits {
    const { times } = this.columns;
    let end = times.length;
    while (end > 0 && (times[end - 1] as number) < seconds) end--;
    if (end === times.length) return this;
    const c = this.columns;
    return new EarlierCommits({
      ...c,
      shas: c.shas.slice(0, end * c.shaLength),
      times: c.times.subarray(0, end),
      authors: c.authors.subarray(0, end),
      aiAssisted: c.aiAssisted.subarray(0, end),
      coAuthorStarts: c.coAuthorStarts.subarray(0, end + 1),
      pathStarts: c.pathStarts.subarray(0, end + 1),
    });
  }
}

/**
 * Collects commits in any order into columns sorted newest first (stable for equal times, in
 * the order given).
 */
export class EarlierCommitsBuilder {
  private readonly commits: EarlierCommit[] = [];

  add(commit: EarlierCommit): void {
    this.commits.push(commit);
  }

  /** The columns; `aiAssisted` may mark more commits than were added as such (late reads). */
  build(aiAssisted: (commit: EarlierCommit) => boolean = (commit) => commit.aiAssisted): EarlierCommits {
    const { commits } = this;
    const n = commits.length;
    if (n === 0) return EarlierCommits.none;
    // Positions sorted, not wrapper objects: a year of a monorepo is a hundred thousand commits.
    const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => (commits[b] as EarlierCommit).time - (commits[a] as EarlierCommit).time || a - b);
    const table = new StringTable();
    const shaLength = commits[0]?.sha.length ?? 40;
    const columns = new EarlierColumnsWriter(n, table.strings, shaLength);
    const shas: string[] = [];
    order.forEach((position, i) => {
      const commit = commits[position] as EarlierCommit;
      if (commit.sha.length !== shaLength) throw new Error(`A commit id of ${commit.sha.length} characters among ids of ${shaLength}.`);
      shas.push(commit.sha);
      columns.row(i, commit.time, table.id(commit.author), aiAssisted(commit));
      for (const coAuthor of commit.coAuthors) columns.coAuthor(table.id(coAuthor));
      for (const path of commit.paths) columns.path(table.id(path));
    });
    return new EarlierCommits(columns.done(shas.join('')));
  }
}

/**
 * Writes the columns row by row (a commit, then its co-authors and paths), for a builder and for
 * the cache file's reader alike.
 */
export class EarlierColumnsWriter {
  private readonly times: Float64Array;
  private readonly authors: Int32Array;
  private readonly aiAssisted: Uint8Array;
  private readonly coAuthorStarts: Int32Array;
  private readonly pathStarts: Int32Array;
  private readonly coAuthors: number[] = [];
  private readonly paths: number[] = [];
  private at = -1;

  constructor(
    private readonly count: number,
    private readonly strings: readonly string[],
    private readonly shaLength: number,
  ) {
    this.times = new Float64Array(count);
    this.authors = new Int32Array(count);
    this.aiAssisted = new Uint8Array(count);
    this.coAuthorStarts = new Int32Array(count + 1);
    this.pathStarts = new Int32Array(count + 1);
  }

  /** Starts row `i` (rows come in order); `author` is a position in the strings. */
  row(i: number, time: number, author: number, aiAssisted: boolean): void {
    this.close();
    this.at = i;
    this.times[i] = time;
    this.authors[i] = author;
    this.aiAssisted[i] = aiAssisted ? 1 : 0;
  }

  coAuthor(id: number): void {
    this.coAuthors.push(id);
  }

  path(id: number): void {
    this.paths.push(id);
  }

  done(shas: string): EarlierColumns {
    this.close();
    const { strings, shaLength, times, authors, aiAssisted, coAuthorStarts, pathStarts } = this;
    if (shas.length !== this.count * shaLength) throw new Error(`${this.count} commits need ${this.count * shaLength} characters of ids, not ${shas.length}.`);
    return { strings, shas, shaLength, times, authors, aiAssisted, coAuthorStarts, coAuthors: Int32Array.from(this.coAuthors), pathStarts, paths: Int32Array.from(this.paths) };
  }

  private close(): void {
    if (this.at < 0) return;
    this.coAuthorStarts[this.at + 1] = this.coAuthors.length;
    this.pathStarts[this.at + 1] = this.paths.length;
  }
}

/**
 * `earlier` and `more` (any order) as one, newest first; `earlier` itself when there is nothing
 * more. `aiAssisted` may mark more of them than say so themselves (a footer read late).
 */
export function withMoreCommits(earlier: EarlierCommits, more: readonly EarlierCommit[], aiAssisted?: (commit: EarlierCommit) => boolean): EarlierCommits {
  if (more.length === 0) return earlier;
  const builder = new EarlierCommitsBuilder();
  for (const commit of earlier) builder.add(commit);
  for (const commit of more) builder.add(commit);
  return builder.build(aiAssisted);
}
