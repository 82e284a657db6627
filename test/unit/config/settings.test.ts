import { strict as assert } from 'node:assert';
import { DEFAULT_SETTINGS, SETTING_KEYS, validateSettings, type MultiplierSettings } from '../../../src/core/config/settings';
import { validateValues } from './validateValues';

const EXPECTED_DEFAULTS: MultiplierSettings = {
  enabled: true,
  ownershipMap: [],
  teams: {},
  identities: [],
  windowDays: 90,
  nudge: { shareThreshold: 0.5, minCommits: 3 },
  ignore: [],
  bots: [],
  agents: [],
  decisionFiles: ['**/{adr,adrs,decisions,rfcs,design}/**', '**/*.proto', '**/{openapi,swagger}*', '**/*.{graphql,graphqls,gql}', '**/*.avsc', '**/*.schema.json'],
  codeowners: { enabled: true, flavor: 'auto' },
};

/** The setting at a full dotted key, read back out of validated settings. */
function settingAt(settings: MultiplierSettings, key: string): unknown {
  return key
    .replace(/^multiplier\./, '')
    .split('.')
    .reduce<unknown>((value, segment) => (value as Record<string, unknown>)[segment], settings);
}

describe('settings validation', () => {
  describe('defaults', () => {
    it('uses the documented defaults and reports nothing when no setting is set', () => {
      const { settings, problems } = validateSettings(() => undefined);
      assert.deepEqual(settings, EXPECTED_DEFAULTS);
      assert.deepEqual(problems, []);
    });

    it('exports the same defaults, frozen so no caller can change them for everyone', () => {
      assert.deepEqual(DEFAULT_SETTINGS, EXPECTED_DEFAULTS);
      assert.equal(Object.isFrozen(DEFAULT_SETTINGS), true);
      assert.equal(Object.isFrozen(DEFAULT_SETTINGS.nudge), true);
      assert.equal(Object.isFrozen(DEFAULT_SETTINGS.ignore), true);
    });

    it('lists every full dotted key and reads exactly those keys, in that order', () => {
      assert.deepEqual(SETTING_KEYS, [
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
      ]);
      const read: string[] = [];
      validateSettings((key) => {
        read.push(key);
        return undefined;
      });
      assert.deepEqual(read, [...SETTING_KEYS]);
    });
  });

  describe('scalar settings', () => {
    const validValues: Array<[string, unknown]> = [
      ['multiplier.enabled', false],
      ['multiplier.windowDays', 1],
      ['multiplier.windowDays', 3650],
      ['multiplier.windowDays', 30],
      ['multiplier.nudge.shareThreshold', 1],
      ['multiplier.nudge.shareThreshold', 0.01],
      ['multiplier.nudge.minCommits', 1],
      ['multiplier.nudge.minCommits', 1000],
      ['multiplier.codeowners.enabled', false],
      ['multiplier.codeowners.flavor', 'github'],
      ['multiplier.codeowners.flavor', 'gitlab'],
    ];
    for (const [key, value] of validValues) {
      it(`accepts ${key} = ${JSON.stringify(value)}`, () => {
        const { settings, problems } = validateValues({ [key]: value });
        assert.equal(settingAt(settings, key), value);
        assert.deepEqual(problems, []);
      });
    }

    const invalidValues: Array<[string, unknown, string]> = [
      ['multiplier.enabled', 'yes', 'must be true or false, got "yes"'],
      ['multiplier.enabled', 0, 'must be true or false, got 0'],
      ['multiplier.windowDays', 0, 'must be a whole number between 1 and 3650, got 0'],
      ['multiplier.windowDays', 3651, 'must be a whole number between 1 and 3650, got 3651'],
      ['multiplier.windowDays', 1.5, 'must be a whole number between 1 and 3650, got 1.5'],
      ['multiplier.windowDays', '30', 'must be a whole number between 1 and 3650, got "30"'],
      ['multiplier.windowDays', null, 'must be a whole number between 1 and 3650, got null'],
      ['multiplier.nudge.shareThreshold', 0, 'must be a number greater than 0 and at most 1 (0.5 means 50%), got 0'],
      ['multiplier.nudge.shareThreshold', 1.01, 'must be a number greater than 0 and at most 1 (0.5 means 50%), got 1.01'],
      ['multiplier.nudge.shareThreshold', 50, 'must be a number greater than 0 and at most 1 (0.5 means 50%), got 50'],
      ['multiplier.nudge.shareThreshold', -0.5, 'must be a number greater than 0 and at most 1 (0.5 means 50%), got -0.5'],
      ['multiplier.nudge.shareThreshold', '0.5', 'must be a number greater than 0 and at most 1 (0.5 means 50%), got "0.5"'],
      ['multiplier.nudge.minCommits', 0, 'must be a whole number between 1 and 1000, got 0'],
      ['multiplier.nudge.minCommits', 1001, 'must be a whole number between 1 and 1000, got 1001'],
      ['multiplier.nudge.minCommits', 2.5, 'must be a whole number between 1 and 1000, got 2.5'],
      ['multiplier.nudge.minCommits', true, 'must be a whole number between 1 and 1000, got true'],
      ['multiplier.codeowners.enabled', 'false', 'must be true or false, got "false"'],
      ['multiplier.codeowners.flavor', 'GitHub', 'must be one of "auto", "github" or "gitlab", got "GitHub"'],
      ['multiplier.codeowners.flavor', 1, 'must be one of "auto", "github" or "gitlab", got 1'],
      ['multiplier.codeowners.flavor', ['github'], 'must be one of "auto", "github" or "gitlab", got a list'],
    ];
    for (const [key, value, message] of invalidValues) {
      it(`rejects ${key} = ${JSON.stringify(value)} and falls back to the default`, () => {
        const { settings, problems } = validateValues({ [key]: value });
        assert.deepEqual(problems, [{ key, message }]);
        assert.deepEqual(settings, EXPECTED_DEFAULTS);
      });
    }

    it('abbreviates a long string in the message so it fits on one line', () => {
      const { problems } = validateValues({ 'multiplier.codeowners.flavor': 'x'.repeat(100) });
      assert.deepEqual(problems, [
        { key: 'multiplier.codeowners.flavor', message: `must be one of "auto", "github" or "gitlab", got "${'x'.repeat(60)}"…` },
      ]);
    });
  });

  describe('list settings', () => {
    const listKeys = ['multiplier.identities', 'multiplier.ignore', 'multiplier.bots', 'multiplier.agents'] as const;

    it('keeps identities as written, trimmed: emails, names and handles', () => {
      const { settings, problems } = validateValues({ 'multiplier.identities': ['alice@acme.com', '  Alice Smith ', '@alice'] });
      assert.deepEqual(settings.identities, ['alice@acme.com', 'Alice Smith', '@alice']);
      assert.deepEqual(problems, []);
    });

    it('keeps bot substrings and * globs', () => {
      const { settings, problems } = validateValues({ 'multiplier.bots': ['[bot]', 'renovate*@users.noreply.github.com'] });
      assert.deepEqual(settings.bots, ['[bot]', 'renovate*@users.noreply.github.com']);
      assert.deepEqual(problems, []);
    });

    it('keeps ignore globs, brace lists included', () => {
      const { settings, problems } = validateValues({ 'multiplier.ignore': ['**/*.lock', 'gen/**/*.{js,ts}'] });
      assert.deepEqual(settings.ignore, ['**/*.lock', 'gen/**/*.{js,ts}']);
      assert.deepEqual(problems, []);
    });

    for (const key of listKeys) {
      it(`drops only the bad items of ${key}, each reported at its index`, () => {
        const { problems, settings } = validateValues({ [key]: ['first', 42, '', '   ', 'x'.repeat(501), null, 'last', 'y'.repeat(500)] });
        assert.deepEqual(settingAt(settings, key), ['first', 'last', 'y'.repeat(500)]);
        assert.deepEqual(problems, [
          { key: `${key}[1]`, message: 'must be a string, got 42' },
          { key: `${key}[2]`, message: 'must not be empty' },
          { key: `${key}[3]`, message: 'must not be empty' },
          { key: `${key}[4]`, message: 'is 501 characters long; the limit is 500' },
          { key: `${key}[5]`, message: 'must be a string, got null' },
        ]);
      });

      it(`falls back to an empty ${key} when it is not a list`, () => {
        const { problems, settings } = validateValues({ [key]: 'alice@acme.com' });
        assert.deepEqual(settingAt(settings, key), []);
        assert.deepEqual(problems, [{ key, message: 'must be a list of strings, got "alice@acme.com"' }]);
      });

      it(`keeps the first 500 entries of ${key} and reports the overflow once`, () => {
        const entries = Array.from({ length: 502 }, (_, index) => `entry-${index}`);
        const { problems, settings } = validateValues({ [key]: entries });
        assert.deepEqual(settingAt(settings, key), entries.slice(0, 500));
        assert.deepEqual(problems, [{ key, message: 'has 502 entries; only the first 500 are used' }]);
      });
    }

    it('replaces the default decision files with the configured globs, and [] switches them off', () => {
      assert.deepEqual(validateValues({ 'multiplier.decisionFiles': ['docs/decisions/**', '**/*.thrift'] }).settings.decisionFiles, ['docs/decisions/**', '**/*.thrift']);
      assert.deepEqual(validateValues({ 'multiplier.decisionFiles': [] }).settings.decisionFiles, []);
    });

    it('checks decision-file globs like the other globs, and keeps the defaults when the setting is not a list', () => {
      const { problems, settings } = validateValues({ 'multiplier.decisionFiles': ['adr/**', 'x/{1..99}.md', 7] });
      assert.deepEqual(settings.decisionFiles, ['adr/**']);
      assert.deepEqual(problems, [
        { key: 'multiplier.decisionFiles[1]', message: 'uses the brace range {1..99}, which can expand to a huge number of patterns; list the alternatives instead, e.g. {a,b,c}' },
        { key: 'multiplier.decisionFiles[2]', message: 'must be a string, got 7' },
      ]);
      const notAList = validateValues({ 'multiplier.decisionFiles': 'adr/**' });
      assert.deepEqual(notAList.settings.decisionFiles, EXPECTED_DEFAULTS.decisionFiles);
      assert.deepEqual(notAList.problems, [{ key: 'multiplier.decisionFiles', message: 'must be a list of strings, got "adr/**"' }]);
    });

    it('rejects an ignore glob whose braces could explode, keeping the rest', () => {
      const { problems, settings } = validateValues({ 'multiplier.ignore': ['dist/**', 'gen/{1..5000}.ts', 'vendor/**'] });
      assert.deepEqual(settings.ignore, ['dist/**', 'vendor/**']);
      assert.deepEqual(problems, [
        {
          key: 'multiplier.ignore[1]',
          message: 'uses the brace range {1..5000}, which can expand to a huge number of patterns; list the alternatives instead, e.g. {a,b,c}',
        },
      ]);
    });
  });

  describe('problem reporting', () => {
    it('reports each bad value once, with its exact key, in setting order, and keeps the rest', () => {
      const { settings, problems } = validateValues({
        'multiplier.enabled': 'true',
        'multiplier.ownershipMap': { 'src/payments/': '@acme/payments', 'src/x/': 42, '': '@a' },
        'multiplier.teams': { '@acme/payments': ['alice@acme.com', ''], payments: ['bob@acme.com'] },
        'multiplier.windowDays': 0,
        'multiplier.nudge.minCommits': 5,
        'multiplier.bots': ['[bot]', 7],
        'multiplier.codeowners.flavor': 'bitbucket',
      });
      assert.deepEqual(problems, [
        { key: 'multiplier.enabled', message: 'must be true or false, got "true"' },
        { key: 'multiplier.ownershipMap["src/x/"]', message: 'must be a list of owners or a space-separated string of owners, got 42' },
        { key: 'multiplier.ownershipMap[""]', message: 'pattern must not be empty' },
        { key: 'multiplier.teams["@acme/payments"][1]', message: 'must not be empty' },
        { key: 'multiplier.teams["payments"]', message: 'is not a team handle; use @org/team' },
        { key: 'multiplier.windowDays', message: 'must be a whole number between 1 and 3650, got 0' },
        { key: 'multiplier.bots[1]', message: 'must be a string, got 7' },
        { key: 'multiplier.codeowners.flavor', message: 'must be one of "auto", "github" or "gitlab", got "bitbucket"' },
      ]);
      assert.deepEqual(settings, {
        ...EXPECTED_DEFAULTS,
        ownershipMap: [{ pattern: 'src/payments/', owners: ['@acme/payments'] }],
        teams: { '@acme/payments': ['alice@acme.com'] },
        nudge: { shareThreshold: 0.5, minCommits: 5 },
        bots: ['[bot]'],
      });
    });
  });
});
