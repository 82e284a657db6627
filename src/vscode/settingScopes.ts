import * as vscode from 'vscode';
import type { ScopedValues, SettingScope } from '../core/setup/aliases';

export const CONFIGURATION_TARGETS: Record<SettingScope, vscode.ConfigurationTarget> = {
  user: vscode.ConfigurationTarget.Global,
  workspace: vscode.ConfigurationTarget.Workspace,
  folder: vscode.ConfigurationTarget.WorkspaceFolder,
};

type Inspected<T> = { globalValue?: T; workspaceValue?: T; workspaceFolderValue?: T } | undefined;

/** A scope as the scope pick names it. */
export function scopeName(scope: SettingScope): string {
  if (scope === 'user') return vscode.l10n.t('User settings');
  if (scope === 'workspace') return vscode.l10n.t('the workspace settings');
  return vscode.workspace.workspaceFile ? vscode.l10n.t("the folder's settings") : vscode.l10n.t('the workspace settings (.vscode/settings.json)');
}

/**
 * A setting as written at each scope. In a window with one folder and no .code-workspace file the
 * folder's `.vscode/settings.json` is the workspace settings: it is reported once, as the folder.
 */
export function scopedValues<T>(inspected: Inspected<T>): ScopedValues {
  if (!inspected) return {};
  if (!vscode.workspace.workspaceFile) return { user: inspected.globalValue, folder: inspected.workspaceFolderValue ?? inspected.workspaceValue };
  return { user: inspected.globalValue, workspace: inspected.workspaceValue, folder: inspected.workspaceFolderValue };
}

/** The value written in the folder's own settings, if any. */
export function folderScopeValue<T>(inspected: Inspected<T>): unknown {
  return scopedValues(inspected).folder;
}

export function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
