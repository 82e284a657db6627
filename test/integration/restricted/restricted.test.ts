/**
 * Restricted Mode: the folder is not trusted, so Multiplier runs no git at all and says why.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hoverStatusBarItem } from '../harness/uiProbe';
import { recordedGitCalls } from '../shared/gitShim';
import { activateExtension, openFile, waitForNudgeItem } from '../shared/workbench';

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
    // Give a wrongly started read time to reach git before checking that none did.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    assert.deepEqual(recordedGitCalls(), []);
  });
});
