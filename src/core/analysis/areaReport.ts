import type { OwnershipSource } from '../ownership/types';
import type { Dive } from './dives';
import type { LinesReplaced } from './linesReplaced';
import type { NudgeLevel } from './nudgeDecision';
import type { Suggestion } from './suggestions';

/** One owned area as every surface shows it: the numbers, the judgement, who to pair with. */
export interface AreaReport {
  /** Stable within a scan: what commands and the footprint name the area by. */
  readonly key: string;
  readonly area: string;
  readonly owners: readonly string[];
  readonly source: OwnershipSource;
  readonly sourcePath: string;
  /** Counted commits in the area in the window. */
  readonly commits: number;
  /** Of those, credited to me (solo and paired). */
  readonly myCommits: number;
  /** Of mine, co-authored with a member of the owning team: pairing. */
  readonly pairedCommits: number;
  /** Of mine, not paired: the work the share counts. */
  readonly soloCommits: number;
  readonly lines: number;
  /** Lines of my solo commits. */
  readonly myLines: number;
  readonly commitShare: number;
  readonly lineShare: number;
  readonly myShare: number;
  readonly level: NudgeLevel;
  readonly reasons: readonly string[];
  readonly suggestions: readonly Suggestion[];
  /** True when any owner's members had to be inferred from history. */
  readonly membersInferred: boolean;
  readonly files: number;
  /** Files of the area I am a DOA author of, and those where I am the only one. */
  readonly myKnownFiles: number;
  readonly mySoleKnownFiles: number;
  /** The area is mine (I own it or am on the owning team): no nudge, not part of my footprint. */
  readonly isMine: boolean;
  /** Of my solo commits, those an AI agent helped with (agent author or co-author, a trailer or footer). */
  readonly aiAssistedCommits: number;
  /** Decision-bearing files my solo commits changed, repo-relative, named as after the window's last commit. */
  readonly decisionFiles: readonly string[];
  /** Lines others wrote that my solo commits replaced: null until read (for nudge areas, and on demand). */
  readonly othersLinesReplaced: LinesReplaced | null;
  /** My dives into the area over the last 365 days, oldest first (none in an area of mine). */
  readonly dives: readonly Dive[];
  /**
   * The owners' changes in the area over the last 365 days, oldest first, for what followed a
   * handoff; only in team areas where I made changes in that time (empty elsewhere).
   */
  readonly ownerChanges: ReadonlyArray<{ readonly timeSeconds: number; readonly name: string }>;
}
