import { strict as assert } from 'node:assert';
import {
  createOwnershipResolver,
  ownershipRulesFromSettings,
  SETTINGS_SOURCE_PATH,
} from '../../../src/core/ownership/ownershipResolver';
import type { CodeownersFlavor, OwnershipRule } from '../../../src/core/ownership/types';
import { parseLines } from './codeownersTestSupport';

function resolverFor(codeowners: readonly string[], flavor: CodeownersFlavor, settings: OwnershipRule[] = []) {
  return createOwnershipResolver({ settingsRules: settings, codeownersRules: parseLines(codeowners, flavor).rules, flavor });
}

describe('ownershipRulesFromSettings', () => {
  it('numbers the map entries from 1 and names the setting as their source', () => {
    assert.equal(SETTINGS_SOURCE_PATH, 'multiplier.ownershipMap');
    assert.deepEqual(ownershipRulesFromSettings([{ pattern: 'src/payments/', owners: ['@acme/payments'] }, { pattern: '*.md', owners: [] }]), [
      { pattern: 'src/payments/', owners: ['@acme/payments'], source: 'settings', sourcePath: 'multiplier.ownershipMap', line: 1 },
      { pattern: '*.md', owners: [], source: 'settings', sourcePath: 'multiplier.ownershipMap', line: 2 },
    ]);
  });
});

