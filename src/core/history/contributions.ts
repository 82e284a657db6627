import type { AgentMatcher } from '../identity/agents';
import type { BotMatcher } from '../identity/bots';
import { detachedCopy } from '../git/nulTokenizer';
import { githubNoreplyLogin, personKey, type Contact, type Person } from '../identity/person';
import type { CommitChange, HistoryCommit } from './repositoryHistory';
import type { PathFilter } from './pathFilter';

/** A commit as it counts for authorship: the effective author, the changes that count. */
export interface Contribution {
  readonly sha: string;
  readonly time: number;
  /** Person key of whoever the work is credited to. */
  readonly author: string;
  /** Human co-authors other than the author (person keys). */
  readonly coAuthors: readonly string[];
  readonly subject: string;
  /**
   * An AI agent helped: it authored the commit or co-authored it, or the message says so (an
   * `Assisted-by:`-style trailer, a "Generated with" footer).
   */
  readonly aiAssisted: boolean;
  /** Changes to paths that count (lockfiles, generated, vendored and ignored paths left out). */
  readonly changes: readonly CommitChange[];
  /** False for commits that only move history along (bot-only, listed in ignore-revs). */
  readonly counted: boolean;
  /** All changes, for following renames and deletions even when the commit does not count. */
  readonly allChanges: readonly CommitChange[];
}


export interface ContributionOptions {
  readonly isBot: BotMatcher;
  readonly isAgent: AgentMatcher;
  readonly countsPath: PathFilter;
  /** Full or abbreviated shas from `.git-blame-ignore-revs`. */
  readonly ignoredRevisions: readonly string[];
}

/**
 * Applies the noise rules: bots and ignore-revs do not count; an AI agent (or any bot) that
 * commits with a human co-author is credited to that human, since agents increasingly commit
 * as author with the person who drove them as co-author.
 */
export function buildContributions(commits: readonly HistoryCommit[], options: ContributionOptions): { contributions: Contribution[]; people: Map<string, Person> } {
  const people = new Map<string, Person>();
  const toContribution = contributionMaker(options, people);
  return { contributions: commits.map(toContribution), people };
}

/**
 * Turns commits into contributions one at a time (for streaming), recording the people seen in
 * `people`. Order does not matter: people keep their latest name and activity.
 */
export function contributionMaker(options: ContributionOptions, people: Map<string, Person>): (commit: HistoryCommit) => Contribution {
  const isIgnoredRevision = revisionMatcher(options.ignoredRevisions);
  return (commit) => {
    const humans = commit.coAuthors.filter((c) => !options.isBot(c));
    const authorIsBot = options.isBot(commit.author);
    const credited: Contact | undefined = authorIsBot ? humans[0] : commit.author;
    const counted = credited !== undefined && !isIgnoredRevision(commit.sha);
    const author = credited ? remember(people, credited, counted ? commit.time : 0) : '';
    const coAuthors = counted
      ? [...new Set(humans.map((c) => remember(people, c, commit.time)).filter((key) => key !== author))]
      : [];
    return {
      sha: commit.sha,
      time: commit.time,
      author,
      coAuthors,
      subject: commit.subject,
      aiAssisted: commit.aiAttributed || options.isAgent(commit.author) || commit.coAuthors.some(options.isAgent),
      changes: counted ? countedChanges(commit.changes, options.countsPath) : [],
      counted,
      allChanges: commit.changes,
    };
  };
}

/**
 * Records a contact and returns the person's key: always the one stored string, so the maps that
 * key by person (every file's deliveries) share it, and kept strings are copies of their own
 * rather than views into git's output (see `detachedCopy`).
 */
function remember(people: Map<string, Person>, contact: Contact, time: number): string {
  const key = personKey(contact.email);
  let person = people.get(key);
  if (!person) {
    const login = githubNoreplyLogin(contact.email);
    person = { key: detachedCopy(key), name: detachedCopy(contact.name || contact.email), email: detachedCopy(contact.email), githubLogin: login && detachedCopy(login), names: new Set(), lastActive: 0, namedAt: -1 };
    people.set(person.key, person);
  }
  // The latest commit's spelling of the name is shown, whatever order commits arrive in.
  if (contact.name && time > person.namedAt) {
    if (person.name !== contact.name) person.name = detachedCopy(contact.name);
    if (person.email !== contact.email) person.email = detachedCopy(contact.email);
    person.namedAt = time;
  }
  if (contact.name) {
    const name = contact.name.trim().toLowerCase();
    if (!person.names.has(name)) person.names.add(detachedCopy(name));
  }
  person.lastActive = Math.max(person.lastActive, time);
  return person.key;
}

/** The changes that count; the same array when all do, so a kept contribution holds one. */
function countedChanges(changes: readonly CommitChange[], countsPath: PathFilter): readonly CommitChange[] {
  return changes.every((c) => countsPath(c.path)) ? changes : changes.filter((c) => countsPath(c.path));
}

function revisionMatcher(revisions: readonly string[]): (sha: string) => boolean {
  const full = new Set(revisions.filter((r) => r.length >= 40));
  const prefixes = revisions.filter((r) => r.length < 40);
  return (sha) => full.has(sha) || prefixes.some((prefix) => sha.startsWith(prefix));
}

/** Parses `.git-blame-ignore-revs`: one object name per line, `#` comments, blank lines. */
export function parseIgnoreRevs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, '').trim().toLowerCase())
    .filter((line) => /^[0-9a-f]{7,64}$/.test(line));
}
