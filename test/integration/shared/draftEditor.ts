/**
 * The setting drafts (Import Teams, Draft Ownership Map) as a person meets them: an untitled JSONC
 * editor holding `{ "<setting>": … }`, and a confirmation toast with "Write to Workspace Settings".
 */
import * as assert from 'node:assert/strict';
import { parse } from 'jsonc-parser';
import * as vscode from 'vscode';
import { waitFor } from '../harness/uiProbe';
import { workspaceFolder } from './workbench';

/** The confirmation toast (Playwright's `:has-text` picks it among other notifications). */
export const CONFIRMATION = '.notifications-toasts .notification-toast:has-text("Write to Workspace Settings")';

/** The untitled JSONC editor a draft command opens. */
export async function draftEditor(): Promise<vscode.TextEditor> {
  const editor = await waitFor(
    async () => vscode.window.activeTextEditor,
    (e) => e?.document.isUntitled === true && e.document.languageId === 'jsonc',
    20_000,
  );
  assert.ok(editor);
  return editor;
}

/** The value the draft holds for `key` (`multiplier.teams`, `multiplier.ownershipMap`). */
export function draftedValue(editor: vscode.TextEditor, key: string): Record<string, string[]> {
  const parsed = parse(editor.document.getText()) as Record<string, Record<string, string[]> | undefined>;
  const value = parsed[key];
  assert.ok(value, `the draft holds "${key}"`);
  return value;
}

/** A `multiplier.*` setting as it applies to the workspace folder (`teams`, `ownershipMap`). */
export function folderSetting(name: string): unknown {
  return vscode.workspace.getConfiguration('multiplier', workspaceFolder().uri).get(name);
}
