import { strict as assert } from 'node:assert';
import { isOwnerToken, isTeamHandle } from '../../../src/core/config/ownerTokens';
import { validateValues } from './validateValues';

const OWNER_HINT = 'use @user, @org/team or an email';

describe('multiplier.ownershipMap', () => {
  const key = 'multiplier.ownershipMap';

  it('keeps rules in the order written, splitting string owners on whitespace', () => {
    const { settings, problems } = validateValues({
      [key]: {
        'src/payments/': ['@acme/payments', 'alice@acme.com'],
        'docs/': '  @acme/docs \t @bob ',
        '*.md': [],
        'src/payments/generated/': '',
      },
    });
    assert.deepEqual(settings.ownershipMap, [
      { pattern: 'src/payments/', owners: ['@acme/payments', 'alice@acme.com'] },
      { pattern: 'docs/', owners: ['@acme/docs', '@bob'] },
      { pattern: '*.md', owners: [] },
      { pattern: 'src/payments/generated/', owners: [] },
    ]);
    assert.deepEqual(problems, []);
  });

  it('drops one bad entry and keeps the others around it', () => {
    const { settings, problems } = validateValues({ [key]: { 'a/': '@a', 'b/': 42, 'c/': { owner: '@c' }, 'd/': '@d' } });
    assert.deepEqual(settings.ownershipMap, [
      { pattern: 'a/', owners: ['@a'] },
      { pattern: 'd/', owners: ['@d'] },
    ]);
    assert.deepEqual(problems, [
      { key: 'multiplier.ownershipMap["b/"]', message: 'must be a list of owners or a space-separated string of owners, got 42' },
      { key: 'multiplier.ownershipMap["c/"]', message: 'must be a list of owners or a space-separated string of owners, got an object' },
    ]);
  });

  it('drops an invalid owner from a list and reports it at its index', () => {
    const { settings, problems } = validateValues({ [key]: { 'src/x/': ['@acme/x', 'docs@', 7, 'bob@acme.com'] } });
    assert.deepEqual(settings.ownershipMap, [{ pattern: 'src/x/', owners: ['@acme/x', 'bob@acme.com'] }]);
    assert.deepEqual(problems, [
      { key: 'multiplier.ownershipMap["src/x/"][1]', message: `"docs@" is not a valid owner; ${OWNER_HINT}` },
      { key: 'multiplier.ownershipMap["src/x/"][2]', message: 'must be an owner such as @user, @org/team or an email, got 7' },
    ]);
  });

  it('drops an invalid owner from a string and reports it under the entry', () => {
    const { settings, problems } = validateValues({ [key]: { 'src/x/': '@acme/x nope' } });
    assert.deepEqual(settings.ownershipMap, [{ pattern: 'src/x/', owners: ['@acme/x'] }]);
    assert.deepEqual(problems, [{ key: 'multiplier.ownershipMap["src/x/"]', message: `"nope" is not a valid owner; ${OWNER_HINT}` }]);
  });

  it('ignores a rule whose every owner is invalid instead of turning it into "unowned"', () => {
    const { settings, problems } = validateValues({ [key]: { 'src/': '@acme/core', 'src/x/': 'docs@ team', 'src/y/': [1] } });
    assert.deepEqual(settings.ownershipMap, [{ pattern: 'src/', owners: ['@acme/core'] }]);
    assert.deepEqual(problems, [
      { key: 'multiplier.ownershipMap["src/x/"]', message: `has no valid owner ("docs@", "team"); ${OWNER_HINT}. The rule is ignored` },
      { key: 'multiplier.ownershipMap["src/y/"]', message: `has no valid owner (1); ${OWNER_HINT}. The rule is ignored` },
    ]);
  });

  it('rejects empty, overlong and explosive patterns with the exact key', () => {
    const long = `src/${'a'.repeat(997)}`;
    const { settings, problems } = validateValues({
      [key]: { '': '@a', '   ': '@b', [long]: '@c', 'src/{1..99999}/': '@d', 'ok/': '@e' },
    });
    assert.deepEqual(settings.ownershipMap, [{ pattern: 'ok/', owners: ['@e'] }]);
    assert.deepEqual(problems, [
      { key: 'multiplier.ownershipMap[""]', message: 'pattern must not be empty' },
      { key: 'multiplier.ownershipMap["   "]', message: 'pattern must not be empty' },
      { key: `multiplier.ownershipMap["${long}"]`, message: 'pattern is 1001 characters long; the limit is 1000' },
      {
        key: 'multiplier.ownershipMap["src/{1..99999}/"]',
        message: 'pattern uses the brace range {1..99999}, which can expand to a huge number of patterns; list the alternatives instead, e.g. {a,b,c}',
      },
    ]);
  });

  it('escapes quotes in the reported key', () => {
    const { problems } = validateValues({ [key]: { 'say "hi"/': 5 } });
    assert.deepEqual(
      problems.map((problem) => problem.key),
      ['multiplier.ownershipMap["say \\"hi\\"/"]'],
    );
  });

  it('falls back to no rules when the setting is not an object', () => {
    const { settings, problems } = validateValues({ [key]: [{ pattern: 'src/', owners: ['@a'] }] });
    assert.deepEqual(settings.ownershipMap, []);
    assert.deepEqual(problems, [{ key, message: 'must be an object mapping path patterns to owners, got a list' }]);
  });
});

