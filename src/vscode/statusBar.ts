import * as vscode from 'vscode';
import type { AreaReport } from '../core/analysis/areaReport';
import { allDives, type Dive } from '../core/analysis/dives';
import type { AnalysisSnapshot } from '../core/scan/analysisSnapshot';
import { toSeconds } from '../core/time';
import { activeAssist, activeSnooze } from '../core/assists/timeBoxes';
import { statusView, type StatusView } from '../core/presentation/statusView';
import { COMMANDS } from './commandIds';
import type { TimeBoxStore } from './timeBoxStore';
import type { WorkspaceAnalyses } from './workspaceAnalyses';
import { formatTime } from './formatTime';
import { repoRelativePath } from './repoPath';

export const STATUS_BAR_ID = 'multiplier.nudge';

/** The active file's place in the analysis: its folder, repo-relative path and owned area. */
export interface ActiveFileContext {
  readonly folder: vscode.WorkspaceFolder;
  readonly relativePath: string;
  readonly area: AreaReport | undefined;
}

/** Where the active editor's file stands, or undefined for untitled files and other schemes. */
export function activeFileContext(analyses: WorkspaceAnalyses, uri: vscode.Uri | undefined): ActiveFileContext | undefined {
  if (!uri || uri.scheme !== 'file') return undefined;
  const analysis = analyses.forUri(uri);
  if (!analysis) return undefined;
  const scan = analysis.state.scan;
  const relativePath = repoRelativePath(scan?.repository.topLevel ?? analysis.folder.uri.fsPath, uri.fsPath);
  if (relativePath === undefined) return { folder: analysis.folder, relativePath: '', area: undefined };
  return { folder: analysis.folder, relativePath, area: analysis.state.areaOf(relativePath) };
}

/**
 * The one status bar item. Its content is derived from state (analysis, active editor, time
 * boxes) on every relevant event; the derivation itself is the pure `statusView`.
 */
export class NudgeStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(STATUS_BAR_ID, vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private lastView: StatusView | undefined;

  constructor(
    private readonly analyses: WorkspaceAnalyses,
    private readonly timeBoxes: TimeBoxStore,
    private readonly clock: () => number,
  ) {
    this.item.name = vscode.l10n.t('Multiplier');
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      analyses.onDidChange(() => this.update()),
      timeBoxes.onDidChange(() => this.update()),
    );
    this.update();
  }

  /** What the item shows now (also read by the "Why" command). */
  get view(): StatusView | undefined {
    return this.lastView;
  }

  update(): void {
    const active = activeFileContext(this.analyses, vscode.window.activeTextEditor?.document.uri);
    const state = active ? this.analyses.forUri(active.folder.uri)?.state : undefined;
    const now = this.clock();
    const boxes = this.timeBoxes.boxes;
    const folderKey = active?.folder.uri.toString() ?? '';
    const areaKey = active?.area?.key ?? '';
    const view = statusView({
      status: state?.status,
      area: active?.area,
      assist: active?.area ? activeAssist(boxes, folderKey, areaKey, now) : undefined,
      snooze: active?.area ? activeSnooze(boxes, folderKey, areaKey, now) : undefined,
      problems: (state?.problems ?? []).map((p) => `Setting ${p.key} ${p.message}.`),
      formatTime: (ms) => formatTime(ms, now),
      dives: state?.scan ? { year: yearDivesOf(state.scan), nowSeconds: toSeconds(now) } : undefined,
    });
    this.lastView = view;
    this.render(view);
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }

  private render(view: StatusView): void {
    if (!view.visible) {
      this.item.hide();
      return;
    }
    this.item.text = view.text;
    const tooltip = new vscode.MarkdownString(view.tooltip, true);
    tooltip.isTrusted = false;
    tooltip.supportHtml = false;
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: view.ariaLabel, role: view.action === 'none' ? undefined : 'button' };
    this.item.command = commandFor(view);
    this.item.show();
  }
}

/** Every dive of a reading's year, worked out once per reading: the status bar updates on every editor change. */
const yearDives = new WeakMap<AnalysisSnapshot, readonly Dive[]>();
function yearDivesOf(snapshot: AnalysisSnapshot): readonly Dive[] {
  let dives = yearDives.get(snapshot);
  if (!dives) {
    dives = allDives(snapshot.areas);
    yearDives.set(snapshot, dives);
  }
  return dives;
}

function commandFor(view: StatusView): vscode.Command | undefined {
  switch (view.action) {
    case 'suggestions':
      return { command: COMMANDS.showSuggestions, title: vscode.l10n.t('Show suggestions') };
    case 'log':
      return { command: COMMANDS.showLog, title: vscode.l10n.t('Show log') };
    case 'manageTrust':
      return { command: 'workbench.trust.manage', title: vscode.l10n.t('Manage workspace trust') };
    default:
      return undefined;
  }
}
