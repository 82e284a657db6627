/**
 * Decision-bearing files: ADRs, RFCs, design docs, API contracts and schemas. Changing them in a
 * team's area moves the team's decisions, whoever writes the code afterwards.
 */
import picomatch from 'picomatch';
import type { CommitChange } from '../history/repositoryHistory';

export type DecisionFileMatcher = (path: string) => boolean;

/** Globs from `multiplier.decisionFiles` (the defaults unless set), matched case-insensitively. */
export function createDecisionFileMatcher(globs: readonly string[]): DecisionFileMatcher {
  if (globs.length === 0) return () => false;
  const isMatch = picomatch([...globs], { nocase: true, dot: true, noextglob: true });
  const cache = new Map<string, boolean>();
  return (path) => {
    let matches = cache.get(path);
    if (matches === undefined) {
      matches = isMatch(path);
      cache.set(path, matches);
    }
    return matches;
  };
}

export interface DecisionFileCommit {
  readonly changes: readonly CommitChange[];
  /** One of my solo commits (only those move decisions; a later rename by anyone moves the name). */
  readonly mine: boolean;
}

/**
 * The decision files my commits changed, each named as it is after the last commit (a rename
 * after my change carries its new name), sorted. Commits come oldest first.
 */
export function changedDecisionFiles(commitsOldestFirst: readonly DecisionFileCommit[], isDecisionFile: DecisionFileMatcher): string[] {
  const changed = new Set<string>();
  for (const commit of commitsOldestFirst) {
    for (const change of commit.changes) {
      if (change.status === 'R' && change.oldPath !== undefined && changed.delete(change.oldPath)) changed.add(change.path);
    }
    if (!commit.mine) continue;
    for (const change of commit.changes) {
      if (isDecisionFile(change.path) || (change.oldPath !== undefined && isDecisionFile(change.oldPath))) changed.add(change.path);
    }
  }
  return [...changed].sort();
}
