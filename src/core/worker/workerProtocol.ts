/** Messages between the extension host and the analysis worker thread (structured-clone data). */
import type { MultiplierSettings } from '../config/settings';
import type { GitFailureKind } from '../git/gitFailure';
import type { AnalysisSnapshot } from '../scan/analysisSnapshot';
import type { IdentityReport } from '../setup/identityReport';
import type { TeamInference } from '../setup/teamInference';

export type WorkerRequest =
  | {
      readonly type: 'scan';
      readonly id: number;
      readonly folder: string;
      readonly settings: MultiplierSettings;
      readonly nowSeconds: number;
      readonly gitPath: string;
      /** Where history indexes are cached (the extension's storage), or none. */
      readonly cacheDir: string | undefined;
    }
  | { readonly type: 'handoff'; readonly id: number; readonly topLevel: string; readonly areaKey: string }
  /** The members inference gives each team of the ownership rules, from the latest scan (Import Teams). */
  | { readonly type: 'teamsDraft'; readonly id: number; readonly topLevel: string }
  /** Who counts as me in the latest scan, and who looks like me (Confirm My Identity). */
  | { readonly type: 'identity'; readonly id: number; readonly topLevel: string }
  | { readonly type: 'cancel'; readonly id: number };

export type WorkerResponse =
  | { readonly type: 'progress'; readonly id: number; readonly message: string }
  | { readonly type: 'scanned'; readonly id: number; readonly snapshot: AnalysisSnapshot }
  | { readonly type: 'handoff'; readonly id: number; readonly markdown: string }
  | { readonly type: 'teamsDraft'; readonly id: number; readonly inference: TeamInference }
  | { readonly type: 'identity'; readonly id: number; readonly report: IdentityReport }
  | { readonly type: 'failed'; readonly id: number; readonly kind: GitFailureKind | 'internal'; readonly message: string }
  | { readonly type: 'log'; readonly level: 'info' | 'warn'; readonly message: string };
