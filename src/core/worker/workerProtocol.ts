/**
 * Messages between the extension host and the analysis worker thread (structured-clone data).
 * A scan is read once and kept in the worker under its scan id; questions name the scan they are
 * about, so an answer always comes from the reading the asker saw. To add a question: a row in
 * `Questions`, an answerer in `src/analysisWorker.ts`, and callers use `FolderAnalysis.ask`.
 */
import type { AreaLinesReplaced } from '../analysis/linesReplaced';
import type { MultiplierSettings } from '../config/settingTypes';
import type { GitFailureKind } from '../git/gitFailure';
import type { AnalysisSnapshot } from '../scan/analysisSnapshot';
import type { IdentityReport } from '../setup/identityReport';
import type { TeamInference } from '../setup/teamInference';

/** Every on-demand question about a scan: what it takes, and what it answers. */
export interface Questions {
  /** The handoff note for one area (reads the worktree and my commits' patches). */
  readonly handoff: { readonly args: { readonly areaKey: string }; readonly answer: string };
  /** Who counts as me, and who looks like me (Confirm My Identity). */
  readonly identity: { readonly args: Record<string, never>; readonly answer: IdentityReport };
  /** The members inference gives each team of the ownership rules (Import Teams). */
  readonly teamsDraft: { readonly args: Record<string, never>; readonly answer: TeamInference };
  /**
   * The lines others wrote that my changes replaced, per area (git blame: read after each scan for
   * nudge areas, and on demand for *Why*); bounded, so `complete` may be false.
   */
  readonly linesReplaced: { readonly args: { readonly areaKeys: readonly string[] }; readonly answer: readonly AreaLinesReplaced[] };
}


export type QuestionKind = keyof Questions;
export type QuestionArgs<K extends QuestionKind> = Questions[K]['args'];
export type Answer<K extends QuestionKind> = Questions[K]['answer'];

export interface ScanRequest {
  readonly folder: string;
  readonly settings: MultiplierSettings;
  readonly nowSeconds: number;
  readonly gitPath: string;
  /** Where history indexes are cached (the extension's storage), or none. */
  readonly cacheDir: string | undefined;
}

export type WorkerRequest =
  | ({ readonly type: 'scan'; readonly id: number } & ScanRequest)
  | { readonly type: 'ask'; readonly id: number; readonly scanId: string; readonly kind: QuestionKind; readonly args: QuestionArgs<QuestionKind> }
  | { readonly type: 'cancel'; readonly id: number };

/** How a failure crossed the thread boundary: enough to rebuild the error on the host. */
export type FailureJson =
  | { readonly error: 'git'; readonly kind: GitFailureKind; readonly message: string }
  | { readonly error: 'stale-scan'; readonly scanId: string }
  | { readonly error: 'area-not-found'; readonly area: string }
  | { readonly error: 'cancelled'; readonly message: string }
  | { readonly error: 'internal'; readonly message: string };

export type WorkerResponse =
  | { readonly type: 'progress'; readonly id: number; readonly message: string }
  | { readonly type: 'scanned'; readonly id: number; readonly snapshot: AnalysisSnapshot }
  | { readonly type: 'answer'; readonly id: number; readonly kind: QuestionKind; readonly answer: Answer<QuestionKind> }
  | { readonly type: 'failed'; readonly id: number; readonly failure: FailureJson }
  | { readonly type: 'log'; readonly level: 'info' | 'warn'; readonly message: string };
