import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Multiplier', { log: true });
  context.subscriptions.push(log);
  log.info('[activate] Multiplier activated');
}

export function deactivate(): void {
  // Everything is registered on context.subscriptions and disposed by VS Code.
}
