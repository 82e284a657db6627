/**
 * The footprint view in a real VS Code, on the sample team repository: read from the rendered
 * webview (through the UI probe), checked against the known history, updated by an assist, and
 * restored after a window reload. With MULTIPLIER_SCREENSHOTS=1 it also saves
 * media/screenshots/footprint.png for the README.
 *
 * Lee's own area, /docs/ (CODEOWNERS names @lee-leader, one of Lee's identities), is listed
 * under "Areas that are yours" and never as footprint: the view is about teams' areas.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { quickPickItems, reloadWindow, screenshot, waitFor, webviews, windowReloads } from '../harness/uiProbe';
import { activateExtension, waitForInputBox, waitForNudgeItem, workspaceFolder } from '../shared/workbench';

const NUDGE_TEXT = 'payments · you 80%';
const TITLE = 'My Footprint';
const SCREENSHOT = path.resolve(__dirname, '..', '..', '..', 'media', 'screenshots', 'footprint.png');

/** The footprint webview's rendered text, once `accept` holds for it. */
async function footprintText(accept: (text: string) => boolean, timeoutMs = 20_000): Promise<string> {
  const views = await waitFor(webviews, (all) => all.some((view) => view.title === TITLE && accept(view.text)), timeoutMs);
  return views.find((view) => view.title === TITLE && accept(view.text))?.text ?? '';
}

/**
 * Opens a payments file beside the view and waits until history has been read: the status bar
 * then shows Lee's nudge in payments (or, during an assist, its time box).
 */
async function historyRead(): Promise<void> {
  const uri = vscode.Uri.file(path.join(workspaceFolder().uri.fsPath, 'src/payments/capture.ts'));
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { viewColumn: vscode.ViewColumn.Two, preview: false });
  await waitForNudgeItem((item) => (item?.text.includes(NUDGE_TEXT) || item?.text.includes('payments · until')) ?? false);
}

describe('the footprint view in a real VS Code', function () {
  this.timeout(90_000);

  before(activateExtension);

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  it('lists the team areas with owners, Lee’s share, the weekly chart in words and who to pair with', async function () {
    if ((await windowReloads()) > 0) this.skip();
    await historyRead();
    await vscode.commands.executeCommand('workbench.action.focusFirstEditorGroup');
    await vscode.commands.executeCommand('multiplier.showFootprint');
    const text = await footprintText((t) => t.includes('/src/payments/'));
    assert.match(text, /Your footprint/);
    assert.match(text, /If you disappeared for two weeks, would your teams keep moving\?/);
    assert.match(text, /Not yet: you are the primary author in \/src\/payments\/ and the only one who knows \d+ of its files\./);
    assert.match(text, /\/src\/payments\/\s+Owned by @acme\/payments\s+Primary author\s+80%\s+your share now/);
    assert.match(text, /You made 6 of 8 changes \(75%\) and 16 of 20 changed lines \(80%\) in the last 90 days\./);
    // The chart's text alternative (visually hidden, for screen readers): the weeks with changes,
    // oldest first. Lee's changes 30 to 10 days ago fall into four weeks (which of them holds the
    // change from exactly 14 days ago depends on the seconds between creating the repo and reading it).
    const chart = /Changes in \/src\/payments\/ per week in the last 90 days, yours of all: ([^.]+)\. No changes in the other (\d+) weeks\./.exec(text);
    assert.ok(chart, 'the chart’s text alternative is there');
    const weeks = [...(chart[1] ?? '').matchAll(/week of [^,]+, (\d+) of (\d+)/g)].map((m) => ({ mine: Number(m[1]), all: Number(m[2]) }));
    assert.equal(weeks.length + Number(chart[2]), 13, '13 weeks in 90 days');
    assert.deepEqual(weeks[0], { mine: 1, all: 1 }, 'the oldest: Lee’s first change, 30 days ago');
    const sum = (key: 'mine' | 'all'): number => weeks.reduce((total, week) => total + week[key], 0);
    assert.deepEqual([sum('mine'), sum('all')], [6, 8], 'Lee made 6 of the 8 changes');
    assert.match(text, /Pair with or hand off to\s+Alice Doe — Knows 1 of 4 files in \/src\/payments\//);
    assert.match(text, /Priya Patel — /);
    assert.match(text, /Write handoff note\s+Ownership details/);
    assert.match(text, /\/src\/search\/\s+Owned by @acme\/search/);
    const [cards, rest] = text.split('Areas that are yours');
    assert.ok(rest?.includes('/docs/'), 'Lee’s own area is listed as Lee’s');
    assert.ok(!cards?.includes('/docs/'), 'and not as footprint');
    assert.match(rest ?? '', /Other team areas\s+\* @acme\/platform · no changes or files of yours in the last 90 days\s+\/src\/platform\/ @acme\/platform · /);
  });

  it('shows an assist started through the quick pick, while the view stays open', async function () {
    if ((await windowReloads()) > 0) this.skip();
    await historyRead();
    await vscode.commands.executeCommand('workbench.action.focusFirstEditorGroup');
    await vscode.commands.executeCommand('multiplier.showFootprint');
    await footprintText((t) => t.includes('/src/payments/'));
    await vscode.commands.executeCommand('workbench.action.focusSecondEditorGroup');
    void vscode.commands.executeCommand('multiplier.startAssist');
    await waitFor(quickPickItems, (rows) => rows.some((row) => row.label.includes('24 hours')));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await waitForInputBox('Why are you helping here?');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const text = await footprintText((t) => t.includes('Active assists'));
    assert.match(text, /Active assists\s+Helping in \/src\/payments\/ until .+/);
    assert.match(text, /Primary author\s+Helping until /);
  });

  it('saves a screenshot of the view for the README (only with MULTIPLIER_SCREENSHOTS=1)', async function () {
    if ((await windowReloads()) > 0 || process.env.MULTIPLIER_SCREENSHOTS !== '1') this.skip();
    // VS Code's default dark theme (headless Chromium prefers light, which the web workbench follows).
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', 'Default Dark Modern', vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
    await vscode.commands.executeCommand('workbench.action.focusFirstEditorGroup');
    await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
    await vscode.commands.executeCommand('multiplier.showFootprint');
    await footprintText((t) => t.includes('Active assists') && t.includes('/src/payments/'));
    const saved = await screenshot(SCREENSHOT);
    // A PNG of the whole page: the signature, then the IHDR chunk's width and height.
    const png = fs.readFileSync(saved);
    assert.equal(png.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', `${saved} is a PNG`);
    assert.ok(png.readUInt32BE(16) >= 800 && png.readUInt32BE(20) >= 500, `${png.readUInt32BE(16)}×${png.readUInt32BE(20)} px`);
    console.log(`      saved ${saved}`);
  });

  it('comes back with its content after a window reload', async () => {
    if ((await windowReloads()) === 0) {
      await vscode.commands.executeCommand('multiplier.showFootprint');
      await footprintText((t) => t.includes('/src/payments/'));
      await reloadWindow();
    }
    // Restored by the panel serializer: nobody runs the command in this window.
    const text = await footprintText((t) => t.includes('Helping in /src/payments/') && t.includes('80%'), 45_000);
    assert.match(text, /\/src\/payments\/\s+Owned by @acme\/payments/);
    assert.match(text, /Alice Doe/);
    // And it is live, not only its saved state: ending the assist takes it off the view.
    await historyRead();
    void vscode.commands.executeCommand('multiplier.endAssist');
    const after = await footprintText((t) => !t.includes('Active assists') && t.includes('/src/payments/'));
    assert.doesNotMatch(after, /Helping until/);
  });
});
