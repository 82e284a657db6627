import type { GitRunner } from '../git/gitCommand';
import type { LoggedCommit } from '../git/logParser';
import { nameStatusLog, numstatLog, treeFiles } from '../git/repositoryCommands';
import { mailmapContacts } from '../identity/mailmap';
import { coAuthorContact, type Contact } from '../identity/person';
import { lineTotals, withLineCounts, type HistoryCommit, type RepositoryHistory } from './repositoryHistory';

export interface ReadHistoryOptions {
  readonly head: string;
  readonly shallow: boolean;
  /** Line counts are read from this time on (seconds since the epoch). */
  readonly linesSince: number;
  /** Paths left out of history (`npm run eval -- --exclude-path`, for clones missing blobs). */
  readonly excludePaths?: readonly string[];
  readonly signal?: AbortSignal;
  /** Called as commits stream in, for a progress display. */
  readonly onProgress?: (commitsRead: number) => void;
}

/**
 * The read plan: one file-level walk of all history (cheap: no blob diffs), one line-count walk
 * of the window only (blob diffs cost ~10× a file walk), the HEAD tree, and the mailmap for
 * co-authors. Run one after another, never in parallel, on the repository's runner.
 */
export async function readHistory(runner: GitRunner, options: ReadHistoryOptions): Promise<RepositoryHistory> {
  const { signal, excludePaths } = options;
  const logged: LoggedCommit[] = [];
  await runner.stream(
    nameStatusLog({ revision: options.head, excludePaths }, (commit) => {
      logged.push(commit);
      if (logged.length % 5000 === 0) options.onProgress?.(logged.length);
    }),
    { signal },
  );
  options.onProgress?.(logged.length);

  const lineCounts = new Map<string, Map<string, number | null>>();
  await runner.stream(
    numstatLog({ revision: options.head, sinceSeconds: options.linesSince, excludePaths }, (commit) => lineCounts.set(commit.sha, lineTotals(commit.files))),
    { signal },
  );

  const files = await runner.stream(treeFiles(options.head), { signal });
  const coAuthors = await mailmapCoAuthors(runner, logged, signal);

  const commits = logged.map((commit): HistoryCommit => {
    const lines = lineCounts.get(commit.sha);
    return {
      sha: commit.sha,
      time: commit.authorTime,
      author: { name: commit.authorName, email: commit.authorEmail },
      coAuthors: commit.coAuthors.map((raw) => coAuthors.get(raw)).filter((c): c is Contact => c !== undefined),
      aiAttributed: commit.aiAttributions.length > 0,
      subject: commit.subject,
      changes: withLineCounts(commit.changes, lines),
    };
  });
  return { head: options.head, commits, files, linesSince: options.linesSince, shallow: options.shallow };
}

/** Co-author trailers are free text; git's mailmap gives them the same identity as authors. */
async function mailmapCoAuthors(runner: GitRunner, commits: readonly LoggedCommit[], signal?: AbortSignal): Promise<Map<string, Contact>> {
  const parsed = new Map<string, Contact>();
  for (const commit of commits) {
    for (const raw of commit.coAuthors) {
      const contact = parsed.has(raw) ? undefined : coAuthorContact(raw);
      if (contact) parsed.set(raw, contact);
    }
  }
  const raws = [...parsed.keys()];
  const answers = await mailmapContacts(runner, [...parsed.values()], { signal });
  answers.forEach((contact, i) => {
    if (contact) parsed.set(raws[i] as string, contact);
  });
  return parsed;
}
