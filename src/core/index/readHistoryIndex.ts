import type { GitRunner } from '../git/gitCommand';
import type { LoggedCommit } from '../git/logParser';
import { checkMailmap, nameStatusLog, numstatLog, treeFiles } from '../git/repositoryCommands';
import { formatContact, parseContact, personKey, type Contact } from '../identity/person';
import type { CommitChange, HistoryCommit } from '../history/repositoryHistory';
import { HistoryIndexBuilder, remapPeople, type HistoryIndex, type IndexRules } from './historyIndex';

export interface ReadIndexOptions {
  readonly head: string;
  readonly shallow: boolean;
  readonly rules: IndexRules;
  /** Recent contributions (with line counts) are kept from this time on, in seconds. */
  readonly recentSince: number;
  /** An index of an ancestor of `head`: only the commits after it are read (incremental update). */
  readonly previous?: HistoryIndex;
  readonly signal?: AbortSignal;
  readonly onProgress?: (commitsRead: number) => void;
}

const MAILMAP_BATCH = 200;

/**
 * The fixed read plan, one git process at a time: line counts for the recent window (blob
 * diffs are ~10× a file walk, so never for all history), then the file-level history oldest
 * first, folded into the index as it streams (the analysis keeps pace with git instead of
 * waiting for it), then HEAD's tree and the mailmap of co-authors. With `previous`, every
 * read stops at the previous head, so an update costs what the new commits cost.
 */
export async function readHistoryIndex(runner: GitRunner, options: ReadIndexOptions): Promise<HistoryIndex> {
  const { signal, previous } = options;
  const exclude = previous ? [previous.head] : [];
  const lineCounts = new Map<string, Map<string, number | null>>();
  await runner.stream(
    numstatLog({ revision: options.head, sinceSeconds: options.recentSince, exclude }, (commit) => {
      lineCounts.set(commit.sha, new Map(commit.files.map((f) => [f.path, f.added === null || f.removed === null ? null : f.added + f.removed])));
    }),
    { signal },
  );

  const builder = new HistoryIndexBuilder(options.rules, options.recentSince, previous);
  const rawCoAuthors = new Map<string, Contact>();
  let read = 0;
  await runner.stream(
    nameStatusLog({ revision: options.head, exclude, reverse: true }, (logged) => {
      builder.add(toHistoryCommit(logged, lineCounts.get(logged.sha), rawCoAuthors));
      if (++read % 5000 === 0) options.onProgress?.(read);
    }),
    { signal },
  );
  options.onProgress?.(read);

  const files = await runner.stream(treeFiles(options.head), { signal });
  const index = builder.build(options.head, files, options.shallow);
  return remapPeople(index, await mailmap(runner, rawCoAuthors, signal));
}

function toHistoryCommit(logged: LoggedCommit, lines: ReadonlyMap<string, number | null> | undefined, rawCoAuthors: Map<string, Contact>): HistoryCommit {
  const coAuthors: Contact[] = [];
  for (const raw of logged.coAuthors) {
    const contact = parseContact(raw);
    if (!contact || /[\n\0<>]/.test(contact.name)) continue;
    coAuthors.push(contact);
    if (!rawCoAuthors.has(personKey(contact.email))) rawCoAuthors.set(personKey(contact.email), contact);
  }
  return {
    sha: logged.sha,
    time: logged.authorTime,
    author: { name: logged.authorName, email: logged.authorEmail },
    coAuthors,
    subject: logged.subject,
    changes: lines ? logged.changes.map((change): CommitChange => ({ ...change, lines: lines.get(change.path) ?? 0 })) : logged.changes,
  };
}

/** Raw co-author key → the contact git's mailmap gives it. */
async function mailmap(runner: GitRunner, raw: ReadonlyMap<string, Contact>, signal?: AbortSignal): Promise<Map<string, Contact>> {
  const entries = [...raw];
  const mapped = new Map<string, Contact>();
  for (let start = 0; start < entries.length; start += MAILMAP_BATCH) {
    const batch = entries.slice(start, start + MAILMAP_BATCH);
    const answers = await runner.run(checkMailmap(batch.map(([, contact]) => formatContact(contact))), { signal });
    batch.forEach(([key], i) => {
      const contact = parseContact(answers[i] ?? '');
      if (contact) mapped.set(key, contact);
    });
  }
  return mapped;
}