describe('createOwnershipResolver', () => {
  describe('settings rules', () => {
    const settings = ownershipRulesFromSettings([
      { pattern: 'src/', owners: ['@settings-src'] },
      { pattern: 'src/payments/', owners: ['@settings-payments'] },
      { pattern: 'src/payments/legacy/', owners: [] },
    ]);

    for (const flavor of ['github', 'gitlab'] as const) {
      it(`${flavor}: win over CODEOWNERS, the last matching one deciding`, () => {
        const match = resolverFor(['src/payments/ @codeowners'], flavor, settings).ownerOf('src/payments/pay.ts');
        assert.deepEqual(match, {
          area: 'src/payments/',
          owners: ['@settings-payments'],
          source: 'settings',
          sourcePath: 'multiplier.ownershipMap',
          rules: [settings[1]],
        });
      });

      it(`${flavor}: clear ownership even where CODEOWNERS names owners`, () => {
        const match = resolverFor(['* @codeowners'], flavor, settings).ownerOf('src/payments/legacy/old.ts');
        assert.deepEqual([match?.owners, match?.source, match?.area], [[], 'settings', 'src/payments/legacy/']);
      });

      it(`${flavor}: leave unmatched paths to CODEOWNERS`, () => {
        const match = resolverFor(['*.md @docs'], flavor, settings).ownerOf('README.md');
        assert.deepEqual([match?.owners, match?.source, match?.sourcePath], [['@docs'], 'codeowners', 'CODEOWNERS']);
      });
    }

    it('use GitHub pattern semantics even next to a GitLab CODEOWNERS', () => {
      const docs = ownershipRulesFromSettings([{ pattern: 'docs/*', owners: ['@settings'] }]);
      const resolver = resolverFor(['docs/* @gitlab'], 'gitlab', docs);
      assert.deepEqual(resolver.ownerOf('docs/a.md')?.owners, ['@settings']);
      assert.deepEqual(resolver.ownerOf('src/docs/a.md')?.owners, ['@gitlab']);
    });

    it('lists settings rules before CODEOWNERS rules', () => {
      const resolver = resolverFor(['* @a'], 'github', settings);
      assert.deepEqual(resolver.rules.map((rule) => [rule.source, rule.line]), [['settings', 1], ['settings', 2], ['settings', 3], ['codeowners', 1]]);
    });
  });

  describe('GitHub', () => {
    it('returns the last matching rule as the area', () => {
      const lines = ['* @everyone', '/src/payments/ @acme/payments jane@acme.com', '*.md @docs'];
      const match = resolverFor(lines, 'github').ownerOf('src/payments/pay.ts');
      assert.deepEqual(match, {
        area: '/src/payments/',
        owners: ['@acme/payments', 'jane@acme.com'],
        source: 'codeowners',
        sourcePath: 'CODEOWNERS',
        rules: [parseLines(lines, 'github').rules[1]],
      });
    });

    it('reads a rule without owners as explicitly unowned, and no match as undefined', () => {
      const resolver = resolverFor(['/src/ @src', '/src/generated/'], 'github');
      assert.deepEqual(resolver.ownerOf('src/generated/a.ts')?.owners, []);
      assert.deepEqual(resolver.ownerOf('src/a.ts')?.owners, ['@src']);
      assert.equal(resolver.ownerOf('lib/a.ts'), undefined);
    });

    it('ignores GitLab sections and exclusions it could not parse', () => {
      const resolver = resolverFor(['* @a', '[Docs] @t', '!*.lock'], 'github');
      assert.deepEqual(resolver.ownerOf('x.lock')?.owners, ['@a']);
    });
  });

  describe('GitLab', () => {
    it('applies section default owners to rules that name none, and rule owners over them', () => {
      const resolver = resolverFor(['[Docs] @docs-team', 'docs/', 'ee/docs/ @product'], 'gitlab');
      assert.deepEqual(resolver.ownerOf('docs/a.md')?.owners, ['@docs-team']);
      assert.deepEqual(resolver.ownerOf('ee/docs/a.md')?.owners, ['@product']);
    });

    it('merges sections spelled differently into one, where the last match wins', () => {
      const match = resolverFor(['[Docs]', 'docs/ @first', '[Backend]', 'src/ @be', '[DOCS]', 'docs/guides/ @second'], 'gitlab').ownerOf(
        'docs/guides/a.md',
      );
      assert.deepEqual(match?.owners, ['@second']);
      assert.deepEqual(match?.rules.map((rule) => [rule.section, rule.line]), [['Docs', 6]]);
    });

    it('unions owners over sections without duplicates, in order of first appearance', () => {
      const lines = ['* @lead', '[Backend]', 'src/ @be @Lead', '[Security]', 'src/auth/ @sec @be'];
      const match = resolverFor(lines, 'gitlab').ownerOf('src/auth/login.ts');
      assert.deepEqual(match?.owners, ['@lead', '@be', '@sec']);
      assert.equal(match?.area, 'src/auth/');
      assert.deepEqual(match?.rules.map((rule) => rule.line), [1, 3, 5]);
    });

    it('names the area after the matching rule written last, whichever section it is in', () => {
      const lines = ['[B]', 'src/ @b', '[A]', '*.ts @a', '[B]', 'lib/ @b2'];
      const match = resolverFor(lines, 'gitlab').ownerOf('src/x.ts');
      assert.equal(match?.area, '*.ts');
      assert.deepEqual(match?.owners, ['@b', '@a']);
    });

    it('excludes a path from its section wherever the exclusion is written, leaving other sections', () => {
      const lines = ['[Deps] @deps', '!package-lock.json', '*.json', '[Release] @release', 'package-lock.json'];
      const resolver = resolverFor(lines, 'gitlab');
      const match = resolver.ownerOf('package-lock.json');
      assert.deepEqual(match?.owners, ['@release']);
      assert.deepEqual(match?.rules.map((rule) => rule.line), [5]);
      assert.deepEqual(resolver.ownerOf('package.json')?.owners, ['@deps']);
    });

    it('reports a path excluded everywhere it matched as explicitly unowned', () => {
      const match = resolverFor(['* @all', '!*.lock', '[Locks] @l', '!yarn.lock'], 'gitlab').ownerOf('yarn.lock');
      assert.deepEqual(match?.owners, []);
      assert.equal(match?.area, 'yarn.lock');
      assert.deepEqual(match?.rules.map((rule) => [rule.line, rule.exclusion]), [[2, true], [4, true]]);
    });

    it('lets an owner-less rule in a section without defaults clear that section only', () => {
      const resolver = resolverFor(['* @all', '[Docs]', 'docs/ @docs', 'docs/drafts/'], 'gitlab');
      assert.deepEqual(resolver.ownerOf('docs/drafts/x.md')?.owners, ['@all']);
      assert.equal(resolver.ownerOf('src/x.ts')?.area, '*');
    });

    it('returns undefined when no section matches', () => {
      assert.equal(resolverFor(['[Docs] @t', 'docs/'], 'gitlab').ownerOf('src/x.ts'), undefined);
    });
  });
});
