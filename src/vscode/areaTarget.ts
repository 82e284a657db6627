import * as vscode from 'vscode';
import type { AreaReport } from '../core/analysis/areaReport';
import { percent } from '../core/text/wording';
import type { MultiplierSettings } from '../core/config/settingTypes';
import type { AnalysisSnapshot } from '../core/scan/analysisSnapshot';
import { activeFileContext } from './statusBar';
import type { WorkspaceAnalyses, WorkspaceFolderAnalysis } from './workspaceAnalyses';

/** An area a command acts on, with the scan it came from. */
export interface AreaTarget {
  readonly analysis: WorkspaceFolderAnalysis;
  readonly scan: AnalysisSnapshot;
  /** The settings `scan` was read with. */
  readonly settings: MultiplierSettings;
  readonly area: AreaReport;
}

/** The active file's owned area, if history has been read and the file is in one. */
export function activeAreaTarget(analyses: WorkspaceAnalyses): AreaTarget | undefined {
  const active = activeFileContext(analyses, vscode.window.activeTextEditor?.document.uri);
  const analysis = active && analyses.forUri(active.folder.uri);
  return active?.area && analysis ? targetIn(analysis, active.area) : undefined;
}

/** An area of the folder's current reading as a command target. */
function targetIn(analysis: WorkspaceFolderAnalysis, area: AreaReport | undefined): AreaTarget | undefined {
  const { scan, settings } = analysis.state;
  return scan && settings && area ? { analysis, scan, settings, area } : undefined;
}

/**
 * The active file's area, or one the user picks from every owned area where they made changes
 * (nudges first). Returns undefined when the user dismisses the pick or there is nothing to pick.
 */
export async function chooseAreaTarget(analyses: WorkspaceAnalyses, placeHolder: string): Promise<AreaTarget | undefined> {
  const active = activeAreaTarget(analyses);
  if (active) return active;
  const candidates = analyses.all().flatMap((analysis) =>
    (analysis.state.scan?.areas ?? []).filter((area) => area.myCommits > 0).flatMap((area) => targetIn(analysis, area) ?? []),
  );
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Multiplier: you have no recent changes in a team-owned area. Open a file in one, or wait until history has been read.'),
    );
    return undefined;
  }
  const multiRoot = analyses.all().length > 1;
  const picked = await vscode.window.showQuickPick(
    candidates.map((target) => ({
      label: target.area.area,
      description: `${target.area.owners.join(', ')}${multiRoot ? ` · ${target.analysis.folder.name}` : ''}`,
      detail: areaShareDetail(target.area),
      target,
    })),
    { placeHolder, matchOnDescription: true },
  );
  return picked?.target;
}

/** An area named by a command argument `{ folder: uri string, areaKey }`, if it still exists. */
export function areaTargetFromArgument(analyses: WorkspaceAnalyses, argument: unknown): AreaTarget | undefined {
  if (typeof argument !== 'object' || argument === null) return undefined;
  const { folder, areaKey } = argument as { folder?: unknown; areaKey?: unknown };
  if (typeof folder !== 'string' || typeof areaKey !== 'string') return undefined;
  const analysis = analyses.all().find((a) => a.folder.uri.toString() === folder);
  return analysis && targetIn(analysis, analysis.state.scan?.areas.find((a) => a.key === areaKey));
}

/** "You made 6 of 8 changes (75%) · primary author". */
function areaShareDetail(area: AreaReport): string {
  const share = percent(area.myShare);
  const made = area.commits === 1 ? vscode.l10n.t('You made {0} of 1 change ({1})', area.soloCommits, share) : vscode.l10n.t('You made {0} of {1} changes ({2})', area.soloCommits, area.commits, share);
  return area.level === 'nudge' ? `${made} · ${vscode.l10n.t('primary author')}` : made;
}
