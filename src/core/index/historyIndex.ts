/**
 * The history index: everything the analysis needs from git, accumulated commit by commit
 * (oldest first) as the log streams in, so nothing but the recent window is ever held as
 * commits. It is plain data, so it can be cached, and it can be continued with newer commits
 * (an incremental update) exactly as if they had arrived in the first read.
 */
import type { BotMatcher } from '../identity/bots';
import { detachedCopy } from '../git/nulTokenizer';
import { personKey, type Contact, type Person } from '../identity/person';
import type { PathFilter } from '../history/pathFilter';
import type { HistoryCommit } from '../history/repositoryHistory';
import { AuthorshipReplay } from '../knowledge/authorshipReplay';
import type { FileAuthorship } from '../knowledge/degreeOfAuthorship';
import { contributionMaker, type Contribution } from '../history/contributions';

export interface HistoryIndex {
  readonly head: string;
  readonly shallow: boolean;
  /** Files of HEAD's tree. */
  readonly files: readonly string[];
  /** DOA records by current path (full history, renames followed). */
  readonly knowledge: ReadonlyMap<string, FileAuthorship>;
  readonly deletedKnowledge: ReadonlyMap<string, FileAuthorship>;
  /** Contributions authored at or after `recentSinceSeconds`, newest first. */
  readonly recent: readonly Contribution[];
  /** Seconds since the epoch; the window of any analysis must start at or after it. */
  readonly recentSinceSeconds: number;
  readonly people: ReadonlyMap<string, Person>;
  /** Commits read into the index (all of history, merges excluded). */
  readonly commitCount: number;
}

export interface IndexRules {
  readonly isBot: BotMatcher;
  readonly countsPath: PathFilter;
  readonly ignoredRevisions: readonly string[];
}

/** Accumulates commits, oldest first, into a HistoryIndex; can continue an existing index. */
export class HistoryIndexBuilder {
  private readonly replay: AuthorshipReplay;
  private readonly people: Map<string, Person>;
  private readonly recent: Contribution[];
  private readonly toContribution: (commit: HistoryCommit) => Contribution;
  private commitCount: number;

  constructor(
    rules: IndexRules,
    private readonly recentSinceSeconds: number,
    previous?: HistoryIndex,
  ) {
    // The previous index's records are shared, never changed: it stays valid (and cached) as it was.
    this.replay = new AuthorshipReplay(previous?.knowledge, previous?.deletedKnowledge);
    this.people = new Map([...(previous?.people ?? new Map<string, Person>())].map(([key, person]) => [key, { ...person, names: new Set(person.names) }]));
    this.recent = (previous?.recent ?? []).filter((c) => c.time >= recentSinceSeconds);
    this.commitCount = previous?.commitCount ?? 0;
    this.toContribution = contributionMaker(rules, this.people);
    this.countsPath = rules.countsPath;
  }

  private readonly countsPath: PathFilter;

  /** Adds the next commit; commits must arrive oldest first. */
  add(commit: HistoryCommit): void {
    const contribution = this.toContribution(commit);
    this.commitCount++;
    for (const change of contribution.allChanges) {
      this.replay.apply(change, contribution.author, contribution.time, contribution.counted && this.countsPath(change.path));
    }
    // Kept for the index's life: its strings are copied out of git's output (see `detachedCopy`).
    if (contribution.counted && contribution.time >= this.recentSinceSeconds) this.recent.push(keptContribution(contribution));
  }

  build(head: string, files: readonly string[], shallow: boolean): HistoryIndex {
    return {
      head,
      shallow,
      files,
      knowledge: this.replay.result(),
      deletedKnowledge: this.replay.deletedRecords(),
      // Newest first, as the handoff note lists them; the sort is stable for equal times.
      recent: [...this.recent].sort((a, b) => b.time - a.time),
      recentSinceSeconds: this.recentSinceSeconds,
      people: this.people,
      commitCount: this.commitCount,
    };
  }
}

function keptContribution(c: Contribution): Contribution {
  const { time, author, coAuthors, changes, counted, allChanges } = c;
  return { sha: detachedCopy(c.sha), time, author, coAuthors, subject: detachedCopy(c.subject), changes, counted, allChanges };
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
    recent: index.recent.map((c) => {
      const author = to(c.author);
      return { ...c, author, coAuthors: [...new Set(c.coAuthors.map(to))].filter((k) => k !== author) };
    }),
  };
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
