import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Assist } from './core/assists/timeBoxes';
import { registerCommands } from './vscode/commands';
import { FootprintPanel } from './vscode/footprintPanel';
import { rememberEndedAssists } from './vscode/handoffLoop';
import { HandoffStore } from './vscode/handoffStore';
import { AnalysisWorkerClient } from './vscode/analysisWorkerClient';
import { GitLocator } from './vscode/gitPath';
import { createLogger } from './vscode/logger';
import { NudgeStatusBar } from './vscode/statusBar';
import { TimeBoxStore } from './vscode/timeBoxStore';
import { WorkspaceAnalyses } from './vscode/workspaceAnalyses';
import { COMMANDS } from './vscode/commandIds';

/** When this bundle was loaded: activation time is measured from here, as VS Code counts it. */
const loadedAt = performance.now();

/** What activate returns: only a measurement, read by the integration tests. */
export interface MultiplierExports {
  readonly activationMs: number;
}

/** Wires the services to one disposal root; everything else lives in src/vscode and src/core. */
export function activate(context: vscode.ExtensionContext): MultiplierExports {
  const clock = (): number => Date.now();
  const channel = vscode.window.createOutputChannel('Multiplier', { log: true });
  const logger = createLogger(channel);
  const worker = new AnalysisWorkerClient(path.join(context.extensionPath, 'dist', 'analysisWorker.js'), logger.child('worker'));
  const git = new GitLocator(logger.child('git'));
  const analyses = new WorkspaceAnalyses(
    {
      worker,
      // Resolved on the first read, never in Restricted Mode (no read happens there).
      gitPath: () => git.path(),
      cacheDir: path.join(context.globalStorageUri.fsPath, 'history-index'),
      logger: logger.child('history'),
      clock,
    },
  );
  const handoffs = new HandoffStore(context.workspaceState, clock);
  const timeBoxes = new TimeBoxStore(context.workspaceState, clock, (ended) => {
    rememberEndedAssists(handoffs, analyses, ended, logger.child('handoffs'));
    offerHandoffAfter(ended);
  });
  const statusBar = new NudgeStatusBar(analyses, timeBoxes, clock);
  const footprint = new FootprintPanel(context, analyses, timeBoxes, handoffs, clock, logger.child('footprint'));
  context.subscriptions.push(channel, worker, analyses, timeBoxes, handoffs, statusBar, footprint, ...registerCommands({ analyses, timeBoxes, handoffs, footprint, logger, clock }));
  void timeBoxes.checkEnded();
  const activationMs = performance.now() - loadedAt;
  logger.info(`activated in ${activationMs.toFixed(1)} ms${vscode.workspace.isTrusted ? '' : ' (Restricted Mode: no git will run)'}`);
  return { activationMs };
}

/** One gentle notification per ended assist, offering the handoff note. */
function offerHandoffAfter(ended: readonly Assist[]): void {
  for (const assist of ended) {
    void vscode.window
      .showInformationMessage(vscode.l10n.t('Your time-boxed help in {0} has ended. Hand it back with a note?', assist.areaName), vscode.l10n.t('Write Handoff Note'))
      .then((choice) => (choice ? vscode.commands.executeCommand(COMMANDS.writeHandoffNote, { folder: assist.folder, areaKey: assist.areaKey }) : undefined));
  }
}

export function deactivate(): void {
  // Everything is registered on context.subscriptions and disposed by VS Code.
}
