import * as vscode from 'vscode';
import { GitFailure } from '../core/git/gitFailure';
import { AnalysisUnavailable, RequestCancelled } from '../core/worker/analysisErrors';
import type { Logger } from './logger';

const SHOW_LOG = 'Show Log';
const MANAGE_TRUST = 'Manage Workspace Trust';

/**
 * The one wrapper every command goes through: an error becomes a specific message with a
 * "Show Log" button and a log line; nothing is swallowed. A folder with nothing to read (off,
 * untrusted, not a repository) is an answer, not a failure: it is said as information.
 */
export function registerCommand(name: string, logger: Logger, handler: (...args: unknown[]) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(name, async (...args: unknown[]) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof RequestCancelled || (error instanceof GitFailure && error.kind === 'cancelled')) return undefined;
      if (error instanceof AnalysisUnavailable && error.reason !== 'read-failed') {
        logger.info(`${name}: ${error.message}`);
        explainUnavailable(error);
        return undefined;
      }
      const message = error instanceof Error ? error.message : String(error);
      logger.error(`${name} failed`, error);
      const choice = await vscode.window.showErrorMessage(`Multiplier: ${message}`, SHOW_LOG);
      if (choice === SHOW_LOG) logger.show();
      return undefined;
    }
  });
}

/** Not awaited: the command is done; the message stays until the person dismisses it. */
function explainUnavailable(error: AnalysisUnavailable): void {
  if (error.reason !== 'restricted') {
    void vscode.window.showInformationMessage(`Multiplier: ${error.message}`);
    return;
  }
  void vscode.window.showWarningMessage(`Multiplier: ${error.message}`, MANAGE_TRUST).then(async (choice) => {
    if (choice === MANAGE_TRUST) await vscode.commands.executeCommand('workbench.trust.manage');
  });
}
