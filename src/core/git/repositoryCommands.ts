/**
 * Small git reads about the repository itself, as data. Every command that takes a value from
 * data puts `--end-of-options` before it so a value starting with `-` can never become an option.
 * `rev-parse` is the exception: before git 2.43 it prints `--end-of-options` back as a revision,
 * so it only ever gets fixed literals (`HEAD^{commit}`, `@{upstream}`).
 */
import type { GitCommand, GitStreamCommand, StreamParser } from './gitCommand';
import { GitFailure, parseGitVersion } from './gitFailure';
import { NulTokenizer } from './nulTokenizer';
import { SAFE_DIFF_OPTIONS } from './safetyRecipe';
import { HISTORY_FORMAT, NUMSTAT_FORMAT, NameStatusLogParser, NumstatLogParser, type LoggedCommit, type NumstatCommit } from './logParser';

const trimmed = (stdout: string): string => stdout.replace(/\r?\n$/, '');
const optional = (stdout: string): string | undefined => trimmed(stdout) || undefined;

export const gitVersion: GitCommand<[number, number, number] | undefined> = {
  args: ['version'],
  parse: parseGitVersion,
};

export interface RepositoryLocation {
  /** undefined without a working tree. */
  readonly topLevel: string | undefined;
  /** Where git keeps `info/attributes`, relative to the folder asked from, or absolute. */
  readonly infoAttributes: string | undefined;
  readonly shallow: boolean;
  /** The commit HEAD points at; undefined in a repository with no commits yet. */
  readonly head: string | undefined;
}

/**
 * Where the repository is and what HEAD is, in one process (each process costs a start of its
 * own, and every scan waits for these): the top level, `info/attributes`, shallowness and HEAD's
 * commit, one per line in that order, HEAD's line missing (and exit code 1) before the first
 * commit, the top level's missing where an old git prints none for a bare repository.
 */
export const repositoryLocation: GitCommand<RepositoryLocation> = {
  args: ['rev-parse', '--show-toplevel', '--git-path', 'info/attributes', '--is-shallow-repository', '--verify', '--quiet', 'HEAD^{commit}'],
  parse: (stdout) => {
    const lines = stdout.split('\n').filter((line) => line !== '');
    const head = /^[0-9a-f]{40,64}$/.test(lines.at(-1) ?? '') ? lines.pop() : undefined;
    const shallow = lines.pop() === 'true';
    const infoAttributes = lines.pop();
    return { topLevel: lines[0], infoAttributes, shallow, head };
  },
  acceptExitCodes: [1],
};

/**
 * `repositoryLocation` and the branch in one process, for a repository with commits: the same
 * lines, then the symbolic name of HEAD (`HEAD` itself when detached). It fails before the first
 * commit (HEAD names no commit yet), and for anything else `repositoryLocation` reports
 * precisely, which is then asked instead.
 */
export const repositoryState: GitCommand<RepositoryLocation & { readonly branch: string | undefined }> = {
  args: ['rev-parse', '--show-toplevel', '--git-path', 'info/attributes', '--is-shallow-repository', 'HEAD^{commit}', '--symbolic-full-name', 'HEAD'],
  parse: (stdout) => {
    const lines = stdout.split('\n').filter((line) => line !== '');
    const ref = lines.pop() ?? '';
    const head = lines.pop() ?? '';
    const shallow = lines.pop();
    if (!/^[0-9a-f]{40,64}$/.test(head) || (shallow !== 'true' && shallow !== 'false') || lines.length < 1) {
      throw new GitFailure('failed', `git rev-parse printed ${JSON.stringify(stdout.slice(0, 120))}, not the repository's state.`);
    }
    const infoAttributes = lines.pop();
    return { topLevel: lines[0], infoAttributes, shallow: shallow === 'true', head, branch: branchOfRef(ref) };
  },
};

/**
 * The checked-out branch, or undefined on a detached HEAD. Not `symbolic-ref`, which prints
 * nothing when detached: simple-git waits 50 ms longer for a process that printed nothing.
 */
