import * as vscode from 'vscode';
import { SETTING_KEYS, validateSettings, type MultiplierSettings, type SettingProblem } from '../core/config/settings';

const SECTION = 'multiplier';

export interface FolderSettings {
  readonly settings: MultiplierSettings;
  readonly problems: readonly SettingProblem[];
}

/**
 * The one typed configuration reader: VS Code's resolved values for a folder (user, workspace
 * and the folder's `.vscode/settings.json`), validated by the core. Nothing caches settings
 * globally; each read asks VS Code.
 */
export function readFolderSettings(folder: vscode.Uri): FolderSettings {
  const configuration = vscode.workspace.getConfiguration(undefined, folder);
  return validateSettings((key) => (SETTING_KEYS.includes(key as (typeof SETTING_KEYS)[number]) ? configuration.get(key) : undefined));
}

/** Fires for changes that affect Multiplier in the given folder. */
export function affectsMultiplier(event: vscode.ConfigurationChangeEvent, folder: vscode.Uri): boolean {
  return event.affectsConfiguration(SECTION, folder);
}
