/**
 * Properties of the settings validator and the settings.json reader. A repository may commit
 * `.vscode/settings.json`, so any JSON (and any text) must validate without throwing, with every
 * problem under an exact `multiplier.` key and every valid setting kept as written.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { DEFAULT_SETTINGS, SETTING_KEYS, validateSettings, type MultiplierSettings, type SettingKey } from '../../../src/core/config/settings';
import { parseSettingsJson, settingsReaderFromValues } from '../../../src/core/config/settingsFile';

/** Space-separated owner strings, as `multiplier.ownershipMap` accepts them: valid, invalid and repeated words. */
const ownerWords = fc.array(fc.constantFrom('@acme/team', '@user', 'a@b.co', 'bad', 'bad', '@@maintainer', '@', ''), { maxLength: 5 }).map((words) => words.join(' '));
const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', ' ', '{1..9}', '**/*a*a*a*a*b');
/** Any JSON value, objects keyed by anything (prototype names included). */
const anyJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 2 }),
    ownerWords,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileKey, fc.string({ maxLength: 10 })), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** A valid value for each key, and how it reads back out of validated settings. */
const trimmedText = fc.string({ minLength: 1, maxLength: 30 }).map((s) => s.trim()).filter((s) => s.length > 0);
const handlePart = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,8}$/);
const team = fc.tuple(handlePart, handlePart).map(([org, name]) => `@${org}/${name}`);
const literalGlob = fc.array(fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,8}$/), { minLength: 1, maxLength: 3 }).map((segments) => segments.join('/'));
const safeGlob = fc.tuple(literalGlob, fc.constantFrom('', '/**', '/*.js', '/**/*.snap', '*')).map(([base, tail]) => base + tail);

const VALID_VALUES: { [K in SettingKey]: fc.Arbitrary<unknown> } = {
  'multiplier.enabled': fc.boolean(),
  'multiplier.ownershipMap': fc.uniqueArray(fc.tuple(safeGlob, fc.array(team, { maxLength: 3 })), { selector: ([pattern]) => pattern, maxLength: 5 }).map((entries) => Object.fromEntries(entries)),
  'multiplier.teams': fc.uniqueArray(fc.tuple(team, fc.array(fc.emailAddress(), { maxLength: 3 })), { selector: ([name]) => name, maxLength: 4 }).map((entries) => Object.fromEntries(entries)),
  'multiplier.identities': fc.array(trimmedText, { maxLength: 5 }),
  'multiplier.windowDays': fc.integer({ min: 1, max: 3650 }),
  'multiplier.nudge.shareThreshold': fc.double({ min: Number.MIN_VALUE, max: 1, noNaN: true }),
  'multiplier.nudge.minCommits': fc.integer({ min: 1, max: 1000 }),
  'multiplier.ignore': fc.array(safeGlob, { maxLength: 5 }),
  'multiplier.bots': fc.array(trimmedText.filter((s) => !s.includes('*')), { maxLength: 5 }),
  'multiplier.agents': fc.array(trimmedText.filter((s) => !s.includes('*')), { maxLength: 5 }),
  'multiplier.decisionFiles': fc.array(safeGlob, { maxLength: 5 }),
  'multiplier.codeowners.enabled': fc.boolean(),
  'multiplier.codeowners.flavor': fc.constantFrom('auto', 'github', 'gitlab'),
};

/** The validated setting for a key, in the shape the raw value was written in. */
function readBack(settings: MultiplierSettings, key: SettingKey): unknown {
  switch (key) {
    case 'multiplier.ownershipMap':
      return Object.fromEntries(settings.ownershipMap.map((entry) => [entry.pattern, entry.owners]));
    case 'multiplier.nudge.shareThreshold':
      return settings.nudge.shareThreshold;
    case 'multiplier.nudge.minCommits':
      return settings.nudge.minCommits;
    case 'multiplier.codeowners.enabled':
      return settings.codeowners.enabled;
    case 'multiplier.codeowners.flavor':
      return settings.codeowners.flavor;
    default:
      return settings[key.slice('multiplier.'.length) as 'enabled' | 'teams' | 'identities' | 'windowDays' | 'ignore' | 'bots' | 'agents' | 'decisionFiles'];
  }
}

