import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS, SETTING_KEYS } from '../../../src/core/config/settings';
import { COMMANDS } from '../../../src/vscode/commandIds';

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));
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
});
