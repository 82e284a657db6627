import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS, SETTING_KEYS } from '../../../src/core/config/settings';
import { COMMANDS } from '../../../src/vscode/commandIds';
import { localizedManifest, nlsKey, nlsKeysIn, readJson } from '../../helpers/manifest';

/** As VS Code shows it, every %key% resolved through package.nls.json. */
const manifest = localizedManifest();
const rawManifest = readJson('package.json') as ReturnType<typeof JSON.parse>;
const nls = readJson('package.nls.json');
const commandsSource = fs.readFileSync(path.resolve(__dirname, '../../../src/vscode/commands.ts'), 'utf8');

function defaultFor(key: string): unknown {
  return key
    .replace(/^multiplier\./, '')
    .split('.')
    .reduce<unknown>((value, part) => (value as Record<string, unknown>)[part], DEFAULT_SETTINGS);
}

describe('package.json against the code', () => {
  it('contributes exactly the commands the code registers, each in the Multiplier category', () => {
    const contributed = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual(contributed, Object.values(COMMANDS).sort());
    for (const command of manifest.contributes.commands) {
      assert.equal(command.category, 'Multiplier', command.command);
      assert.ok(command.title.length > 0);
    }
    for (const key of Object.keys(COMMANDS)) assert.match(commandsSource, new RegExp(`\\[COMMANDS\\.${key}\\]:`), `a handler for ${key}`);
  });

  it('offers Add Co-author… in the Source Control title for git repositories only', () => {
    assert.deepEqual(manifest.contributes.menus['scm/title'], [{ command: COMMANDS.addCoAuthor, when: 'scmProvider == git', group: 'navigation' }]);
    assert.equal(manifest.contributes.commands.find((c: { command: string }) => c.command === COMMANDS.addCoAuthor)?.icon, '$(person-add)');
  });

  it('declares exactly the settings the validator reads, with matching defaults, descriptions and scopes', () => {
    const properties = manifest.contributes.configuration.properties;
    assert.deepEqual(Object.keys(properties).sort(), [...SETTING_KEYS].sort());
    for (const key of SETTING_KEYS) {
      const property = properties[key];
      assert.ok(property.markdownDescription?.length > 20, `${key} has a markdownDescription`);
      assert.ok(property.scope, `${key} has a scope`);
      const expected = defaultFor(key);
      // The map settings are objects in settings.json; the validator keeps the map as ordered entries.
      assert.deepEqual(property.default, key.endsWith('Map') || key.endsWith('teams') ? {} : expected, key);
    }
    assert.equal(properties['multiplier.windowDays'].minimum, 1);
    assert.equal(properties['multiplier.windowDays'].maximum, 3650);
  });

  it('activates on git workspaces, never on *, and is limited in untrusted and virtual workspaces', () => {
    assert.ok(manifest.activationEvents.includes('workspaceContains:.git'));
    assert.ok(!manifest.activationEvents.includes('*'));
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    for (const key of ['multiplier.ownershipMap', 'multiplier.teams', 'multiplier.identities']) {
      assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes(key), key);
    }
    assert.equal(manifest.capabilities.virtualWorkspaces.supported, false);
    assert.equal(manifest.engines.vscode, '^1.100.0');
    assert.equal(manifest.bin.multiplier, 'dist/cli.js');
  });

  describe('localizable: what VS Code shows comes from package.nls.json', () => {
    /** Fails unless `value` is a %key% that package.nls.json defines with some text. */
    function assertLocalized(value: unknown, where: string): void {
      const key = typeof value === 'string' ? nlsKey(value) : undefined;
      assert.ok(key, `${where} is ${JSON.stringify(value)}, not a %key%`);
      assert.equal(typeof nls[key], 'string', `${where}: %${key}% is not in package.nls.json`);
      assert.ok((nls[key] as string).trim().length > 0, `${where}: %${key}% is empty`);
    }

    it('every command title', () => {
      assert.ok(rawManifest.contributes.commands.length >= Object.keys(COMMANDS).length);
      for (const command of rawManifest.contributes.commands) assertLocalized(command.title, `${command.command} title`);
    });

    it('every setting description, markdownDescription and enumDescription, and the section title', () => {
      const { configuration } = rawManifest.contributes;
      assertLocalized(configuration.title, 'configuration title');
      for (const [key, property] of Object.entries<Record<string, unknown>>(configuration.properties)) {
        assert.ok(property.markdownDescription !== undefined || property.description !== undefined, `${key} is described`);
        for (const field of ['description', 'markdownDescription'] as const) {
          if (property[field] !== undefined) assertLocalized(property[field], `${key} ${field}`);
        }
        const enumDescriptions = (property.enumDescriptions ?? []) as unknown[];
        assert.equal(enumDescriptions.length, ((property.enum ?? []) as unknown[]).length, `${key}: one enumDescription per value`);
        enumDescriptions.forEach((text, i) => assertLocalized(text, `${key} enumDescriptions[${i}]`));
      }
    });

    it('the walkthrough, its steps, the capabilities and the extension’s name and description', () => {
      assertLocalized(rawManifest.displayName, 'displayName');
      assertLocalized(rawManifest.description, 'description');
      for (const walkthrough of rawManifest.contributes.walkthroughs) {
        assertLocalized(walkthrough.title, `${walkthrough.id} title`);
        assertLocalized(walkthrough.description, `${walkthrough.id} description`);
        for (const step of walkthrough.steps) {
          assertLocalized(step.title, `${walkthrough.id}/${step.id} title`);
          assertLocalized(step.description, `${walkthrough.id}/${step.id} description`);
        }
      }
      assertLocalized(rawManifest.capabilities.untrustedWorkspaces.description, 'untrustedWorkspaces description');
      assertLocalized(rawManifest.capabilities.virtualWorkspaces.description, 'virtualWorkspaces description');
    });

    it('package.nls.json holds exactly the keys package.json uses', () => {
      assert.deepEqual(Object.keys(nls).sort(), [...new Set(nlsKeysIn(rawManifest))].sort());
    });
  });

  it('says where the project lives, for a Marketplace or Open VSX page', () => {
    const { repository, bugs, homepage, keywords } = manifest;
    assert.equal(repository.type, 'git');
    const base = String(repository.url).replace(/\.git$/, '');
    assert.match(base, /^https:\/\/\S+$/);
    assert.equal(bugs.url, `${base}/issues`);
    assert.ok(String(homepage).startsWith(base), homepage);
    assert.ok(Array.isArray(keywords) && keywords.length >= 3 && keywords.length <= 30, 'between 3 and 30 keywords');
    assert.ok(keywords.every((k: unknown) => typeof k === 'string' && k.length > 0));
  });
});
