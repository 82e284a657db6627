/**
 * The history index: everything the analysis needs from git, accumulated commit by commit
 * (oldest first) as the log streams in, so nothing but the recent window is ever held as
 * commits. It is plain data, so it can be cached, and it can be continued with newer commits
 * (an incremental update) exactly as if they had arrived in the first read.
 */
import type { AgentMatcher } from '../identity/agents';
import type { BotMatcher } from '../identity/bots';
import { detachedCopy } from '../git/nulTokenizer';
import { personKey, type Contact, type Person } from '../identity/person';
import type { PathFilter } from '../history/pathFilter';
import type { CommitChange, HistoryCommit } from '../history/repositoryHistory';
import { AuthorshipReplay } from '../knowledge/authorshipReplay';
import { createPathInterner } from './pathInterning';
import type { FileAuthorship } from '../knowledge/degreeOfAuthorship';
import { contributionMaker, type Contribution } from '../history/contributions';
import { EarlierCommits, withMoreCommits, type EarlierCommit } from './earlierCommits';

export interface HistoryIndex {
  readonly head: string;
  readonly shallow: boolean;
  /** Files of HEAD's tree. */
  readonly files: readonly string[];
  /** DOA records by current path (full history, renames followed). */
  readonly knowledge: ReadonlyMap<string, FileAuthorship>;
  readonly deletedKnowledge: ReadonlyMap<string, FileAuthorship>;
  /**
   * Counted contributions authored at or after `linesSinceSeconds` (the window) when they were
   * read, whole and with line counts, newest first.
   */
  readonly recent: readonly Contribution[];
  /**
   * The counted commits before those, back to `recentSinceSeconds` (the 365 days dives look
   * back), newest first, in columns: only the year's signals read them.
   */
  readonly earlier: EarlierCommits;
  /** Seconds since the epoch. */
  readonly recentSinceSeconds: number;
  /** Seconds since the epoch; the window of any analysis must start at or after it. */
  readonly linesSinceSeconds: number;
  readonly people: ReadonlyMap<string, Person>;
  /** Commits read into the index (all of history, merges excluded). */
  readonly commitCount: number;
}

export interface IndexRules {
  readonly isBot: BotMatcher;
  readonly isAgent: AgentMatcher;
  readonly countsPath: PathFilter;
  readonly ignoredRevisions: readonly string[];
}

/** From when the index keeps contributions, and from when they carry line counts (seconds). */
export interface IndexHorizon {
  readonly recentSinceSeconds: number;
  readonly linesSinceSeconds: number;
}

const NO_CO_AUTHORS: readonly string[] = Object.freeze([]);

/** Accumulates commits, oldest first, into a HistoryIndex; can continue an existing index. */
export class HistoryIndexBuilder {
  private readonly replay: AuthorshipReplay;
  private readonly people: Map<string, Person>;
  /** Recent contributions read now, oldest first. */
  private readonly recent: Contribution[] = [];
  private readonly toContribution: (commit: HistoryCommit) => Contribution;
  private commitCount: number;

  constructor(
    rules: IndexRules,
    private readonly horizon: IndexHorizon,
    previous?: HistoryIndex,
  ) {
    // The previous index's records are shared, never changed: it stays valid (and cached) as it was.
    this.replay = new AuthorshipReplay(previous?.knowledge, previous?.deletedKnowledge);
    this.people = new Map([...(previous?.people ?? new Map<string, Person>())].map(([key, person]) => [key, { ...person, names: new Set(person.names) }]));
    this.previousRecent = (previous?.recent ?? []).filter((c) => c.time >= horizon.recentSinceSeconds);
    this.previousEarlier = (previous?.earlier ?? EarlierCommits.none).since(horizon.recentSinceSeconds);
    this.commitCount = previous?.commitCount ?? 0;
    this.toContribution = contributionMaker(rules, this.people);
    this.countsPath = rules.countsPath;
  }

  private readonly countsPath: PathFilter;
  /** The previous index's recent contributions, newest first as it keeps them. */
  private readonly previousRecent: Contribution[];
  private readonly previousEarlier: EarlierCommits;
  /** Commits read now that fall before the window, kept as what the year's signals read. */
  private readonly earlier: EarlierCommit[] = [];

  /** Adds the next commit; commits must arrive oldest first. */
  add(commit: HistoryCommit): void {
    const contribution = this.toContribution(commit);
    this.commitCount++;
    for (const change of contribution.allChanges) {
      this.replay.apply(change, contribution.author, contribution.time, contribution.counted && this.countsPath(change.path));
    }
    if (!contribution.counted || contribution.time < this.horizon.recentSinceSeconds) return;
    if (contribution.time >= this.horizon.linesSinceSeconds) this.recent.push(this.kept(contribution));
    else this.earlier.push(this.keptEarlier(contribution));
  }

  private keptEarlier(contribution: Contribution): EarlierCommit {
    const { intern } = this;
    return {
      sha: detachedCopy(contribution.sha),
      time: contribution.time,
      author: contribution.author,
      coAuthors: contribution.coAuthors.length === 0 ? NO_CO_AUTHORS : contribution.coAuthors,
      aiAssisted: contribution.aiAssisted,
      paths: contribution.changes.map((change) => intern(change.path)),
    };
  }

  private readonly intern = createPathInterner();

