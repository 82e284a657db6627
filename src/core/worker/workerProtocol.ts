/** Messages between the extension host and the analysis worker thread (structured-clone data). */
import type { MultiplierSettings } from '../config/settings';
import type { GitFailureKind } from '../git/gitFailure';
import type { AnalysisSnapshot } from '../scan/analysisSnapshot';

export type WorkerRequest =
  | {
      readonly type: 'scan';
      readonly id: number;
      readonly folder: string;
      readonly settings: MultiplierSettings;
      readonly now: number;
      readonly gitPath: string;
      /** Where history indexes are cached (the extension's storage), or none. */
      readonly cacheDir: string | undefined;
    }
  | { readonly type: 'handoff'; readonly id: number; readonly topLevel: string; readonly areaKey: string }
  | { readonly type: 'cancel'; readonly id: number };

export type WorkerResponse =
  | { readonly type: 'progress'; readonly id: number; readonly message: string }
  | { readonly type: 'scanned'; readonly id: number; readonly snapshot: AnalysisSnapshot }
  | { readonly type: 'handoff'; readonly id: number; readonly markdown: string }
  | { readonly type: 'failed'; readonly id: number; readonly kind: GitFailureKind | 'internal'; readonly message: string }
  | { readonly type: 'log'; readonly level: 'info' | 'warn'; readonly message: string };