/** Checks that validated settings have the documented types, so every consumer can use them as is. */
function assertWellTyped(settings: MultiplierSettings): void {
  assert.equal(typeof settings.enabled, 'boolean');
  assert.ok(Number.isInteger(settings.windowDays) && settings.windowDays >= 1 && settings.windowDays <= 3650);
  assert.ok(settings.nudge.shareThreshold > 0 && settings.nudge.shareThreshold <= 1);
  assert.ok(Number.isInteger(settings.nudge.minCommits) && settings.nudge.minCommits >= 1);
  for (const list of [settings.identities, settings.ignore, settings.bots]) assert.ok(Array.isArray(list) && list.every((item) => typeof item === 'string' && item.length > 0));
  assert.ok(settings.ownershipMap.every((entry) => typeof entry.pattern === 'string' && entry.owners.every((owner) => typeof owner === 'string')));
  assert.ok(Object.values(settings.teams).every((members) => members.every((member) => typeof member === 'string')));
  assert.equal(Object.getPrototypeOf(settings.teams), Object.prototype, 'no key reached the prototype');
  assert.equal(typeof settings.codeowners.enabled, 'boolean');
  assert.ok(['auto', 'github', 'gitlab'].includes(settings.codeowners.flavor));
}

/** Some keys valid, the others anything at all (or unset). */
const mixedSettings = fc.record(
  Object.fromEntries(SETTING_KEYS.map((key) => [key, fc.oneof(VALID_VALUES[key].map((value) => ({ valid: true, value })), anyJson.map((value) => ({ valid: false, value })))])) as {
    [K in SettingKey]: fc.Arbitrary<{ valid: boolean; value: unknown }>;
  },
  { requiredKeys: [] },
);

describe('property: settings validation', () => {
  it('never throws on arbitrary JSON for any key; the settings are always well typed and every problem key starts with multiplier.', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.oneof(fc.constantFrom(...SETTING_KEYS), hostileKey, fc.string({ maxLength: 12 })), anyJson, { maxKeys: 12 }), (values) => {
        const { settings, problems } = validateSettings((key) => (Object.hasOwn(values, key) ? values[key] : undefined));
        assertWellTyped(settings);
        for (const problem of problems) {
          assert.ok(problem.key.startsWith('multiplier.'), problem.key);
          assert.ok(problem.message.length > 0 && !problem.message.includes('\n'), problem.message);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('valid settings survive unchanged next to invalid ones, each problem names one of the invalid keys, and none is reported twice', () => {
    fc.assert(
      fc.property(mixedSettings, (chosen) => {
        const entries = Object.entries(chosen) as Array<[SettingKey, { valid: boolean; value: unknown }]>;
        const { settings, problems } = validateSettings((key) => chosen[key as SettingKey]?.value);
        for (const [key, { valid, value }] of entries) {
          if (valid) assert.deepEqual(readBack(settings, key), value, key);
        }
        const invalidKeys = entries.filter(([, entry]) => !entry.valid).map(([key]) => key);
        for (const problem of problems) {
          assert.ok(invalidKeys.some((key) => problem.key === key || problem.key.startsWith(`${key}[`)), `${problem.key} was given a valid value`);
        }
        const reported = problems.map((problem) => `${problem.key}\0${problem.message}`);
        assert.equal(new Set(reported).size, reported.length, `reported twice: ${reported.join(' | ')}`);
      }),
      { numRuns: 1000 },
    );
  });

  it('with nothing set there are no problems and the settings are the defaults', () => {
    assert.deepEqual(validateSettings(() => undefined), { settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('settings.json text of any shape never throws: syntax problems carry path:line:column, the rest validates', () => {
    const jsonish = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.json({ maxDepth: 3 }),
      fc.tuple(fc.json({ maxDepth: 3 }), fc.nat(), fc.constantFrom(',', '}', '{', '//', '/*', '"', '\uFEFF', '\n')).map(([text, at, junk]) => text.slice(0, at % (text.length + 1)) + junk + text.slice(at % (text.length + 1))),
    );
    fc.assert(
      fc.property(jsonish, (text) => {
        const { values, problems } = parseSettingsJson(text, '.vscode/settings.json');
        for (const problem of problems) assert.match(problem.key, /^\.vscode\/settings\.json(:\d+:\d+)?$/);
        const validated = validateSettings(settingsReaderFromValues(values));
        assertWellTyped(validated.settings);
      }),
      { numRuns: 1000 },
    );
  });
});
