import { strict as assert } from 'node:assert';
import type { AreaReport } from '../../src/core/analysis/areaReport';
import { DEFAULT_SETTINGS, type MultiplierSettings } from '../../src/core/config/settings';
import { resolveGitBinary } from '../../src/core/git/gitBinary';
import { SimpleGitRunner } from '../../src/core/git/simpleGitRunner';
import { scanRepository, type ScanResult } from '../../src/core/scan/scanRepository';
import { nodeWorkspaceFiles } from '../../src/core/workspaceFiles';
import { toSeconds } from '../../src/core/time';
import type { IndexCache } from '../../src/core/index/indexCache';
import type { ScanMemory } from '../../src/core/scan/scanMemory';
import { FIXED_NOW, fixtureGitEnv, type TestRepo } from './gitFixture';

export type SettingsOverrides = Partial<Omit<MultiplierSettings, 'nudge' | 'codeowners' | 'areas'>> & {
  nudge?: Partial<MultiplierSettings['nudge']>;
  codeowners?: Partial<MultiplierSettings['codeowners']>;
  areas?: Partial<MultiplierSettings['areas']>;
};

export function settingsWith(overrides: SettingsOverrides = {}): MultiplierSettings {
  return {
    ...DEFAULT_SETTINGS,
    ...overrides,
    nudge: { ...DEFAULT_SETTINGS.nudge, ...overrides.nudge },
    codeowners: { ...DEFAULT_SETTINGS.codeowners, ...overrides.codeowners },
    areas: { ...DEFAULT_SETTINGS.areas, ...overrides.areas },
  };
}

/** Scans a fixture repository the way the CLI does, at FIXED_NOW, with fixture git config. */
export function scanFixture(
  repo: TestRepo,
  options: { me?: string[]; settings?: SettingsOverrides; now?: Date; folder?: string; cache?: IndexCache; memory?: ScanMemory; env?: NodeJS.ProcessEnv } = {},
): Promise<ScanResult> {
  const env = options.env ?? fixtureGitEnv();
  const gitPath = resolveGitBinary(env);
  return scanRepository({
    folder: options.folder ?? repo.dir,
    makeRunner: (cwd) => new SimpleGitRunner({ gitPath, cwd, env, timeoutMs: 30_000 }),
    filesAt: nodeWorkspaceFiles,
    settings: settingsWith(options.settings),
    me: options.me ?? [],
    nowSeconds: toSeconds((options.now ?? FIXED_NOW).getTime()),
    cache: options.cache,
    memory: options.memory,
  });
}

/** The report of the area named `name`, failing with the names there are when it is missing. */
export function areaNamed(areas: readonly AreaReport[], name: string): AreaReport {
  const found = areas.find((a) => a.area === name);
  assert.ok(found, `area ${name} in ${areas.map((a) => a.area).join(', ')}`);
  return found;
}
