import * as vscode from 'vscode';
import { GitFailure } from '../core/git/gitFailure';
import { AnalysisUnavailable, RequestCancelled } from '../core/worker/analysisErrors';
import type { Logger } from './logger';


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
      const showLog = vscode.l10n.t('Show Log');
      const choice = await vscode.window.showErrorMessage(vscode.l10n.t('Multiplier: {0}', message), showLog);
      if (choice === showLog) logger.show();
      return undefined;
    }
  });
}

/** Not awaited: the command is done; the message stays until the person dismisses it. */
function explainUnavailable(error: AnalysisUnavailable): void {
  const message = vscode.l10n.t('Multiplier: {0}', error.message);
  if (error.reason !== 'restricted') {
    void vscode.window.showInformationMessage(message);
    return;
  }
  const manageTrust = vscode.l10n.t('Manage Workspace Trust');
  void vscode.window.showWarningMessage(message, manageTrust).then(async (choice) => {
    if (choice === manageTrust) await vscode.commands.executeCommand('workbench.trust.manage');
  });
}
