/**
 * Restricted Mode: the folder is not trusted, so Multiplier runs no git at all and says why; once
 * the person trusts the folder (in the Workspace Trust editor, as they would), Multiplier starts
 * without a reload.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { clickByRole, hoverStatusBarItem, waitFor } from '../harness/uiProbe';
import { multiplierLog } from '../shared/extensionLog';
import { recordedGitCalls } from '../shared/gitShim';
import { activateExtension, openFile, waitForNudgeItem } from '../shared/workbench';

const NUDGE_TEXT = 'payments · you 80%';

describe('Restricted Mode in a real VS Code', function () {
  this.timeout(60_000);

  it('runs no git and shows a muted item that says why', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the fixture opens the folder untrusted');
    await activateExtension();
    await openFile('src/payments/capture.ts');
    const item = await waitForNudgeItem((i) => i?.text.includes('Multiplier') ?? false);
    assert.equal(item?.text.trim(), 'Multiplier');
    const tooltip = await hoverStatusBarItem('Multiplier');
    assert.match(tooltip, /Restricted Mode: Multiplier runs no git in a folder you have not trusted/);
    // Read History Again resolves once every folder's read has run its course: a read that
    // wrongly ran git would have done so by then.
    await vscode.commands.executeCommand('multiplier.refresh');
    assert.deepEqual(recordedGitCalls(), []);
    // The shim only sees git started through git.path; in Restricted Mode VS Code's git extension
    // is off, so a git from PATH would pass it unseen. The extension's log would still say so.
    const log = multiplierLog();
    assert.match(log, /Restricted Mode: no git will run/);
    assert.doesNotMatch(log, /using git at|reading history/);
  });

  it('starts without a reload when the person trusts the folder in the Workspace Trust editor', async () => {
    const granted = new Promise<void>((resolve) => vscode.workspace.onDidGrantWorkspaceTrust(() => resolve()));
    // The muted item's own action: Manage Workspace Trust, which opens the trust editor.
    void vscode.commands.executeCommand('workbench.trust.manage');
    // Its header offers "Trust" and "Trust Parent"; the accessible name adds the key binding.
    await clickByRole('button', '^Trust(?! Parent)', 'regexp');
    await granted;
    assert.equal(vscode.workspace.isTrusted, true);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await openFile('src/payments/capture.ts');
    const item = await waitForNudgeItem((i) => i?.text.includes(NUDGE_TEXT) ?? false, 30_000);
    assert.ok(item, 'the nudge appears in the same window');
    // The history read is git's work: the extension's log names the read and the HEAD it read.
    const log = await waitFor(async () => multiplierLog(), (text) => /\[history\] (full|incremental) read of \d+ commits of acme-shop at [0-9a-f]{7}/.test(text));
    assert.match(log, /reading history of .*acme-shop \(workspace trusted\)/);
  });
});
