import * as vscode from 'vscode';
import { GitFailure } from '../core/git/gitFailure';
import type { Logger } from './logger';

/**
 * The one wrapper every command goes through: an error becomes a specific message with a
 * "Show Log" button and a log line; nothing is swallowed.
 */
export function registerCommand(name: string, logger: Logger, handler: (...args: unknown[]) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(name, async (...args: unknown[]) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof GitFailure && error.kind === 'cancelled') return undefined;
      const message = error instanceof Error ? error.message : String(error);
      logger.error(`${name} failed`, error);
      const choice = await vscode.window.showErrorMessage(`Multiplier: ${message}`, 'Show Log');
      if (choice === 'Show Log') logger.show();
      return undefined;
    }
  });
}
