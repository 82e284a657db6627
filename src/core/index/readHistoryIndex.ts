import { setMaxListeners } from 'node:events';
import type { GitRunner } from '../git/gitCommand';
import { NameStatusLogParser, type LoggedCommit } from '../git/logParser';
import { OrderedOutput } from '../git/orderedOutput';
import { settleAll } from '../git/settleAll';
import { aiFooterCommits, aiFooterCount, commitIdsOldestFirst, mergeBase, nameStatusLogInto, nameStatusLogOfCommits, numstatLog, treeChanges, treeFiles, type HistoryLogOptions } from '../git/repositoryCommands';
import { withTreeChanges } from './headFiles';
import { mailmapContacts } from '../identity/mailmap';
import { coAuthorContact, personKey, type Contact } from '../identity/person';
import { lineTotals, withLineCounts, type HistoryCommit } from '../history/repositoryHistory';
import type { Contribution } from '../history/contributions';
import { HistoryIndexBuilder, remapPeople, type HistoryIndex, type IndexRules } from './historyIndex';
import { defaultReadPlan, splitCommitIds, type ReadPlan } from './readPlan';

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
  /** false when the repository has no mailmap (`mailmapInPlay`): co-authors are then taken as written. */
  readonly mailmapInPlay?: boolean;
  /** How the read is split over git processes; by default one per core. */
  readonly plan?: ReadPlan;
}

/**
 * The read plan, in one turn of the repository's git queue with one git process per core: line
 * counts for the recent window (blob diffs are ~10× a file walk, so never for all history), the
 * recent commits whose message has an AI footer (git greps the messages; no body is read), and
 * the file-level history, oldest first, in pieces read at once and replayed in order into the
 * index as they stream (the analysis keeps pace with git instead of waiting for it); then HEAD's
 * tree and the mailmap of co-authors. With `previous`, every read stops at the previous head, so
 * an update costs what the new commits cost.
 */
export async function readHistoryIndex(runner: GitRunner, options: ReadIndexOptions): Promise<HistoryIndex> {
  const plan = options.plan ?? defaultReadPlan();
  return runner.concurrently(plan.processes, (parallel) => readInParallel(parallel, plan, options));
}

/** An update's git processes: the ancestry check and its four small reads, all at once. */
const UPDATE_PROCESSES = 5;

/**
 * `previous` brought up to `head` by reading only the commits after it, when `previous.head` is
 * an ancestor of `head`; undefined when it is not (a rebase, a reset, a force-push), so the
 * caller reads all history instead. The ancestry check runs in the same turn as the update's
 * reads rather than before them, since every start after a commit waits for both: the reads are
 * stopped and thrown away (their failures too) when the check says no.
 */
export async function updateHistoryIndex(runner: GitRunner, options: ReadIndexOptions & { readonly previous: HistoryIndex }): Promise<HistoryIndex | undefined> {
  const { previous } = options;
  const notAncestor = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, notAncestor.signal]) : notAncestor.signal;
  return runner.concurrently(UPDATE_PROCESSES, async (parallel) => {
    const ancestry = parallel.run(mergeBase(previous.head, options.head), { signal: options.signal }).then(
      (base) => base === previous.head,
      () => false,
    );
    void ancestry.then((descends) => {
      if (!descends) notAncestor.abort();
    });
    // An update reads its few commits as one piece.
    const [ancestryAnswer, update] = await Promise.allSettled([ancestry, readInParallel(parallel, { ...defaultReadPlan(), processes: 1 }, { ...options, signal })]);
    // The check never rejects: a failed one says no.
    const descends = ancestryAnswer.status === 'fulfilled' && ancestryAnswer.value;
    // Cancelled by the caller: its reads say so, as every cancelled read does.
    if (update.status === 'rejected' && (descends || options.signal?.aborted)) throw update.reason;
    return descends && update.status === 'fulfilled' ? update.value : undefined;
  });
}

async function readInParallel(parallel: GitRunner, plan: ReadPlan, options: ReadIndexOptions): Promise<HistoryIndex> {
  const { previous } = options;
  const exclude = previous ? [previous.head] : [];
  // One failed process stops the others, and the turn ends only once every process has.
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const lineCounts = new Map<string, Map<string, number | null>>();
  const builder = new HistoryIndexBuilder(options.rules, { recentSinceSeconds: options.recentSinceSeconds, linesSinceSeconds: options.linesSinceSeconds }, previous);
  const rawCoAuthors = new Map<string, Contact>();
  let read = 0;
  const history = new NameStatusLogParser((logged) => {
    builder.add(toHistoryCommit(logged, rawCoAuthors));
    if (++read % 5000 === 0) options.onProgress?.(read);
  });
  const numstat = parallel.stream(
    numstatLog({ revision: options.head, sinceSeconds: options.linesSinceSeconds, exclude }, (commit) => {
      lineCounts.set(commit.sha, lineTotals(commit.files));
    }),
    { signal },
  );
  const [, footers, , files] = await settleAll<[number, Set<string>, number, string[]]>(
    [
      numstat,
      aiFooterCommitsOf(parallel, { revision: options.head, sinceSeconds: options.recentSinceSeconds, exclude }, signal),
      readInPieces(parallel, plan, { revision: options.head, exclude, signal }, history),
      // An update lists only what changed in the tree: its cost follows the change, not the tree.
      previous ? parallel.stream(treeChanges(previous.head, options.head), { signal }).then((changes) => withTreeChanges(previous.files, changes)) : parallel.stream(treeFiles(options.head), { signal }),
    ],
    (error) => stop.abort(error),
  );
  options.onProgress?.(read);
  const index = withLateReads(builder.build(options.head, files, options.shallow, footers), { lineCounts, linesSinceSeconds: options.linesSinceSeconds, aiFooters: footers });
  return remapPeople(index, await mailmap(parallel, rawCoAuthors, options.signal, options.mailmapInPlay));
}

