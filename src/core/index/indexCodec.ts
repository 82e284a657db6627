/**
 * The history index as JSON, for the on-disk cache. A cache file is untrusted input (it may be
 * corrupt, truncated, from an older version or edited): `decodeIndex` checks every field and
 * returns undefined rather than a half-valid index.
 */
import type { Contribution } from '../history/contributions';
import type { Person } from '../identity/person';
import type { ChangeStatus } from '../git/logParser';
import type { CommitChange } from '../history/repositoryHistory';
import type { FileAuthorship } from '../knowledge/degreeOfAuthorship';
import type { HistoryIndex } from './historyIndex';
import { createPathInterner } from './pathInterning';

/** Bump whenever the index's shape or meaning changes: older files are then discarded. */
export const INDEX_FORMAT_VERSION = 3;

type RecordJson = [creators: string[], deliveries: Array<[string, number]>, changes: number, lastTouched: Array<[string, number]>];
type ChangeJson = [status: ChangeStatus, path: string, oldPath: string | null, lines: number | null | -1];
type ContributionJson = [sha: string, time: number, author: string, coAuthors: string[], subject: string, changes: ChangeJson[], counted: boolean, aiAssisted: boolean];
type PersonJson = [key: string, name: string, email: string, githubLogin: string | null, names: string[], lastActive: number, namedAt: number];

export interface IndexFile {
  readonly format: number;
  /** What the index was built for (settings, ignore-revs, mailmap); a different key is a miss. */
  readonly key: string;
  readonly head: string;
  readonly shallow: boolean;
  readonly files: string[];
  readonly knowledge: Array<[string, RecordJson]>;
  readonly deletedKnowledge: Array<[string, RecordJson]>;
  readonly recent: ContributionJson[];
  readonly recentSinceSeconds: number;
  readonly linesSinceSeconds: number;
  readonly people: PersonJson[];
  readonly commitCount: number;
}

export function encodeIndex(index: HistoryIndex, key: string): IndexFile {
  const record = (r: FileAuthorship): RecordJson => [[...r.creators], [...r.deliveries], r.changes, [...r.lastTouched]];
  const change = (c: CommitChange): ChangeJson => [c.status, c.path, c.oldPath ?? null, c.lines === undefined ? -1 : c.lines];
  return {
    format: INDEX_FORMAT_VERSION,
    key,
    head: index.head,
    shallow: index.shallow,
    files: [...index.files],
    knowledge: [...index.knowledge].map(([path, r]) => [path, record(r)]),
    deletedKnowledge: [...index.deletedKnowledge].map(([path, r]) => [path, record(r)]),
    // Contributions keep only counted changes: uncounted ones matter only while replaying.
    recent: index.recent.map((c) => [c.sha, c.time, c.author, [...c.coAuthors], c.subject, c.changes.map(change), c.counted, c.aiAssisted]),
    recentSinceSeconds: index.recentSinceSeconds,
    linesSinceSeconds: index.linesSinceSeconds,
    people: [...index.people.values()].map((p) => [p.key, p.name, p.email, p.githubLogin ?? null, [...p.names], p.lastActive, p.namedAt]),
    commitCount: index.commitCount,
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
const strings = (v: unknown): string[] => array(v).map((s) => (check(isString(s)), s as string));
const pairs = (v: unknown): Array<[string, number]> =>
  array(v).map((p) => {
    const [k, n] = array(p);
    check(isString(k) && isNumber(n));
    return [k as string, n as number];
  });

const STATUSES = new Set(['A', 'M', 'D', 'T', 'R', 'C', 'U', 'X', 'B']);

function decodeRecord(v: unknown): FileAuthorship {
  const [creators, deliveries, changes, lastTouched] = array(v);
  check(isNumber(changes));
  return { creators: new Set(strings(creators)), deliveries: new Map(pairs(deliveries)), changes: changes as number, lastTouched: new Map(pairs(lastTouched)) };
}

function decodeRecords(v: unknown): Map<string, FileAuthorship> {
  return new Map(
    array(v).map((entry) => {
      const [path, record] = array(entry);
      check(isString(path));
      return [path as string, decodeRecord(record)];
    }),
  );
}

type Intern = (path: string) => string;

function decodeChange(v: unknown, intern: Intern): CommitChange {
  const [status, path, oldPath, lines] = array(v);
  check(isString(status) && STATUSES.has(status as string) && isString(path) && (oldPath === null || isString(oldPath)) && (lines === null || isNumber(lines)));
  const base = { status: status as ChangeStatus, path: intern(path as string), ...(oldPath === null ? {} : { oldPath: intern(oldPath as string) }) };
  return lines === -1 ? base : { ...base, lines: lines as number | null };
}

function decodeContribution(v: unknown, intern: Intern): Contribution {
  const [sha, time, author, coAuthors, subject, changes, counted, aiAssisted] = array(v);
  check(isString(sha) && /^[0-9a-f]{40,64}$/.test(sha as string) && isNumber(time) && isString(author) && isString(subject) && typeof counted === 'boolean' && typeof aiAssisted === 'boolean');
  const decoded = array(changes).map((change) => decodeChange(change, intern));
  return {
    sha: sha as string,
    time: time as number,
    author: author as string,
    coAuthors: strings(coAuthors),
    subject: subject as string,
    aiAssisted: aiAssisted as boolean,
    changes: decoded,
    counted: counted as boolean,
    allChanges: decoded,
  };
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
    check(isString(f.head) && /^[0-9a-f]{40,64}$/.test(f.head as string) && typeof f.shallow === 'boolean' && isNumber(f.recentSinceSeconds) && isNumber(f.linesSinceSeconds) && isNumber(f.commitCount));
    const people = array(f.people).map(decodePerson);
    const intern = createPathInterner();
    return {
      head: f.head as string,
      shallow: f.shallow as boolean,
      files: strings(f.files),
      knowledge: decodeRecords(f.knowledge),
      deletedKnowledge: decodeRecords(f.deletedKnowledge),
      recent: array(f.recent).map((contribution) => decodeContribution(contribution, intern)),
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