export const currentBranch: GitCommand<string | undefined> = {
  args: ['rev-parse', '--symbolic-full-name', 'HEAD'],
  parse: (stdout) => branchOfRef(trimmed(stdout)),
};

/** `refs/heads/main` → `main`; `HEAD` (detached) → undefined; another ref as it is. */
function branchOfRef(ref: string): string | undefined {
  if (!ref || ref === 'HEAD') return undefined;
  return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : ref;
}

/** The upstream of the current branch (`origin/main`), or undefined when none is set. */
export const upstreamBranch: GitCommand<string | undefined> = {
  args: ['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{upstream}'],
  parse: optional,
  acceptExitCodes: [128],
};

export function configValue(key: string): GitCommand<string | undefined> {
  // `--default=` prints an empty line for an unset key: simple-git waits 50 ms longer for a
  // process that printed nothing, which every unset key would otherwise cost.
  return { args: ['config', '--get', '--default=', '--end-of-options', key], parse: optional, acceptExitCodes: [1] };
}

export interface TreeEntry {
  readonly mode: string;
  readonly type: string;
  readonly path: string;
}

/**
 * The HEAD tree's entries at exactly these paths (not below them), to tell a submodule
 * (`commit`, mode 160000) or a symlink from a folder. Paths are literal, never pathspec magic.
 */
export function treeEntries(paths: readonly string[]): GitCommand<TreeEntry[]> {
  return {
    args: ['--literal-pathspecs', 'ls-tree', '-z', '--full-tree', '--end-of-options', 'HEAD', '--', ...paths],
    parse: (stdout) =>
      stdout
        .split('\0')
        .map((entry) => /^(\d+) (\w+) [0-9a-f]+\t([\s\S]+)$/.exec(entry))
        .filter((match): match is RegExpExecArray => match !== null)
        .map((match) => ({ mode: match[1] ?? '', type: match[2] ?? '', path: match[3] ?? '' })),
  };
}

/** Names of the filter drivers the config defines (`filter.<name>.clean` …). */
export const filterDriverNames: GitCommand<string[]> = {
  args: ['config', '-z', '--name-only', '--get-regexp', '^filter\\.'],
  parse: (stdout) => {
    const names = new Set<string>();
    for (const key of stdout.split('\0')) {
      const match = /^filter\.([\s\S]+)\.[^.]+$/.exec(key);
      if (match?.[1]) names.add(match[1]);
    }
    return [...names];
  },
  acceptExitCodes: [1],
};

/** Maps `Name <email>` contacts through the repository's mailmap, in order. */
export function checkMailmap(contacts: readonly string[]): GitCommand<string[]> {
  return {
    args: ['check-mailmap', '--end-of-options', ...contacts],
    parse: (stdout) => stdout.split('\n').slice(0, contacts.length),
  };
}

/** Every file path in a commit's tree (streamed: a monorepo has hundreds of thousands). */
export function treeFiles(commit: string): GitStreamCommand<string[]> {
  return {
    args: ['ls-tree', '-r', '-z', '--name-only', '--full-tree', '--end-of-options', commit],
    createParser: () => collectTokens(),
  };
}

