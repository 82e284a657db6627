/**
 * The walkthrough in a real VS Code, on the sample team repository without settings: it is
 * contributed and opens; Confirm My Identity shows Lee as git config has him and adds an alias
 * that takes effect; Import Teams drafts multiplier.teams with inferred members, writes nothing
 * when cancelled, and writes exactly the draft when confirmed, with the nudge still there.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'jsonc-parser';
import * as vscode from 'vscode';
import { clickByRole, hoverStatusBarItem, quickPickItems, typeText, visibleText, waitFor, webviews } from '../harness/uiProbe';
import { CONFIRMATION, draftedValue, draftEditor, folderSetting } from '../shared/draftEditor';
import { activateExtension, openFile, waitForNudgeItem, workspaceFolder } from '../shared/workbench';

const NUDGE_TEXT = 'payments · you 80%';
const teamsSetting = (): unknown => folderSetting('teams');
const draftTeams = (editor: vscode.TextEditor): Record<string, string[]> => draftedValue(editor, 'multiplier.teams');

describe('the getting-started walkthrough in a real VS Code', function () {
  this.timeout(90_000);

  before(activateExtension);

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  it('is contributed: the walkthrough opens with its five steps', async () => {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', 'multiplier.multiplier#multiplier.gettingStarted', false);
    const page = await waitFor(() => visibleText('.gettingStartedContainer'), (text) => text.includes('Get started with Multiplier'));
    for (const step of ['Confirm who you are', 'Say which team owns what', 'No CODEOWNERS? Draft the map from history', 'Choose when to be nudged', 'See your footprint']) {
      assert.ok(page.includes(step), `step "${step}" in:\n${page}`);
    }
    // The selected step's page (media/walkthrough/identity.md) is rendered in a webview.
    const pages = await waitFor(webviews, (views) => views.some((view) => view.text.includes('Who you are')));
    assert.match(pages.find((view) => view.text.includes('Who you are'))?.text ?? '', /Confirm My Identity shows, for each folder, every email and @handle that counts as you/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('Confirm My Identity shows who Lee is and adds the @handle CODEOWNERS names him by, which makes /docs/ his own', async () => {
    await openFile('docs/handbook.md');
    // Without the alias, Lee is not recognised as @lee-leader, the owner of /docs/.
    await waitForNudgeItem((i) => i?.text.includes('docs · you 100%') ?? false);
    const running = vscode.commands.executeCommand('multiplier.confirmIdentity');
    const rows = await waitFor(quickPickItems, (r) => r.some((row) => row.label.includes('Add an email or @handle')), 20_000);
    const me = rows.find((row) => row.label === 'lee@acme.example');
    assert.equal(me?.description, 'git config user.email · Lee Leader');
    assert.ok(rows.some((row) => row.label === '8 of your commits in the last 90 days'), JSON.stringify(rows.map((r) => r.label)));

    await clickByRole('option', 'Add an email or @handle', 'substring');
    await waitFor(() => visibleText('.quick-input-title'), (title) => title === 'Multiplier: Add an Identity');
    await typeText('@acme/payments');
    await waitFor(() => visibleText('.quick-input-message'), (message) => /@acme\/payments is a team\. Enter your own @handle/.test(message));
    await typeText('', 'Control+A');
    await typeText('@lee-leader', 'Enter');
    const scopes = await waitFor(quickPickItems, (r) => r.some((row) => row.label === 'User settings'));
    assert.deepEqual(scopes.map((r) => r.label), ['Workspace settings', 'User settings']);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');

    // Written to the folder's settings; history is read again and the pick shows it.
    await waitFor(async () => vscode.workspace.getConfiguration('multiplier', workspaceFolder().uri).get<string[]>('identities'), (ids) => ids?.includes('@lee-leader') ?? false);
    const again = await waitFor(quickPickItems, (r) => r.some((row) => row.label === '@lee-leader'), 30_000);
    assert.equal(again.find((row) => row.label === '@lee-leader')?.description, 'multiplier.identities');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await running;
    await waitForNudgeItem((i) => i === undefined);
  });

  it('Import Teams drafts the teams with inferred members, and Cancel writes nothing', async () => {
    await openFile('src/payments/capture.ts');
    await waitForNudgeItem((i) => i?.text.includes(NUDGE_TEXT) ?? false);
    const running = vscode.commands.executeCommand('multiplier.importTeams');
    const teams = draftTeams(await draftEditor());
    assert.deepEqual(Object.keys(teams).sort(), ['@acme/payments', '@acme/platform', '@acme/search']);
    assert.match(await visibleText(CONFIRMATION), /drafted members for 3 teams of acme-shop from history \(inferred/);
    await clickByRole('button', 'Cancel');
    await running;
    assert.deepEqual(teamsSetting(), {});
    // The draft stays open after Cancel, for the user to copy or close.
    assert.equal(vscode.window.activeTextEditor?.document.languageId, 'jsonc');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('Import Teams writes exactly the draft when confirmed, and the nudge stays', async () => {
    await openFile('src/payments/capture.ts');
    await waitForNudgeItem((i) => i?.text.includes(NUDGE_TEXT) ?? false);
    const running = vscode.commands.executeCommand('multiplier.importTeams');
    const editor = await draftEditor();
    const text = editor.document.getText();
    const teams = draftTeams(editor);
    // Inferred from history, most active first; Lee is "me" and never a member.
    assert.deepEqual(teams['@acme/payments']?.slice(0, 2).sort(), ['alice@acme.example', 'priya@acme.example']);
    assert.deepEqual(teams['@acme/search']?.[0], 'sam@acme.example');
    assert.deepEqual(teams['@acme/platform'], ['omar@acme.example']);
    assert.ok(!JSON.stringify(teams).includes('lee@acme.example'), text);
    assert.match(text, /"alice@acme\.example",? \/\/ Alice Doe: 1 change in 90 days/);

    await visibleText(CONFIRMATION);
    await clickByRole('button', 'Write to Workspace Settings');
    await running;
    assert.deepEqual(teamsSetting(), teams);
    const file = fs.readFileSync(path.join(workspaceFolder().uri.fsPath, '.vscode', 'settings.json'), 'utf8');
    assert.deepEqual((parse(file) as Record<string, unknown>)['multiplier.teams'], teams);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.isUntitled && d.languageId === 'jsonc' && !d.isClosed), 'the draft editor is closed');

    // History is read again with configured teams: the nudge stays, its people are no longer inferred.
    await openFile('src/payments/capture.ts');
    await waitForNudgeItem((i) => i?.text.includes(NUDGE_TEXT) ?? false);
    const tooltip = await waitFor(() => hoverStatusBarItem(NUDGE_TEXT), (t) => t.includes('Alice Doe') && !t.includes('inferred'), 30_000);
    assert.match(tooltip, /Owned by @acme\/payments/);
  });
});
