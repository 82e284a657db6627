import type { Assist } from '../core/assists/timeBoxes';
import type { HandoffStore } from './handoffStore';
import type { Logger } from './logger';
import type { WorkspaceAnalyses, WorkspaceFolderAnalysis } from './workspaceAnalyses';

/**
 * Remembers that I handed an area back at `atMs` (a handoff note written, a time box ended), with
 * my share then: at once when the folder's history has been read, otherwise as soon as it is
 * (a time box that ended while VS Code was closed is found at start-up, before the first read).
 */
export function rememberHandoff(store: HandoffStore, analysis: WorkspaceFolderAnalysis, areaKey: string, areaName: string, atMs: number, logger: Logger): void {
  const record = (): boolean => {
    const scan = analysis.state.scan;
    if (!scan) return false;
    const area = scan.areas.find((a) => a.key === areaKey);
    store.remember({ folder: analysis.folder.uri.toString(), areaKey, areaName: area?.area ?? areaName, atMs, share: area?.myShare ?? 0 }).then(undefined, (error: unknown) => logger.error(`could not remember the handoff of ${areaName}`, error));
    return true;
  };
  if (record()) return;
  const subscription = analysis.onDidChange((state) => {
    if (state.scan && record()) subscription.dispose();
  });
}

/** Each ended time box is a handoff, dated when it ended. */
export function rememberEndedAssists(store: HandoffStore, analyses: WorkspaceAnalyses, ended: readonly Assist[], logger: Logger): void {
  for (const assist of ended) {
    const analysis = analyses.all().find((a) => a.folder.uri.toString() === assist.folder);
    if (analysis) rememberHandoff(store, analysis, assist.areaKey, assist.areaName, assist.until, logger);
  }
}