describe('multiplier.teams', () => {
  const key = 'multiplier.teams';

  it('keeps teams with their members, trimmed', () => {
    const { settings, problems } = validateValues({
      [key]: { '@acme/payments': ['alice@acme.com', ' Bob Stone '], '@gitlab-org/ci/runners': ['carol@acme.com'] },
    });
    assert.deepEqual(settings.teams, {
      '@acme/payments': ['alice@acme.com', 'Bob Stone'],
      '@gitlab-org/ci/runners': ['carol@acme.com'],
    });
    assert.deepEqual(problems, []);
  });

  it('drops a team whose name is not an @org/team handle and keeps the others', () => {
    const { settings, problems } = validateValues({ [key]: { payments: ['a@acme.com'], '@alice': ['b@acme.com'], '@acme/web': ['c@acme.com'] } });
    assert.deepEqual(settings.teams, { '@acme/web': ['c@acme.com'] });
    assert.deepEqual(problems, [
      { key: 'multiplier.teams["payments"]', message: 'is not a team handle; use @org/team' },
      { key: 'multiplier.teams["@alice"]', message: 'is not a team handle; use @org/team' },
    ]);
  });

  it('leaves a team whose members are not a list to inference', () => {
    const { settings, problems } = validateValues({ [key]: { '@acme/payments': 'alice@acme.com', '@acme/web': ['c@acme.com'] } });
    assert.deepEqual(settings.teams, { '@acme/web': ['c@acme.com'] });
    assert.deepEqual(problems, [{ key: 'multiplier.teams["@acme/payments"]', message: 'must be a list of strings, got "alice@acme.com"' }]);
  });

  it('drops a bad member and keeps the team', () => {
    const { settings, problems } = validateValues({ [key]: { '@acme/payments': ['alice@acme.com', false, 'Bob Stone'] } });
    assert.deepEqual(settings.teams, { '@acme/payments': ['alice@acme.com', 'Bob Stone'] });
    assert.deepEqual(problems, [{ key: 'multiplier.teams["@acme/payments"][1]', message: 'must be a string, got false' }]);
  });

  it('cannot be tricked into touching the prototype by a "__proto__" key', () => {
    const { settings, problems } = validateValues({ [key]: JSON.parse('{"__proto__": ["x@acme.com"]}') });
    assert.deepEqual(Object.keys(settings.teams), []);
    assert.equal(Object.getPrototypeOf(settings.teams), Object.prototype);
    assert.deepEqual(problems, [{ key: 'multiplier.teams["__proto__"]', message: 'is not a team handle; use @org/team' }]);
  });

  it('falls back to no teams when the setting is not an object', () => {
    const { settings, problems } = validateValues({ [key]: 'acme' });
    assert.deepEqual(settings.teams, {});
    assert.deepEqual(problems, [{ key, message: 'must be an object mapping @org/team handles to lists of member emails or names, got "acme"' }]);
  });
});

describe('owner tokens', () => {
  const valid = ['@alice', '@alice-b', '@a_b.c', '@acme/payments', '@gitlab-org/sub/team', 'alice@acme.com', 'a.b+c@sub.example.org'];
  const invalid = ['alice', '@', '@/team', '@acme/', '@acme//team', '@-x y', 'docs@', 'alice@localhost', '@@developers', 'a b@acme.com'];

  for (const token of valid) {
    it(`accepts ${token}`, () => assert.equal(isOwnerToken(token), true));
  }
  for (const token of invalid) {
    it(`rejects ${JSON.stringify(token)}`, () => assert.equal(isOwnerToken(token), false));
  }

  it('accepts only @org/team (nested groups included) as a team handle', () => {
    assert.deepEqual(
      ['@acme/payments', '@gitlab-org/sub/team', '@alice', 'alice@acme.com', 'acme/payments'].map(isTeamHandle),
      [true, true, false, false, false],
    );
  });
});
