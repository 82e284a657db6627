import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { statusBarItems, uiProbeAvailable, waitFor } from '../harness/uiProbe';

describe('smoke: the extension in a real VS Code', () => {
  it('is installed and activates', async () => {
    const extension = vscode.extensions.getExtension('multiplier.multiplier');
    assert.ok(extension, 'multiplier.multiplier is not among the installed extensions');
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('opens the fixture repository as the workspace folder', () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const expected = process.env.MULTIPLIER_TEST_WORKSPACE;
    assert.ok(expected, 'the runner did not pass MULTIPLIER_TEST_WORKSPACE');
    assert.equal(fs.realpathSync(folder.uri.fsPath), fs.realpathSync(expected));
    assert.ok(fs.existsSync(`${folder.uri.fsPath}/.git`), `${folder.uri.fsPath} is not a git repository`);
  });

  it('can see the rendered workbench through the UI probe', async () => {
    assert.ok(uiProbeAvailable(), 'MULTIPLIER_UI_PROBE did not reach the extension host');
    const items = await waitFor(statusBarItems, (list) => list.length > 0, 15_000);
    assert.ok(items.every((item) => typeof item.id === 'string' && typeof item.text === 'string'));
  });
});