/** The commits of the range whose message has an AI footer: counted first, listed only when there are some. */
async function aiFooterCommitsOf(parallel: GitRunner, range: HistoryLogOptions, signal: AbortSignal): Promise<Set<string>> {
  const count = await parallel.run(aiFooterCount(range), { signal });
  return count === 0 ? new Set() : parallel.run(aiFooterCommits(range), { signal });
}

interface PiecesOptions {
  readonly revision: string;
  readonly exclude: readonly string[];
  readonly signal: AbortSignal;
}

/**
 * The file-level history in consecutive pieces of the commit list, read at once and passed to
 * `history` in order: exactly the bytes one `git log --reverse` would write (which is what is
 * read on one core, and for an update). A piece starts only
 * when the piece `processes` before it has been replayed, so at most that many are ever spooled.
 */
async function readInPieces(parallel: GitRunner, plan: ReadPlan, options: PiecesOptions, history: NameStatusLogParser): Promise<number> {
  const { signal } = options;
  // An update reads a few new commits: one process, without the commit list's.
  if (plan.processes <= 1 || options.exclude.length > 0) {
    return parallel.stream(nameStatusLogInto({ revision: options.revision, exclude: options.exclude, reverse: true }, () => history), { signal });
  }
  const ids = await parallel.stream(commitIdsOldestFirst({ revision: options.revision, exclude: options.exclude }), { signal });
  const pieces = splitCommitIds(ids, plan);
  const output = new OrderedOutput(pieces.length, history);
  const stop = new AbortController();
  const pieceSignal = AbortSignal.any([signal, stop.signal]);
  // Every piece listens to it (its git process, its wait for its turn): not a leak.
  setMaxListeners(2 * pieces.length + 10, pieceSignal);
  await settleAll(
    [
      output.done(pieceSignal),
      ...pieces.map(async (piece, index) => {
        if (index > plan.processes) await output.passed(index - plan.processes - 1, pieceSignal);
        await parallel.stream(nameStatusLogOfCommits(piece, output.piece(index)), { signal: pieceSignal });
      }),
    ],
    (error) => stop.abort(error),
  );
  return history.end();
}

interface LateReads {
  readonly lineCounts: ReadonlyMap<string, ReadonlyMap<string, number | null>>;
  readonly linesSinceSeconds: number;
  /** Commits whose message has an AI footer. */
  readonly aiFooters: ReadonlySet<string>;
}

/**
 * The window's line counts and the year's AI footers are read beside the file history, which the
 * replay does not wait for (it needs neither): they join the kept contributions once all reads
 * are done, as they would have when read first.
 */
function withLateReads(index: HistoryIndex, late: LateReads): HistoryIndex {
  if (late.lineCounts.size === 0 && late.aiFooters.size === 0) return index;
  // Each late answer names one commit. Once all have found theirs, the rest stay as they are: an
  // update's few new commits come first, so it never walks the year's others.
  let unanswered = late.lineCounts.size + late.aiFooters.size;
  const recent = index.recent.slice();
  for (let i = 0; i < recent.length && unanswered > 0; i++) {
    const c = recent[i] as Contribution;
    const lines = c.time >= late.linesSinceSeconds ? late.lineCounts.get(c.sha) : undefined;
    const footer = late.aiFooters.has(c.sha);
    if (lines) unanswered--;
    if (footer) unanswered--;
    const aiAssisted = c.aiAssisted || footer;
    if (!lines && aiAssisted === c.aiAssisted) continue;
    const allChanges = lines ? withLineCounts(c.allChanges, lines) : c.allChanges;
    const changes = c.changes === c.allChanges ? allChanges : lines ? withLineCounts(c.changes, lines) : c.changes;
    recent[i] = { sha: c.sha, time: c.time, author: c.author, coAuthors: c.coAuthors, subject: c.subject, aiAssisted, changes, counted: c.counted, allChanges };
  }
  return { ...index, recent };
}

function toHistoryCommit(logged: LoggedCommit, rawCoAuthors: Map<string, Contact>): HistoryCommit {
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
    aiAttributed: logged.aiAttributions.length > 0,
    subject: logged.subject,
    changes: logged.changes,
  };
}

/** Raw co-author key → the contact git's mailmap gives it. */
async function mailmap(runner: GitRunner, raw: ReadonlyMap<string, Contact>, signal: AbortSignal | undefined, inPlay: boolean | undefined): Promise<Map<string, Contact>> {
  const keys = [...raw.keys()];
  const answers = await mailmapContacts(runner, [...raw.values()], { signal, inPlay });
  const mapped = new Map<string, Contact>();
  answers.forEach((contact, i) => {
    if (contact) mapped.set(keys[i] as string, contact);
  });
  return mapped;
}
