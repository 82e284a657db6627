import { strict as assert } from 'node:assert';
import { validateSettings } from '../../../src/core/config/settings';
import { parseSettingsJson, settingsReaderFromValues } from '../../../src/core/config/settingsFile';

const PATH = '/repo/.vscode/settings.json';

describe('settings.json parsing', () => {
  it('reads JSONC: line and block comments, trailing commas', () => {
    const text = [
      '// Team settings, committed so everyone shares the map',
      '{',
      '  /* how far back to look */',
      '  "multiplier.windowDays": 30, // a month',
      '  "multiplier.ownershipMap": {',
      '    "src/payments/": ["@acme/payments",],',
      '  },',
      '}',
    ].join('\n');
    assert.deepEqual(parseSettingsJson(text, PATH), {
      values: { 'multiplier.windowDays': 30, 'multiplier.ownershipMap': { 'src/payments/': ['@acme/payments'] } },
      problems: [],
    });
  });

  it('reports a syntax error with the file path, line and column, and keeps what it could read', () => {
    const text = '{\n  "multiplier.enabled": false\n  "multiplier.windowDays": 30\n}\n';
    assert.deepEqual(parseSettingsJson(text, PATH), {
      values: { 'multiplier.enabled': false, 'multiplier.windowDays': 30 },
      problems: [{ key: `${PATH}:3:3`, message: 'invalid JSON: comma expected' }],
    });
  });

  it('reports an unfinished file at its end', () => {
    const text = '{\n  "multiplier.bots": ["ci@acme.com"\n';
    assert.deepEqual(parseSettingsJson(text, PATH).problems, [
      { key: `${PATH}:3:1`, message: 'invalid JSON: close bracket expected' },
      { key: `${PATH}:3:1`, message: 'invalid JSON: close brace expected' },
    ]);
  });

  it('reports a bad token where it starts', () => {
    assert.deepEqual(parseSettingsJson('{"multiplier.enabled": tru}', PATH).problems, [
      { key: `${PATH}:1:24`, message: 'invalid JSON: invalid symbol' },
      { key: `${PATH}:1:27`, message: 'invalid JSON: value expected' },
    ]);
  });

  it('reports a file that is not an object, without throwing', () => {
    assert.deepEqual(parseSettingsJson('["multiplier.enabled"]', PATH), {
      values: {},
      problems: [{ key: PATH, message: 'must contain a JSON object of settings, got a list' }],
    });
  });

  it('accepts an empty file, a file of comments and a byte order mark', () => {
    assert.deepEqual(parseSettingsJson('', PATH), { values: {}, problems: [] });
    assert.deepEqual(parseSettingsJson('// nothing yet\n', PATH), { values: {}, problems: [] });
    assert.deepEqual(parseSettingsJson('\uFEFF{"multiplier.enabled": false}', PATH), { values: { 'multiplier.enabled': false }, problems: [] });
  });
});

describe('settings reader over parsed values', () => {
  const minCommits = 'multiplier.nudge.minCommits';

  it('reads a flat dotted key', () => {
    assert.equal(settingsReaderFromValues({ [minCommits]: 4 })(minCommits), 4);
  });

  it('reads a fully nested key', () => {
    assert.equal(settingsReaderFromValues({ multiplier: { nudge: { minCommits: 5 } } })(minCommits), 5);
  });

  it('reads a partly nested key, either way round', () => {
    assert.equal(settingsReaderFromValues({ 'multiplier.nudge': { minCommits: 6 } })(minCommits), 6);
    assert.equal(settingsReaderFromValues({ multiplier: { 'nudge.minCommits': 7 } })(minCommits), 7);
  });

  it('prefers the flat key when both spellings are present', () => {
    const read = settingsReaderFromValues({
      multiplier: { nudge: { minCommits: 1 } },
      'multiplier.nudge': { minCommits: 2 },
      [minCommits]: 3,
    });
    assert.equal(read(minCommits), 3);
  });

  it('falls through to a nested spelling for keys the flat ones do not set', () => {
    const read = settingsReaderFromValues({ 'multiplier.nudge': { shareThreshold: 0.4 }, multiplier: { nudge: { minCommits: 8 } } });
    assert.equal(read('multiplier.nudge.shareThreshold'), 0.4);
    assert.equal(read(minCommits), 8);
  });

  it('returns a map setting whole, dotted patterns included', () => {
    const map = { '*.md': '@acme/docs', 'src/a.b/': '@acme/ab' };
    assert.deepEqual(settingsReaderFromValues({ multiplier: { ownershipMap: map } })('multiplier.ownershipMap'), map);
  });

  it('returns undefined for unset keys and for paths through non-objects', () => {
    const read = settingsReaderFromValues({ multiplier: { nudge: 5 }, 'multiplier.enabled': undefined });
    assert.equal(read(minCommits), undefined);
    assert.equal(read('multiplier.enabled'), undefined);
    assert.equal(read('multiplier.windowDays'), undefined);
  });

  it('does not see inherited properties, even when the file sets "__proto__"', () => {
    const { values } = parseSettingsJson('{"__proto__": {"multiplier.enabled": false}}', PATH);
    assert.equal(settingsReaderFromValues(values)('multiplier.enabled'), undefined);
    assert.equal(settingsReaderFromValues({})('constructor'), undefined);
  });
});

describe('settings.json to validated settings', () => {
  it('validates a realistic team settings file end to end', () => {
    const text = `{
      "editor.formatOnSave": true,
      "multiplier": {
        "ownershipMap": { "src/payments/": "@acme/payments", "src/legacy/": "nobody", },
        "nudge": { "shareThreshold": 0.6 },
      },
      "multiplier.nudge.minCommits": 0,
      "multiplier.teams": { "@acme/payments": ["alice@acme.com", "Bob Stone"] },
    }`;
    const parsed = parseSettingsJson(text, PATH);
    const { settings, problems } = validateSettings(settingsReaderFromValues(parsed.values));
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(settings.ownershipMap, [{ pattern: 'src/payments/', owners: ['@acme/payments'] }]);
    assert.deepEqual(settings.teams, { '@acme/payments': ['alice@acme.com', 'Bob Stone'] });
    assert.deepEqual(settings.nudge, { shareThreshold: 0.6, minCommits: 3 });
    assert.deepEqual(problems, [
      { key: 'multiplier.ownershipMap["src/legacy/"]', message: 'has no valid owner ("nobody"); use @user, @org/team or an email. The rule is ignored' },
      { key: 'multiplier.nudge.minCommits', message: 'must be a whole number between 1 and 1000, got 0' },
    ]);
  });
});
