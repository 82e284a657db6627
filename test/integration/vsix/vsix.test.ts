/**
 * The VSIX from `npm run package`, installed into a real VS Code: the extension loads from the
 * extensions dir (not the repository), activates from the minified production bundle, and the
 * nudge appears, which needs dist/analysisWorker.js from the VSIX to read and score history.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { quickPickItems, typeText, waitFor } from '../harness/uiProbe';
import { openFile, waitForNudgeItem } from '../shared/workbench';

const EXTENSION_ID = 'multiplier.multiplier';
const NUDGE_TEXT = 'payments · you 80%';

function requiredEnv(name: string): string {
  const value = process.env[name];
  assert.ok(value, `the runner did not pass ${name}: the fixture must export installVsix = true`);
  return value;
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

describe('the packaged VSIX, installed into a real VS Code', function () {
  this.timeout(60_000);

  it('is loaded from the extensions dir it was installed into, not from the repository', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    const installed = fs.realpathSync(extension.extensionPath);
    const extensionsDir = fs.realpathSync(requiredEnv('MULTIPLIER_TEST_EXTENSIONS_DIR'));
    assert.ok(isInside(installed, extensionsDir), `${installed} is not inside ${extensionsDir}`);
    assert.equal(path.basename(installed), `${EXTENSION_ID}-${extension.packageJSON.version as string}`);
    assert.equal(vscode.extensions.all.filter((e) => e.id.toLowerCase() === EXTENSION_ID).length, 1, 'more than one copy of the extension is loaded');
    // Only what ships: the bundles, no sources, source maps or build files.
    for (const absent of ['src', 'node_modules', 'test', 'tsconfig.json', 'esbuild.mjs', 'media/.gitkeep']) {
      assert.equal(fs.existsSync(path.join(installed, absent)), false, `${absent} should not be in the VSIX`);
    }
    const bundles = fs.readdirSync(path.join(installed, 'dist')).sort();
    assert.ok(bundles.includes('extension.js') && bundles.includes('analysisWorker.js'), `dist/ holds ${bundles.join(', ')}`);
    assert.deepEqual(bundles.filter((file) => !file.endsWith('.js')), [], 'dist/ holds more than bundles');
    assert.ok(fs.existsSync(path.join(installed, extension.packageJSON.icon as string)), 'the icon is missing');
    // The manifest's English text, which package.json names by %key%, and the messages' English bundle.
    assert.ok(fs.existsSync(path.join(installed, 'package.nls.json')), 'package.nls.json is missing');
    assert.equal(extension.packageJSON.l10n, './l10n');
    assert.ok(fs.existsSync(path.join(installed, 'l10n', 'bundle.l10n.json')), 'l10n/bundle.l10n.json is missing');
    // The README the Extensions view shows links its screenshots: they ship with it.
    assert.ok(fs.existsSync(path.join(installed, 'media', 'screenshots', 'nudge-tooltip.png')), 'the README screenshots are missing');
  });

  it('activates from the production bundle', async () => {
    const extension = vscode.extensions.getExtension<{ activationMs: number }>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    const exports = await extension.activate();
    assert.equal(extension.isActive, true);
    assert.equal(typeof exports.activationMs, 'number');
    assert.ok(exports.activationMs >= 0, `activationMs is ${exports.activationMs}`);
    console.log(`      activation took ${exports.activationMs.toFixed(1)} ms`);
  });

  it('shows the nudge in the sample team repository (history read by the bundled worker)', async () => {
    await openFile('src/payments/capture.ts');
    const item = await waitForNudgeItem((i) => i?.text.includes(NUDGE_TEXT) ?? false, 30_000);
    assert.ok(item?.text.includes(NUDGE_TEXT), `the status bar shows ${item?.text}`);
  });

  it('shows its commands by their English titles, read from package.nls.json', async () => {
    void vscode.commands.executeCommand('workbench.action.showCommands');
    await waitFor(quickPickItems, (rows) => rows.length > 0);
    await typeText('Multiplier: Add Co-author');
    const rows = await waitFor(quickPickItems, (all) => all.some((row) => row.label.includes('Add Co-author')));
    assert.ok(rows.some((row) => row.label.trim() === 'Multiplier: Add Co-author…'), JSON.stringify(rows.map((row) => row.label)));
    assert.ok(rows.every((row) => !row.label.includes('%')), 'no %key% shows');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });
});
