/**
 * Every git-running path of the extension against repositories that try to run code: the first
 * read (status bar), Read History Again, the handoff note with uncommitted changes, a bare
 * repository, a partial clone and a superproject with a hostile submodule opened as folders. No payload may run and nothing may be written.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { treeDigests } from '../../helpers/treeDigest';
import { hoverStatusBarItem, waitFor } from '../harness/uiProbe';
import { multiplierLog } from '../shared/extensionLog';
import { activateExtension, waitForNudgeItem } from '../shared/workbench';

function markersFound(): string[] {
  const dir = process.env.MULTIPLIER_TEST_MARKERS;
  if (!dir) throw new Error('MULTIPLIER_TEST_MARKERS is not set');
  return fs.readdirSync(dir).map((name) => `${name}: ${fs.readFileSync(`${dir}/${name}`, 'utf8').trim()}`);
}

function folder(index: number): vscode.WorkspaceFolder {
  const found = vscode.workspace.workspaceFolders?.[index];
  if (!found) throw new Error(`workspace folder ${index} is not open`);
  return found;
}

async function open(folderIndex: number, relativePath: string): Promise<void> {
  const uri = vscode.Uri.joinPath(folder(folderIndex).uri, relativePath);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
}

const reads = (log: string): number => (log.match(/\] (full|incremental|cached) read of \d+ commits of hostile shop at /g) ?? []).length;

describe('repositories that try to run code, in a real VS Code', function () {
  this.timeout(90_000);

  before(activateExtension);

  it('opens the four folders as one multi-root window', () => {
    assert.deepEqual(vscode.workspace.workspaceFolders?.map((f) => f.name), ['hostile shop', 'evil.git', 'partial', 'super']);
  });

  it('reads history and shows the nudge, running none of the repository’s programs', async () => {
    await open(0, 'src/payments/capture.ts');
    await waitForNudgeItem((i) => i?.text.includes('payments · you 100%') ?? false, 30_000);
    assert.equal(reads(multiplierLog()) > 0, true, 'the log names the history read');
    assert.deepEqual(markersFound(), []);
  });

  it('Read History Again runs none of them', async () => {
    const before = reads(multiplierLog());
    await vscode.commands.executeCommand('multiplier.refresh');
    await waitFor(async () => reads(multiplierLog()), (count) => count > before, 30_000);
    assert.deepEqual(markersFound(), []);
  });

  it('the handoff note reads uncommitted and unpushed work with every filter driver blanked, running none of them', async () => {
    await open(0, 'src/payments/capture.ts');
    await waitForNudgeItem((i) => i?.text.includes('payments · you 100%') ?? false);
    await vscode.commands.executeCommand('multiplier.writeHandoffNote');
    const editor = await waitFor(async () => vscode.window.activeTextEditor, (e) => e?.document.isUntitled === true && e.document.languageId === 'markdown', 20_000);
    const note = editor?.document.getText() ?? '';
    assert.match(note, /Not pushed yet:[\s\S]*Capture tweak 3/);
    assert.match(note, /Uncommitted:[\s\S]*wip\.ts/);
    assert.match(note, /FIXME: uncommitted work/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    assert.deepEqual(markersFound(), []);
  });

  it('a bare repository opened as a folder: refused, with the reason in the status bar tooltip, running none of them', async () => {
    await open(1, 'HEAD');
    await waitForNudgeItem((i) => i?.text.trim() === 'Multiplier', 30_000);
    const tooltip = await hoverStatusBarItem('Multiplier');
    assert.match(tooltip, /Multiplier could not read this repository: .*evil\.git is a bare repository or lies inside one \(it has no working tree\)\. Multiplier reads a clone with a working tree; open or pass one instead\./);
    assert.deepEqual(markersFound(), []);
  });

  it('a partial clone: never fetches, says why in the tooltip, running none of them', async () => {
    await open(2, 'src/payments/capture.ts');
    await waitForNudgeItem((i) => i?.text.trim() === 'Multiplier', 30_000);
    const tooltip = await hoverStatusBarItem('Multiplier');
    assert.match(tooltip, /Multiplier could not read this repository: This is a partial clone: reading its history needs objects that were never downloaded \(could not fetch [0-9a-f]{7} from promisor remote\), and Multiplier never downloads anything\./);
    assert.deepEqual(markersFound(), []);
  });

  it('a superproject whose dirty submodule has its own fsmonitor, hooks and filter: nudge and handoff run none of them', async () => {
    await open(3, 'src/app.ts');
    await waitForNudgeItem((i) => /^src · you \d+%$/.test(i?.text ?? ''), 30_000);
    await vscode.commands.executeCommand('multiplier.writeHandoffNote');
    const editor = await waitFor(async () => vscode.window.activeTextEditor, (e) => e?.document.isUntitled === true && e.document.languageId === 'markdown', 20_000);
    assert.match(editor?.document.getText() ?? '', /Uncommitted:[\s\S]*src\/app\.ts/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    assert.deepEqual(markersFound(), []);
  });

  it('leaves every repository, .git and index included, byte-for-byte unchanged', () => {
    const file = process.env.MULTIPLIER_TEST_DIGESTS;
    if (!file) throw new Error('MULTIPLIER_TEST_DIGESTS is not set');
    const before = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
    assert.deepEqual(treeDigests(Object.keys(before)), before);
  });
});
