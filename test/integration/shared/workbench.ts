import * as path from 'node:path';
import * as vscode from 'vscode';
import { statusBarItems, visibleText, waitFor, type StatusBarItemView } from '../harness/uiProbe';

export const NUDGE_ITEM_ID = 'multiplier.multiplier.multiplier.nudge';

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return folder;
}

export async function openFile(relativePath: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.file(path.join(workspaceFolder().uri.fsPath, relativePath));
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
}

/** The Multiplier item as the page shows it, or undefined when it is not shown. */
export async function nudgeItem(): Promise<StatusBarItemView | undefined> {
  return (await statusBarItems()).find((item) => item.id === NUDGE_ITEM_ID);
}

export function waitForNudgeItem(accept: (item: StatusBarItemView | undefined) => boolean, timeoutMs = 20_000): Promise<StatusBarItemView | undefined> {
  return waitFor(nudgeItem, accept, timeoutMs);
}

export async function activateExtension(): Promise<void> {
  const extension = vscode.extensions.getExtension('multiplier.multiplier');
  if (!extension) throw new Error('multiplier.multiplier is not installed');
  await extension.activate();
}

/**
 * Waits until the quick input shows an input box whose prompt contains `prompt` (the step after a
 * quick pick): accepting before it is there would accept the pick's next step too early.
 */
export function waitForInputBox(prompt: string, timeoutMs = 10_000): Promise<string> {
  return waitFor(() => visibleText('.quick-input-widget .quick-input-message'), (text) => text.includes(prompt), timeoutMs);
}
