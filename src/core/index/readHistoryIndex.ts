import type { GitRunner } from '../git/gitCommand';
import type { LoggedCommit } from '../git/logParser';
import { aiFooterCommits, nameStatusLog, numstatLog, treeFiles } from '../git/repositoryCommands';
import { mailmapContacts } from '../identity/mailmap';
import { coAuthorContact, personKey, type Contact } from '../identity/person';
import { lineTotals, withLineCounts, type HistoryCommit } from '../history/repositoryHistory';
import { HistoryIndexBuilder, remapPeople, type HistoryIndex, type IndexRules } from './historyIndex';

export interface ReadIndexOptions {
  readonly head: string;
  readonly shallow: boolean;
  readonly rules: IndexRules;
  /** Recent contributions are kept from this time on, in seconds. */
  readonly recentSinceSeconds: number;
  /** Line counts are read from this time on (the window's start), in seconds. */
  readonly linesSinceSeconds: number;
  /** An index of an ancestor of `head`: only the commits after it are read (incremental update). */
  readonly previous?: HistoryIndex;
  readonly signal?: AbortSignal;
  readonly onProgress?: (commitsRead: number) => void;
}

/**
 * The fixed read plan, one git process at a time: line counts for the recent window (blob
 * diffs are ~10× a file walk, so never for all history), the recent commits whose message has an
 * AI footer (git greps the messages; no body is read), then the file-level history oldest first,
 * folded into the index as it streams (the analysis keeps pace with git instead of waiting for
 * it), then HEAD's tree and the mailmap of co-authors. With `previous`, every read stops at the
 * previous head, so an update costs what the new commits cost.
 */
export async function readHistoryIndex(runner: GitRunner, options: ReadIndexOptions): Promise<HistoryIndex> {
  const { signal, previous } = options;
  const exclude = previous ? [previous.head] : [];
  const lineCounts = new Map<string, Map<string, number | null>>();
  await runner.stream(
    numstatLog({ revision: options.head, sinceSeconds: options.linesSinceSeconds, exclude }, (commit) => {
      lineCounts.set(commit.sha, lineTotals(commit.files));
    }),
    { signal },
  );
  const aiFooters = await runner.run(aiFooterCommits({ revision: options.head, sinceSeconds: options.recentSinceSeconds, exclude }), { signal });

  const builder = new HistoryIndexBuilder(options.rules, { recentSinceSeconds: options.recentSinceSeconds, linesSinceSeconds: options.linesSinceSeconds }, previous);
  const rawCoAuthors = new Map<string, Contact>();
  let read = 0;
  await runner.stream(
    nameStatusLog({ revision: options.head, exclude, reverse: true }, (logged) => {
      builder.add(toHistoryCommit(logged, lineCounts.get(logged.sha), aiFooters.has(logged.sha), rawCoAuthors));
      if (++read % 5000 === 0) options.onProgress?.(read);
    }),
    { signal },
  );
  options.onProgress?.(read);

  const files = await runner.stream(treeFiles(options.head), { signal });
  const index = builder.build(options.head, files, options.shallow);
  return remapPeople(index, await mailmap(runner, rawCoAuthors, signal));
}

function toHistoryCommit(logged: LoggedCommit, lines: ReadonlyMap<string, number | null> | undefined, aiFooter: boolean, rawCoAuthors: Map<string, Contact>): HistoryCommit {
  const coAuthors: Contact[] = [];
  for (const raw of logged.coAuthors) {
    const contact = coAuthorContact(raw);
    if (!contact) continue;
    coAuthors.push(contact);
    if (!rawCoAuthors.has(personKey(contact.email))) rawCoAuthors.set(personKey(contact.email), contact);
  }
  return {
    sha: logged.sha,
    time: logged.authorTime,
    author: { name: logged.authorName, email: logged.authorEmail },
    coAuthors,
    aiAttributed: aiFooter || logged.aiAttributions.length > 0,
    subject: logged.subject,
    changes: withLineCounts(logged.changes, lines),
  };
}

/** Raw co-author key → the contact git's mailmap gives it. */
async function mailmap(runner: GitRunner, raw: ReadonlyMap<string, Contact>, signal?: AbortSignal): Promise<Map<string, Contact>> {
  const keys = [...raw.keys()];
  const answers = await mailmapContacts(runner, [...raw.values()], signal);
  const mapped = new Map<string, Contact>();
  answers.forEach((contact, i) => {
    if (contact) mapped.set(keys[i] as string, contact);
  });
  return mapped;
}
