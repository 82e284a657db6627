import { botPatternProblem, globPatternProblem } from './globPatterns';
import { readStringList, type ItemCheck } from './listSettings';
import { readOwnershipMap, readTeams } from './mapSettings';
import { DEFAULT_DECISION_FILES } from './decisionFileDefaults';
import { booleanRule, oneOfRule, readScalar, shareRule, wholeNumberRule, type ScalarRule } from './scalarSettings';

export type { CodeownersFlavorSetting, MultiplierSettings, OwnershipMapEntry, ReportProblem, SettingProblem } from './settingTypes';
import type { CodeownersFlavorSetting, MultiplierSettings, ReportProblem, SettingProblem } from './settingTypes';

export const SETTING_KEYS = [
  'multiplier.enabled',
  'multiplier.ownershipMap',
  'multiplier.teams',
  'multiplier.identities',
  'multiplier.windowDays',
  'multiplier.nudge.shareThreshold',
  'multiplier.nudge.minCommits',
  'multiplier.ignore',
  'multiplier.bots',
  'multiplier.agents',
  'multiplier.decisionFiles',
  'multiplier.codeowners.enabled',
  'multiplier.codeowners.flavor',
] as const;

export type SettingKey = (typeof SETTING_KEYS)[number];

export const WINDOW_DAYS_RANGE = { min: 1, max: 3650 } as const;
export const MIN_COMMITS_RANGE = { min: 1, max: 1000 } as const;
export const CODEOWNERS_FLAVORS: readonly CodeownersFlavorSetting[] = ['auto', 'github', 'gitlab'];

export const DEFAULT_SETTINGS: MultiplierSettings = Object.freeze({
  enabled: true,
  ownershipMap: Object.freeze([]),
  teams: Object.freeze({}),
  identities: Object.freeze([]),
  windowDays: 90,
  nudge: Object.freeze({ shareThreshold: 0.5, minCommits: 3 }),
  ignore: Object.freeze([]),
  bots: Object.freeze([]),
  agents: Object.freeze([]),
  decisionFiles: DEFAULT_DECISION_FILES,
  codeowners: Object.freeze({ enabled: true, flavor: 'auto' as const }),
});

/**
 * Reads every Multiplier setting through `raw` (a full dotted key → its value, or undefined when
 * unset) and keeps whatever is usable. Each bad value or entry is reported once; only it falls
 * back, so one typo in a shared map never switches the rest of the map off.
 */
export function validateSettings(raw: (key: string) => unknown): { settings: MultiplierSettings; problems: SettingProblem[] } {
  const problems: SettingProblem[] = [];
  const report: ReportProblem = (key, message) => problems.push({ key, message });
  const scalar = <T>(key: SettingKey, rule: ScalarRule<T>, fallback: T): T => readScalar(key, raw(key), rule, fallback, report);
  const list = (key: SettingKey, check?: ItemCheck): readonly string[] => readStringList(key, raw(key), report, check) ?? [];
  const defaults = DEFAULT_SETTINGS;

  // Properties are evaluated in this order, which keeps problems in SETTING_KEYS order.
  const settings: MultiplierSettings = {
    enabled: scalar('multiplier.enabled', booleanRule, defaults.enabled),
    ownershipMap: readOwnershipMap('multiplier.ownershipMap', raw('multiplier.ownershipMap'), report),
    teams: readTeams('multiplier.teams', raw('multiplier.teams'), report),
    identities: list('multiplier.identities'),
    windowDays: scalar('multiplier.windowDays', wholeNumberRule(WINDOW_DAYS_RANGE.min, WINDOW_DAYS_RANGE.max), defaults.windowDays),
    nudge: {
      shareThreshold: scalar('multiplier.nudge.shareThreshold', shareRule, defaults.nudge.shareThreshold),
      minCommits: scalar('multiplier.nudge.minCommits', wholeNumberRule(MIN_COMMITS_RANGE.min, MIN_COMMITS_RANGE.max), defaults.nudge.minCommits),
    },
    ignore: list('multiplier.ignore', globPatternProblem),
    bots: list('multiplier.bots', botPatternProblem),
    agents: list('multiplier.agents', botPatternProblem),
    decisionFiles: readStringList('multiplier.decisionFiles', raw('multiplier.decisionFiles'), report, globPatternProblem) ?? defaults.decisionFiles,
    codeowners: {
      enabled: scalar('multiplier.codeowners.enabled', booleanRule, defaults.codeowners.enabled),
      flavor: scalar('multiplier.codeowners.flavor', oneOfRule(CODEOWNERS_FLAVORS), defaults.codeowners.flavor),
    },
  };
  return { settings, problems };
}
