import { availableParallelism } from 'node:os';

/** How a history read is split over git processes. */
export interface ReadPlan {
  /** Git processes run at once (one per core; 1 reads the history in one piece). */
  readonly processes: number;
  /** A piece is never smaller than this, so a small read stays one process. */
  readonly minPieceCommits: number;
}

/**
 * More pieces than processes: the cost of a commit's diff varies along history (a first-parent
 * midpoint split left one half three times the other), so each process slot takes the next piece as it
 * finishes one, and uneven pieces even out. Four per process keeps the spooled output small.
 */
const PIECES_PER_PROCESS = 4;
/** Beyond this many cores git's output outruns the single thread that replays it. */
const MAX_PROCESSES = 4;

export function defaultReadPlan(): ReadPlan {
  return { processes: Math.max(1, Math.min(MAX_PROCESSES, availableParallelism())), minPieceCommits: 4000 };
}

/**
 * Splits commit ids (one per line, oldest first) into consecutive pieces of nearly equal commit
 * counts, each still one id per line: read in order, the pieces are the whole list.
 */
export function splitCommitIds(ids: Uint8Array, plan: ReadPlan): Uint8Array[] {
  const lineEnds: number[] = [];
  for (let at = ids.indexOf(10); at !== -1; at = ids.indexOf(10, at + 1)) lineEnds.push(at);
  const count = lineEnds.length;
  if (count === 0) return [];
  const pieces = plan.processes <= 1 ? 1 : Math.max(1, Math.min(plan.processes * PIECES_PER_PROCESS, Math.floor(count / Math.max(1, plan.minPieceCommits))));
  const result: Uint8Array[] = [];
  let start = 0;
  for (let piece = 1; piece <= pieces; piece++) {
    const end = (lineEnds[Math.floor((piece * count) / pieces) - 1] as number) + 1;
    result.push(ids.subarray(start, end));
    start = end;
  }
  return result;
}
