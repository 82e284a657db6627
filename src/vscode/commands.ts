import * as vscode from 'vscode';
import { activeAssist, activeSnooze } from '../core/assists/timeBoxes';
import { allDives } from '../core/analysis/dives';
import { explainArea } from '../core/presentation/explanation';
import { toSeconds } from '../core/time';
import { timeBoxLines } from '../core/presentation/statusView';
import { activeAreaTarget, areaTargetFromArgument, chooseAreaTarget, type AreaTarget } from './areaTarget';
import { addCoAuthor } from './coAuthorCommand';
import { COMMANDS } from './commandIds';
import { registerCommand } from './commandRunner';
import { formatTime } from './formatTime';
import { confirmIdentity } from './identityCommand';
import { importTeams } from './importTeamsCommand';
import { rememberHandoff } from './handoffLoop';
import { openHandoffNote } from './handoffNote';
import type { HandoffStore } from './handoffStore';
import type { Logger } from './logger';
import { activeFileContext } from './statusBar';
import { showSuggestions } from './suggestionsQuickPick';
import { endAssist, snooze, startAssist } from './timeBoxCommands';
import type { TimeBoxStore } from './timeBoxStore';
import type { WorkspaceAnalyses } from './workspaceAnalyses';

export interface CommandDependencies {
  readonly analyses: WorkspaceAnalyses;
  readonly timeBoxes: TimeBoxStore;
  readonly handoffs: HandoffStore;
  readonly footprint: { show(): Promise<void> };
  readonly logger: Logger;
  readonly clock: () => number;
}

/** Registers every contributed command through the one error wrapper. */
export function registerCommands(deps: CommandDependencies): vscode.Disposable[] {
  const { analyses, timeBoxes, handoffs, footprint, logger, clock } = deps;
  /** Writing the note hands the area back: the footprint then shows what followed. */
  const writeHandoffNote = async (target: AreaTarget): Promise<void> => {
    await openHandoffNote(target);
    rememberHandoff(handoffs, target.analysis, target.area.key, target.area.area, clock(), logger.child('handoffs'));
  };
  // A command may be given an area (`{ folder, areaKey }`, e.g. from the assist-ended
  // notification); otherwise it acts on the active file's area or asks.
  const withArea = (placeHolder: string, run: (target: AreaTarget) => Promise<unknown>) => async (...args: unknown[]) => {
    const target = areaTargetFromArgument(analyses, args[0]) ?? (await chooseAreaTarget(analyses, placeHolder));
    if (target) await run(target);
  };
  const handlers: Record<(typeof COMMANDS)[keyof typeof COMMANDS], (...args: unknown[]) => Promise<unknown> | unknown> = {
    [COMMANDS.showSuggestions]: withArea(vscode.l10n.t('Suggestions for which area?'), (target) => showSuggestions(target, timeBoxes, clock())),
    [COMMANDS.writeHandoffNote]: withArea(vscode.l10n.t('Write the handoff note for which area?'), writeHandoffNote),
    [COMMANDS.startAssist]: withArea(vscode.l10n.t('Time-box your help in which area?'), async (target) => {
      if (await startAssist(target, timeBoxes, clock())) void vscode.window.showInformationMessage(vscode.l10n.t('Nudges for {0} are paused while you help.', target.area.area));
    }),
    [COMMANDS.endAssist]: withArea(vscode.l10n.t('End your help in which area?'), async (target) => {
      if (!(await endAssist(target, timeBoxes, clock()))) return;
      rememberHandoff(handoffs, target.analysis, target.area.key, target.area.area, clock(), logger.child('handoffs'));
      const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Your help in {0} has ended. Write the handoff note?', target.area.area), vscode.l10n.t('Write Handoff Note'));
      if (choice) await writeHandoffNote(target);
    }),
    [COMMANDS.snooze]: withArea(vscode.l10n.t('Snooze nudges for which area?'), (target) => snooze(target, timeBoxes, clock())),
    [COMMANDS.showWhy]: withArea(vscode.l10n.t('Explain which area?'), async (target) => {
      const folder = target.analysis.folder.uri.toString();
      const now = clock();
      const boxes = timeBoxLines(activeAssist(timeBoxes.boxes, folder, target.area.key, now), activeSnooze(timeBoxes.boxes, folder, target.area.key, now), (ms) => formatTime(ms, now));
      const { settings } = target;
      const area = await withLinesReplaced(target);
      const content = explainArea(area, {
        windowDays: settings.windowDays,
        threshold: settings.nudge.shareThreshold,
        minCommits: settings.nudge.minCommits,
        timeBoxes: boxes,
        yearDives: allDives(target.scan.areas),
        nowSeconds: toSeconds(now),
      });
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content }), { preview: true });
    }),
    [COMMANDS.addCoAuthor]: (scmArgument) => addCoAuthor(analyses, scmArgument),
    [COMMANDS.showOwnership]: () => showOwnership(analyses),
    [COMMANDS.showFootprint]: () => footprint.show(),
    [COMMANDS.confirmIdentity]: () => confirmIdentity(analyses, logger.child('setup')),
    [COMMANDS.importTeams]: () => importTeams(analyses, logger.child('setup')),
    // Read History Again: the user doubts what they see, so the cache is bypassed.
    [COMMANDS.refresh]: () => analyses.refreshAll('asked by the user', true),
    [COMMANDS.showLog]: () => logger.show(),
  };
  return Object.entries(handlers).map(([id, handler]) => registerCommand(id, logger, handler));
}

/** The target's area with the lines my changes replaced, read on demand when the scan has not yet. */
async function withLinesReplaced(target: AreaTarget): Promise<AreaTarget['area']> {
  if (target.area.othersLinesReplaced !== null) return target.area;
  const answers = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Multiplier: reading whose lines your changes replaced in {0}', target.area.area) },
    () => target.analysis.ask('linesReplaced', { areaKeys: [target.area.key] }),
  );
  return { ...target.area, othersLinesReplaced: answers.find((answer) => answer.areaKey === target.area.key)?.linesReplaced ?? null };
}

/** "Show Ownership of Current File": the governing rule and owners, in one message. */
async function showOwnership(analyses: WorkspaceAnalyses): Promise<void> {
  const uri = vscode.window.activeTextEditor?.document.uri;
  const active = activeFileContext(analyses, uri);
  if (!active || !uri) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Multiplier: open a file of a workspace folder to see who owns it.'));
    return;
  }
  const target = activeAreaTarget(analyses);
  const name = active.relativePath || uri.fsPath;
  if (!target) {
    const state = analyses.forUri(uri)?.state;
    const message = state?.scan
      ? vscode.l10n.t('Multiplier: {0} has no owning team (no ownership rule with owners matches it).', name)
      : vscode.l10n.t('Multiplier: {0} has no owning team (history has not been read yet).', name);
    void vscode.window.showInformationMessage(message);
    return;
  }
  const { area } = target;
  const source = area.source === 'settings' ? 'multiplier.ownershipMap' : area.sourcePath;
  void vscode.window.showInformationMessage(vscode.l10n.t('{0} is in {1}, owned by {2} ({3}).', name, area.area, area.owners.join(', '), source));
}
