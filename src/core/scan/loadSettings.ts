import * as fs from 'node:fs/promises';
import { DEFAULT_SETTINGS, validateSettings, type MultiplierSettings, type SettingProblem } from '../config/settings';
import { parseSettingsJson, settingsReaderFromValues } from '../config/settingsFile';
import type { WorkspaceFiles } from '../workspaceFiles';

export const SETTINGS_FILE = '.vscode/settings.json';
const MAX_SETTINGS_BYTES = 1024 * 1024;

export interface LoadedSettings {
  readonly settings: MultiplierSettings;
  readonly problems: readonly SettingProblem[];
  /** Where the settings came from, or undefined when defaults were used. */
  readonly source: string | undefined;
}

/** Settings for the CLI: the repository's `.vscode/settings.json`, so a team can commit its map. */
export async function loadRepositorySettings(files: WorkspaceFiles): Promise<LoadedSettings> {
  const file = await files.read(SETTINGS_FILE, MAX_SETTINGS_BYTES);
  if (!file) return { settings: DEFAULT_SETTINGS, problems: [], source: undefined };
  if (file.text === undefined) {
    return {
      settings: DEFAULT_SETTINGS,
      problems: [{ key: SETTINGS_FILE, message: `is larger than 1 MB (${file.size} bytes) and was not read` }],
      source: SETTINGS_FILE,
    };
  }
  return fromText(file.text, SETTINGS_FILE);
}

export class SettingsFileError extends Error {}

/** Settings from `--config FILE`: a file the user named must exist and parse. */
export async function loadSettingsFile(path: string): Promise<LoadedSettings> {
  const stat = await fs.stat(path).catch(() => undefined);
  if (!stat) throw new SettingsFileError(`The config file ${path} does not exist.`);
  if (!stat.isFile()) throw new SettingsFileError(`The config file ${path} is not a regular file.`);
  if (stat.size > MAX_SETTINGS_BYTES) throw new SettingsFileError(`The config file ${path} is larger than 1 MB.`);
  return fromText(await fs.readFile(path, 'utf8'), path);
}

function fromText(text: string, source: string): LoadedSettings {
  const parsed = parseSettingsJson(text, source);
  const validated = validateSettings(settingsReaderFromValues(parsed.values));
  return { settings: validated.settings, problems: [...parsed.problems, ...validated.problems], source };
}
