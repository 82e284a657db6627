/**
 * A repository without CODEOWNERS in a real VS Code: the status bar nudges in a folder area read
 * from history and says so in its tooltip; Lee's own folder stays quiet; *Draft Ownership Map
 * from History…* shows the map, copies it as CODEOWNERS lines, writes nothing when cancelled, and
 * writes exactly the draft when confirmed, after which the folder is a rule's area.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'jsonc-parser';
import * as vscode from 'vscode';
import { clickByRole, clickStatusBarItem, hoverStatusBarItem, quickPickItems, visibleText, waitFor } from '../harness/uiProbe';
import { CONFIRMATION, draftedValue, draftEditor, folderSetting } from '../shared/draftEditor';
import { activateExtension, openFile, waitForNudgeItem, workspaceFolder } from '../shared/workbench';

const NUDGE_TEXT = 'billing · you 67%';
const ownershipMapSetting = (): unknown => folderSetting('ownershipMap');
/** The confirmation asked again after the copy, saying what was copied. */
const COPIED = '.notifications-toasts .notification-toast:has-text("copied the CODEOWNERS lines")';
const draftedMap = (editor: vscode.TextEditor): Record<string, string[]> => draftedValue(editor, 'multiplier.ownershipMap');

describe('areas read from history in a real VS Code', function () {
  this.timeout(90_000);

  before(activateExtension);

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  it('nudges in a folder others built, and the tooltip says the area comes from history', async () => {
    await openFile('billing/f00.ts');
    const item = await waitForNudgeItem((i) => i?.text.includes(NUDGE_TEXT) ?? false, 30_000);
    assert.equal(item?.ariaLabel, 'Multiplier: you made 67% of recent changes in billing, built by Ana Lima and Carl Contractor, from history. Select for pairing and handoff suggestions.');
    const tooltip = await hoverStatusBarItem(NUDGE_TEXT);
    assert.match(tooltip, /You made 4 of the 6 changes in \/billing\/ in the last 90 days \(67%\)\./);
    assert.match(tooltip, /Built mostly by Ana Lima and Carl Contractor, from history — no CODEOWNERS rule covers it\./);
    assert.match(tooltip, /Its knowledge is mainly others': they know 30 of its 30 files, you know 1\./);
    assert.match(tooltip, /Ana Lima: Knows 30 of 30 files in \/billing\/; 1 change there and 6 elsewhere in the last 90 days\./);
  });

  it('stays quiet in the folder Lee built, and offers its builder first in the quick pick', async () => {
    await openFile('tools/f00.ts');
    await waitForNudgeItem((i) => i === undefined);
    await openFile('billing/f01.ts');
    await waitForNudgeItem((i) => i?.text.includes(NUDGE_TEXT) ?? false);
    await clickStatusBarItem(NUDGE_TEXT);
    const rows = await waitFor(quickPickItems, (r) => r.length >= 6);
    assert.deepEqual(rows.map((r) => r.label.trim()).slice(0, 3), ['Pair with Ana Lima', 'Pair with Carl Contractor', 'Write handoff note']);
    await vscode.env.clipboard.writeText('');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const copied = await waitFor(async () => vscode.env.clipboard.readText(), (text) => text.length > 0);
    assert.match(copied, /^Hi Ana, I've been making changes in billing \(4 of the last 6\), and you know it best\./);
  });

  it('Draft Ownership Map from History shows the map, and Cancel writes nothing', async () => {
    const running = vscode.commands.executeCommand('multiplier.draftOwnershipMap');
    const map = draftedMap(await draftEditor());
    assert.deepEqual(map, {
      '*': ['ana@acme.com'],
      '/billing/': ['ana@acme.com', 'carl@example.org'],
      '/docs/': ['ana@acme.com'],
      '/payments/': ['ben@acme.com'],
      '/search/': ['sam@acme.com'],
      '/tools/': ['lee@acme.com', 'sam@acme.com'],
    });
    assert.match(await visibleText(CONFIRMATION), /drafted 6 ownership rules for shop from history/);
    // The same rules as CODEOWNERS lines; then the one toast says so and asks again.
    await vscode.env.clipboard.writeText('');
    await clickByRole('button', 'Copy CODEOWNERS Lines');
    const lines = await waitFor(async () => vscode.env.clipboard.readText(), (text) => text.length > 0);
    assert.match(lines, /^\/billing\/ {3}ana@acme\.com carl@example\.org$/m);
    assert.match(await visibleText(COPIED), /paste them into \.github\/CODEOWNERS/);
    await clickByRole('button', 'Cancel');
    await running;
    assert.deepEqual(ownershipMapSetting(), {});
    assert.ok(!fs.existsSync(path.join(workspaceFolder().uri.fsPath, '.vscode', 'settings.json')), 'nothing written to the repository');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('writes exactly the draft when confirmed, and the folder becomes a rule’s area', async () => {
    const running = vscode.commands.executeCommand('multiplier.draftOwnershipMap');
    const map = draftedMap(await draftEditor());
    await visibleText(CONFIRMATION);
    await clickByRole('button', 'Write to Workspace Settings');
    await running;
    assert.deepEqual(ownershipMapSetting(), map);
    const file = fs.readFileSync(path.join(workspaceFolder().uri.fsPath, '.vscode', 'settings.json'), 'utf8');
    assert.deepEqual((parse(file) as Record<string, unknown>)['multiplier.ownershipMap'], map);

    await openFile('billing/f00.ts');
    const tooltip = await waitFor(() => hoverStatusBarItem(NUDGE_TEXT), (t) => t.includes('multiplier.ownershipMap'), 30_000);
    assert.match(tooltip, /Owned by ana@acme\.com, carl@example\.org \(from multiplier\.ownershipMap\)\./);
    assert.doesNotMatch(tooltip, /from history/);
  });
});
