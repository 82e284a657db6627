/** Everything a handoff note says, gathered from history and the worktree before rendering. */
import type { LinesReplaced } from '../analysis/linesReplaced';

export interface HandoffPerson {
  readonly name: string;
  readonly email: string;
  /** One line from the ranking's numbers, e.g. "Knows 12 of 40 files in src/payments/". */
  readonly reason: string;
}

/** Someone else who knows the area's code: a DOA author of some of its files. */
export interface HandoffKnower {
  readonly name: string;
  readonly email: string;
  /** How many of the area's files they are an author of. */
  readonly knownFiles: number;
  /** The first few of those files, to name: ones I changed first, then the ones they know best. */
  readonly namedFiles: readonly string[];
}

export interface HandoffCommit {
  readonly sha: string;
  /** Author time, seconds since the epoch. */
  readonly time: number;
  readonly subject: string;
}

export interface HandoffFileStat {
  readonly path: string;
  /** null for binary files. */
  readonly added: number | null;
  readonly removed: number | null;
}

export interface UncommittedChange {
  readonly path: string;
  /** Porcelain status letters, e.g. "M", "A", "D", "R", "??" for untracked. */
  readonly status: string;
  readonly added: number | null;
  readonly removed: number | null;
}

/** A TODO/FIXME line my changes added. */
export interface OpenThread {
  readonly path: string;
  /** The added line's text, trimmed. */
  readonly text: string;
  /** Short sha of the commit that added it, or undefined for uncommitted work. */
  readonly commit: string | undefined;
}

export interface HandoffInput {
  readonly area: string;
  readonly owners: readonly string[];
  /** "CODEOWNERS" path or "multiplier.ownershipMap". */
  readonly ownershipSource: string;
  readonly membersInferred: boolean;
  /** Ranked owner-team people; the first is who the note is for, the rest are cc. */
  readonly recipients: readonly HandoffPerson[];
  readonly me: { readonly name: string; readonly email: string };
  /** Other authors of the area's files than me and the note's recipient, most files first. */
  readonly knowers: readonly HandoffKnower[];
  /** How many more people know some of its files, left out to keep the note short. */
  readonly moreKnowers: number;
  readonly windowDays: number;
  /** My commits in the area in the window, newest first. */
  readonly myCommits: readonly HandoffCommit[];
  /** Per-file +/− of my commits in the area, summed. */
  readonly myFiles: readonly HandoffFileStat[];
  /** Of my solo commits in the window, those an AI agent helped with. */
  readonly aiAssistedCommits: number;
  /** Decision-bearing files my solo commits changed (repo-relative). */
  readonly decisionFiles: readonly string[];
  /** Lines others wrote that my changes replaced; null when not read. */
  readonly linesReplaced: LinesReplaced | null;
  /** Why replaced lines were not all read (a git failure), when they were not. */
  readonly linesReplacedProblems: readonly string[];
  readonly branch: string | undefined;
  readonly upstream: string | undefined;
  /** Commits on HEAD not on the upstream that touch the area. */
  readonly unpushed: readonly HandoffCommit[];
  readonly uncommitted: readonly UncommittedChange[];
  /** Why the worktree could not be read, when it could not (the note says so instead). */
  readonly worktreeNote: string | undefined;
  readonly openThreads: readonly OpenThread[];
  /** Share numbers in the window. */
  readonly share: { readonly commits: number; readonly mySoloCommits: number; readonly myShare: number; readonly threshold: number };
  /** When the note is drafted (for its date). */
  readonly nowSeconds: number;
}