/** Paths a tree gained and lost between two commits (renames as a loss and a gain). */
export interface TreeChanges {
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

/**
 * What changed in the tree from `from` to `to`, for updating the list of HEAD's files without
 * listing them all again. Asked through `--stdin` with `--always` so that git prints the commit's
 * id even when the trees are the same: simple-git waits 50 ms longer for a process that printed
 * nothing. Output: the id, then a status and a path per change.
 */
export function treeChanges(from: string, to: string): GitStreamCommand<TreeChanges> {
  return {
    args: ['diff-tree', ...SAFE_DIFF_OPTIONS, '--stdin', '--always', '-r', '-z', '--no-renames', '--name-status', '--format=%H'],
    input: new TextEncoder().encode(`${to} ${from}\n`),
    createParser: () => {
      const tokens = collectTokens();
      return {
        push: (chunk) => tokens.push(chunk),
        end: () => {
          const [header, ...entries] = tokens.end();
          if (header !== to || entries.length % 2 !== 0) throw new GitFailure('failed', `git diff-tree printed ${JSON.stringify(String(header).slice(0, 50))} for ${to}, not its changes.`);
          const added: string[] = [];
          const removed: string[] = [];
          for (let at = 0; at < entries.length; at += 2) {
            const status = (entries[at] as string).trim();
            const path = entries[at + 1] as string;
            if (status === 'A') added.push(path);
            else if (status === 'D') removed.push(path);
            else if (!/^[MT]$/.test(status)) throw new GitFailure('failed', `git diff-tree printed the status ${JSON.stringify(status)} with --no-renames.`);
          }
          return { added, removed };
        },
      };
    },
  };
}

function collectTokens(): StreamParser<string[]> {
  const tokens: string[] = [];
  const tokenizer = new NulTokenizer((token) => tokens.push(token));
  return {
    push: (chunk) => tokenizer.push(chunk),
    end: () => {
      tokenizer.end();
      return tokens.filter((t) => t.length > 0);
    },
  };
}

export interface HistoryLogOptions {
  readonly revision: string;
  /** Only commits whose committer date is at or after this time (seconds since the epoch). */
  readonly sinceSeconds?: number;
  /** Stop the walk at these commits (exclusive), for reading only what is new. */
  readonly exclude?: readonly string[];
  /** Oldest first, so the reader can accumulate as the log streams. */
  readonly reverse?: boolean;
  /**
   * Paths (from the top of the repository, literal) left out of the walk, for a clone that lacks
   * their blobs: rename detection and line counts would otherwise stop at the first one.
   */
  readonly excludePaths?: readonly string[];
}

/** Diff options shared by history reads: renames followed with a raised limit, no merges. */
const HISTORY_DIFF_OPTIONS = ['--no-merges', '-z', '-M', '-l5000', ...SAFE_DIFF_OPTIONS];

function revisionArgs(options: HistoryLogOptions): string[] {
  const since = options.sinceSeconds === undefined ? [] : [`--since=@${Math.floor(options.sinceSeconds)}`];
  const excluded = options.excludePaths ?? [];
  // A pathspec turns on history simplification, which drops side-branch commits a merge undid;
  // --full-history keeps every commit, as a walk without a pathspec does.
  const simplification = excluded.length > 0 ? ['--full-history'] : [];
  const pathspec = excluded.length > 0 ? [':(top)', ...excluded.map((path) => `:(top,exclude,literal)${path}`)] : [];
  return [...since, ...(options.reverse ? ['--reverse'] : []), ...simplification, '--end-of-options', options.revision, ...(options.exclude ?? []).map((sha) => `^${sha}`), '--', ...pathspec];
}

/** File-level history (who touched which file, renames followed), newest first. */
export function nameStatusLog(options: HistoryLogOptions, onCommit: (commit: LoggedCommit) => void): GitStreamCommand<number> {
  return nameStatusLogInto(options, () => new NameStatusLogParser(onCommit));
}

/** `nameStatusLog` into a parser of the caller's (one that pieces of a split read also feed). */
export function nameStatusLogInto(options: HistoryLogOptions, parser: () => StreamParser<number>): GitStreamCommand<number> {
  return { args: ['log', ...HISTORY_DIFF_OPTIONS, '--name-status', HISTORY_FORMAT, ...revisionArgs(options)], createParser: parser };
}

/**
 * The non-merge commits a history read covers, one id per line, in the order `nameStatusLog`
 * with `reverse` walks them (oldest first): the plan for reading that history in pieces.
 */
export function commitIdsOldestFirst(options: Omit<HistoryLogOptions, 'sinceSeconds' | 'reverse'>): GitStreamCommand<Uint8Array> {
  return {
    args: ['rev-list', '--no-merges', ...revisionArgs({ ...options, reverse: true })],
    createParser: () => collectBytes(),
  };
}

/**
 * `nameStatusLog` of exactly these commits (ids one per line, given on stdin), in their order:
 * one piece of a history read. The output goes unparsed to `output`, so that pieces read at once
 * can be joined in order and parsed as the single log they add up to.
 */
export function nameStatusLogOfCommits(commitIds: Uint8Array, output: StreamParser<void>): GitStreamCommand<void> {
  return {
    args: ['log', ...HISTORY_DIFF_OPTIONS, '--name-status', HISTORY_FORMAT, '--no-walk=unsorted', '--stdin', '--end-of-options', '--'],
    input: commitIds,
    createParser: () => output,
  };
}

function collectBytes(): StreamParser<Uint8Array> {
  const chunks: Uint8Array[] = [];
  return {
    push: (chunk) => chunks.push(chunk),
    end: () => Buffer.concat(chunks),
  };
}

/** Line counts per file; costs blob diffs, so it is only read for the recent window. */
export function numstatLog(options: HistoryLogOptions, onCommit: (commit: NumstatCommit) => void): GitStreamCommand<number> {
  return {
    args: ['log', ...HISTORY_DIFF_OPTIONS, '--numstat', NUMSTAT_FORMAT, ...revisionArgs(options)],
    createParser: () => new NumstatLogParser(onCommit),
  };
}

/**
 * A footer that says an agent wrote the commit: "🤖 Generated with [Claude Code](https://…)",
 * "Generated with [opencode](…)", "Co-created with Cursor". POSIX ERE, matched by git per line
 * of the message, case-insensitively; a link or a known agent's name must follow.
 */
export const AI_FOOTER_PATTERN =
  '^[^[:alnum:]]*(generated|created|co-created|written|made) (with|by|using) (\\[[^]]+\\]\\(|(claude|copilot|cursor|codex|aider|opencode|gemini|devin|amp|jules|chatgpt)([^[:alnum:]]|$))';

const AI_FOOTER_FILTER = ['--no-merges', '--extended-regexp', '--regexp-ignore-case', `--grep=${AI_FOOTER_PATTERN}`];

/**
 * How many commits' messages carry an AI footer. Asked first because most ranges have none, and
 * simple-git waits 50 ms longer for a process that printed nothing, which the list below would
 * do; a count always prints. The same walk as the list, so the two agree.
 */
export function aiFooterCount(options: HistoryLogOptions): GitCommand<number> {
  return {
    args: ['rev-list', '--count', ...AI_FOOTER_FILTER, ...revisionArgs(options)],
    parse: (stdout) => {
      const count = Number(stdout.trim());
      if (!Number.isInteger(count) || count < 0) throw new GitFailure('failed', `git rev-list --count printed ${JSON.stringify(stdout.slice(0, 40))}, not a count.`);
      return count;
    },
  };
}

/**
 * Commits whose message carries an AI footer: git searches the messages itself (`--grep`), so
 * no message body is ever sent to us. Read only for the recent history, where it is used.
 */
export function aiFooterCommits(options: HistoryLogOptions): GitCommand<Set<string>> {
  return {
    args: ['rev-list', ...AI_FOOTER_FILTER, ...revisionArgs(options)],
    parse: (stdout) => new Set(stdout.split('\n').map((sha) => sha.trim()).filter((sha) => /^[0-9a-f]{40,64}$/.test(sha))),
  };
}

/** The best common ancestor of two commits, or undefined when they share no history. */
export function mergeBase(a: string, b: string): GitCommand<string | undefined> {
  return { args: ['merge-base', '--end-of-options', a, b], parse: optional, acceptExitCodes: [1] };
}

/**
 * Every config value git sees for the repository (all scopes, includes resolved), as lowercased
 * key → last value: one process instead of one per key.
 */
export const configEntries: GitCommand<Map<string, string>> = {
  args: ['config', '-z', '--list'],
  parse: (stdout) => {
    const entries = new Map<string, string>();
    for (const entry of stdout.split('\0')) {
      const newline = entry.indexOf('\n');
      if (entry) entries.set((newline === -1 ? entry : entry.slice(0, newline)).toLowerCase(), newline === -1 ? 'true' : entry.slice(newline + 1));
    }
    return entries;
  },
};
