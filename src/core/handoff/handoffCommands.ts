/**
 * The git reads behind a handoff note. History reads (`log`) cannot run repository programs
 * under the recipe; worktree reads (`status`, `diff-index` against the worktree) can run filter
 * drivers, so they only run with every configured driver blanked (see `filterDriverOverrides`).
 * Worktree diffs use the plumbing `diff-index`: porcelain `git diff` refreshes and rewrites
 * `.git/index` whenever an entry is stat-dirty, even with optional locks off (git 2.39).
 */
import type { GitCommand } from '../git/gitCommand';
import { NUMSTAT_FORMAT, parseNumstatLog, type NumstatCommit } from '../git/logParser';
import { splitNulTokens } from '../git/nulTokenizer';
import { SAFE_DIFF_OPTIONS } from '../git/safetyRecipe';

const PATCH_OPTIONS = ['-U0', '--src-prefix=a/', '--dst-prefix=b/', '--no-renames', ...SAFE_DIFF_OPTIONS];

/** Per-file line counts of the given commits. */
export function commitLineCounts(shas: readonly string[]): GitCommand<NumstatCommit[]> {
  return {
    args: ['log', '--no-walk=unsorted', '-z', '-M', '--numstat', ...SAFE_DIFF_OPTIONS, NUMSTAT_FORMAT, '--end-of-options', ...shas, '--'],
    parse: parseNumstatLog,
  };
}

/** The zero-context patches of the given commits, for the lines they added. */
export function commitPatches(shas: readonly string[]): GitCommand<string> {
  return {
    args: ['log', '--no-walk=unsorted', '-p', ...PATCH_OPTIONS, '--format=%x1e%H', '--end-of-options', ...shas, '--'],
    parse: (stdout) => stdout,
  };
}

/** Subjects of commits on HEAD that are not on `upstream` (unpushed work). */
export function unpushedCommits(upstream: string): GitCommand<Array<{ sha: string; time: number; subject: string; paths: string[] }>> {
  return {
    args: ['log', '-z', '--no-merges', '--name-only', '--format=%x1e%H%x00%at%x00%s', ...SAFE_DIFF_OPTIONS, '--end-of-options', 'HEAD', `^${upstream}`, '--'],
    parse: parseNameOnlyLog,
  };
}

function parseNameOnlyLog(stdout: string): Array<{ sha: string; time: number; subject: string; paths: string[] }> {
  const commits: Array<{ sha: string; time: number; subject: string; paths: string[] }> = [];
  const tokens = splitNulTokens(stdout);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    if (token.startsWith('\x1e')) {
      commits.push({ sha: token.slice(1), time: Number(tokens[i + 1]) || 0, subject: tokens[i + 2] ?? '', paths: [] });
      i += 2;
    } else if (token.replace(/^\n/, '') !== '') {
      commits[commits.length - 1]?.paths.push(token.replace(/^\n/, ''));
    }
  }
  return commits;
}

export interface WorktreeEntry {
  readonly status: string;
  readonly path: string;
}

/** Uncommitted and untracked files (`status --porcelain -z`, renames off so every entry is one path). */
export const worktreeStatus: GitCommand<WorktreeEntry[]> = {
  args: ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--ignore-submodules=all', '--no-renames'],
  parse: (stdout) =>
    splitNulTokens(stdout)
      .filter((entry) => entry.length > 3)
      .map((entry) => ({ status: entry.slice(0, 2).trim() || 'M', path: entry.slice(3) })),
};

/** Line counts of the worktree against HEAD. */
export const worktreeLineCounts: GitCommand<Map<string, { added: number | null; removed: number | null }>> = {
  args: ['diff-index', '--numstat', '-z', '--no-renames', '--ignore-submodules=all', ...SAFE_DIFF_OPTIONS, '--end-of-options', 'HEAD', '--'],
  parse: (stdout) => {
    const counts = new Map<string, { added: number | null; removed: number | null }>();
    for (const token of splitNulTokens(stdout)) {
      const match = /^(-|\d+)\t(-|\d+)\t([\s\S]+)$/.exec(token.replace(/^\n/, ''));
      if (match?.[3]) counts.set(match[3], { added: match[1] === '-' ? null : Number(match[1]), removed: match[2] === '-' ? null : Number(match[2]) });
    }
    return counts;
  },
};

/** The zero-context patch of the worktree against HEAD, for the lines uncommitted work adds. */
export const worktreePatch: GitCommand<string> = {
  args: ['diff-index', ...PATCH_OPTIONS, '--ignore-submodules=all', '--end-of-options', 'HEAD', '--'],
  parse: (stdout) => stdout,
};