  /**
   * What the index keeps of a recent contribution: its counted changes (the uncounted ones only
   * mattered to the replay), paths shared, and its strings copied out of git's output (see
   * `detachedCopy`). Written out, not spread: V8 gives each spread copy a hidden class of its own.
   */
  private kept(contribution: Contribution): Contribution {
    const { intern } = this;
    const changes = contribution.changes.map((change): CommitChange => {
      const { status, lines } = change;
      const path = intern(change.path);
      if (change.oldPath === undefined) return lines === undefined ? { status, path } : { status, path, lines };
      const oldPath = intern(change.oldPath);
      return lines === undefined ? { status, path, oldPath } : { status, path, oldPath, lines };
    });
    const { time, author, counted, aiAssisted } = contribution;
    return {
      sha: detachedCopy(contribution.sha),
      time,
      author,
      coAuthors: contribution.coAuthors.length === 0 ? NO_CO_AUTHORS : contribution.coAuthors,
      subject: detachedCopy(contribution.subject),
      aiAssisted,
      changes,
      counted,
      allChanges: changes,
    };
  }

  /**
   * The index, with the commits whose message has an AI footer (read beside the history, so only
   * known at the end) marked among the earlier ones; `withLateReads` marks the recent ones.
   */
  build(head: string, files: readonly string[], shallow: boolean, aiFooters: ReadonlySet<string> = new Set()): HistoryIndex {
    return {
      head,
      shallow,
      files,
      knowledge: this.replay.result(),
      deletedKnowledge: this.replay.deletedRecords(),
      recent: newestFirst(this.previousRecent, this.recent),
      earlier: withMoreCommits(this.previousEarlier, this.earlier, (commit) => commit.aiAssisted || aiFooters.has(commit.sha)),
      recentSinceSeconds: this.horizon.recentSinceSeconds,
      linesSinceSeconds: this.horizon.linesSinceSeconds,
      people: this.people,
      commitCount: this.commitCount,
    };
  }
}



/**
 * Newest first, as the handoff note lists them, equal times in the order read (the previous
 * index's first): the few commits an update reads are sorted and merged into the previous list,
 * which is already in that order, instead of sorting the year's commits again.
 */
function newestFirst(previous: readonly Contribution[], read: readonly Contribution[]): Contribution[] {
  const added = [...read].sort((a, b) => b.time - a.time);
  if (previous.length === 0) return added;
  const merged: Contribution[] = new Array(previous.length + added.length);
  let [p, a] = [0, 0];
  for (let at = 0; at < merged.length; at++) {
    const fromPrevious = a >= added.length || (p < previous.length && (previous[p] as Contribution).time >= (added[a] as Contribution).time);
    merged[at] = fromPrevious ? (previous[p++] as Contribution) : (added[a++] as Contribution);
  }
  return merged;
}

/**
 * Co-author trailers are free text, mailmapped only once the whole log has been read (git runs
 * one process at a time). Until then they are keyed by their raw email; this moves everything
 * recorded under a raw key to the mailmapped person.
 */
export function remapPeople(index: HistoryIndex, mapped: ReadonlyMap<string, Contact>): HistoryIndex {
  const rename = new Map<string, string>();
  for (const [rawKey, contact] of mapped) {
    const key = personKey(contact.email);
    if (key !== rawKey) rename.set(rawKey, key);
  }
  if (rename.size === 0) return index;
  const to = (key: string): string => rename.get(key) ?? key;
  const people = new Map<string, Person>();
  for (const person of index.people.values()) {
    const key = to(person.key);
    const target = mapped.get(person.key);
    const existing = people.get(key);
    const merged: Person = existing ?? { ...person, key, names: new Set(), name: target?.name || person.name, email: target?.email || person.email };
    for (const name of person.names) merged.names.add(name);
    if (target?.name) merged.names.add(target.name.toLowerCase());
    merged.lastActive = Math.max(merged.lastActive, person.lastActive);
    people.set(key, merged);
  }
  const remapRecord = (record: FileAuthorship): FileAuthorship => ({
    creators: new Set([...record.creators].map(to)),
    deliveries: sumByKey(record.deliveries, to),
    changes: record.changes,
    lastTouched: maxByKey(record.lastTouched, to),
  });
  const remapRecords = (records: ReadonlyMap<string, FileAuthorship>): Map<string, FileAuthorship> => new Map([...records].map(([path, record]) => [path, remapRecord(record)]));
  return {
    ...index,
    people,
    knowledge: remapRecords(index.knowledge),
    deletedKnowledge: remapRecords(index.deletedKnowledge),
    recent: index.recent.map((c) => ({ ...c, ...remappedAuthors(c, to) })),
    earlier: withMoreCommits(EarlierCommits.none, [...index.earlier].map((c) => ({ ...c, ...remappedAuthors(c, to) }))),
  };
}

/** A commit's author and co-authors under their new keys, the co-authors once each and never the author. */
function remappedAuthors(commit: { readonly author: string; readonly coAuthors: readonly string[] }, to: (key: string) => string): { author: string; coAuthors: string[] } {
  const author = to(commit.author);
  return { author, coAuthors: [...new Set(commit.coAuthors.map(to))].filter((k) => k !== author) };
}

function sumByKey(counts: ReadonlyMap<string, number>, to: (key: string) => string): Map<string, number> {
  const result = new Map<string, number>();
  for (const [key, value] of counts) result.set(to(key), (result.get(to(key)) ?? 0) + value);
  return result;
}

function maxByKey(times: ReadonlyMap<string, number>, to: (key: string) => string): Map<string, number> {
  const result = new Map<string, number>();
  for (const [key, value] of times) result.set(to(key), Math.max(result.get(to(key)) ?? 0, value));
  return result;
}
