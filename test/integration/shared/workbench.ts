import * as path from 'node:path';
import * as vscode from 'vscode';
import { statusBarItems, waitFor, type StatusBarItemView } from '../harness/uiProbe';

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
