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
import { quickPickItems, reloadWindow, screenshot, scrollWebview, typeText, waitFor, webviewFocus, webviews, webviewStyle, windowReloads } from '../harness/uiProbe';
import { PRIYA } from '../../fixtures/sampleTeamRepo';
import { TestRepo } from '../../helpers/gitFixture';
import { activateExtension, waitForInputBox, waitForNudgeItem, workspaceFolder } from '../shared/workbench';

const NUDGE_TEXT = 'payments · you 80%';
const TITLE = 'My Footprint';
const SCREENSHOT = path.resolve(__dirname, '..', '..', '..', 'media', 'screenshots', 'footprint.png');
const SHADOW_SCREENSHOT = path.resolve(__dirname, '..', '..', '..', 'media', 'screenshots', 'footprint-dives.png');

/** `#rrggbb` or `#rrggbbaa` as the `rgb(…)` a computed style gives it. */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

/**
 * Colours the view takes from the theme, each next to the theme variable it should come from: the
 * text, a dive bar and the owners' follow-up after a dive.
 */
async function themeColours(): Promise<Array<{ name: string; used: string; theme: string }>> {
  const read = async (name: string, selector: string, property: string, variable: string) => {
    const { values } = await webviewStyle(TITLE, selector, [property, variable]);
    return { name, used: values[property] ?? '', theme: rgb(values[variable] ?? '') };
  };
  return Promise.all([
    read('text', 'body', 'color', '--vscode-foreground'),
    read('dive bar', '.dive-bar', 'fill', '--vscode-charts-orange'),
    read('follow-up', '.follow-up-owners', 'fill', '--vscode-charts-green'),
  ]);
}

const fromTheme = (colours: ReadonlyArray<{ used: string; theme: string }>): boolean => colours.every((c) => c.used !== '' && c.used === c.theme);

/** Shows the footprint with history read, in the first editor group. */
async function showFootprint(accept: (text: string) => boolean = (t) => t.includes('/src/payments/')): Promise<string> {
  await historyRead();
  await vscode.commands.executeCommand('workbench.action.focusFirstEditorGroup');
  await vscode.commands.executeCommand('multiplier.showFootprint');
  return footprintText(accept);
}

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
    // Five files since the sample repository has the payments API contract (a decision file).
    assert.match(text, /Pair with or hand off to\s+Alice Doe — Knows 1 of 5 files in \/src\/payments\//);
    assert.match(text, /Priya Patel — /);
    assert.match(text, /Write handoff note\s+Ownership details/);
    assert.match(text, /\/src\/search\/\s+Owned by @acme\/search/);
    const [cards, rest] = text.split('Areas that are yours');
    assert.ok(rest?.includes('/docs/'), 'Lee’s own area is listed as Lee’s');
    assert.ok(!cards?.includes('/docs/'), 'and not as footprint');
    // What only the catch-all `* @acme/platform` governs is the top-level folder area, read from history.
    assert.match(rest ?? '', /Other team areas\s+\/ @acme\/platform · built by Omar Ortiz \(former\), from history · no changes or files of yours in the last 90 days\s+\/src\/platform\/ @acme\/platform · /);
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

  it('shows Lee’s dives of the year on a timeline, with the owners’ follow-up, and where the window’s changes went', async function () {
    if ((await windowReloads()) > 0) this.skip();
    const text = await showFootprint((t) => t.includes('Where your hands-on time went'));
    assert.match(text, /Dives into team areas, the last 365 days\s+3 dives into team areas this year, in 2 areas; since the last one the owners have made 1 change there so far\./);
    // One row per area (its name a button), then the chart in words: a bar per dive with its follow-up.
    assert.match(text, /\nsearch\npayments\nyour dive\nthe owners carried on\nno change by the owners\nstill running\n/);
    const alternative = /\/src\/search\/, [^:]+: 3 solo changes; after it the owners made 2 changes there\. \/src\/payments\/, [^:]+: 3 solo changes; after it the owners made 2 changes there\. \/src\/payments\/, [^:]+: 6 solo changes \(2 AI-assisted\); since it the owners have made 1 change there so far\./;
    assert.match(text, alternative);
    assert.match(text, /Where your hands-on time went\s+your own areas: 1\s+paired with owners: 0\s+solo in team areas: 7\s+unowned code: 0\s+Of your 8 changes in the last 90 days, 1 was in your own areas and 7 solo in team areas\./);
    assert.match(text, /Hands warm, without taking the wheel\s+Your own areas \(\/docs\/\): the decisions there are yours to make\.\s+A pairing session with Alice Doe in \/src\/payments\/: /);
    // And the card says what else the work leaves behind.
    assert.match(text, /2 of your 6 solo changes here were AI-assisted: new code for the owners to learn\.\s+You changed 1 decision file here: src\/payments\/api\/payments\.v2\.proto\./);
  });

  it('follows the theme: its text, dive bars and the owners’ follow-up take the theme’s colours, dark and light', async function () {
    if ((await windowReloads()) > 0) this.skip();
    const workbench = vscode.workspace.getConfiguration('workbench');
    await showFootprint((t) => t.includes('Dives into team areas'));
    try {
      // VS Code marks a webview's body with the kind of theme it has applied. Waiting for that
      // (not only for colours that agree with the theme's variables, which the theme before
      // the switch satisfies too) makes each reading the theme asked for.
      const inTheme = async (kind: 'dark' | 'light') => ({ applied: (await webviewStyle(TITLE, `body.vscode-${kind}`, ['color'])).found, colours: await themeColours() });
      await workbench.update('colorTheme', 'Default Dark Modern', vscode.ConfigurationTarget.Global);
      const dark = await waitFor(() => inTheme('dark'), (seen) => seen.applied && fromTheme(seen.colours), 20_000);
      await workbench.update('colorTheme', 'Default Light Modern', vscode.ConfigurationTarget.Global);
      const light = await waitFor(() => inTheme('light'), (seen) => seen.applied && fromTheme(seen.colours), 20_000);
      // The dive bar's orange is the same in both themes, so only its use of the theme's colour is checked.
      const usedIn = (colours: typeof dark.colours, name: string) => colours.find((c) => c.name === name)?.used;
      for (const name of ['text', 'follow-up']) assert.notEqual(usedIn(light.colours, name), usedIn(dark.colours, name), `${name} changed with the theme`);
    } finally {
      await workbench.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('works from the keyboard: Tab reaches each dive, which says what it was, and Enter opens its area’s details', async function () {
    if ((await windowReloads()) > 0) this.skip();
    await showFootprint((t) => t.includes('Dives into team areas'));
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    let focused: Awaited<ReturnType<typeof webviewFocus>> = null;
    const seen: string[] = [];
    for (let presses = 0; presses < 60 && !focused?.ariaLabel.startsWith('/src/search/, '); presses++) {
      await typeText('', 'Tab');
      focused = await webviewFocus(TITLE);
      seen.push(focused ? `${focused.tag} ${focused.ariaLabel || focused.text}` : 'nothing');
    }
    assert.ok(focused?.ariaLabel.startsWith('/src/search/, '), `Tab never reached the search dive; focus went: ${seen.join(' | ')}`);
    assert.equal(focused?.tag, 'g');
    assert.match(focused?.ariaLabel ?? '', /: 3 solo changes; after it the owners made 2 changes there\.$/);
    await typeText('', 'Enter');
    const why = await waitFor(async () => vscode.window.activeTextEditor?.document.getText() ?? '', (t) => t.startsWith('# Why Multiplier shows this: /src/search/'));
    assert.match(why, /Your first dive into team areas this year\. Dives here this year/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('shows what followed a handoff, recomputed from history: the owners’ changes since, and the share then and now', async function () {
    if ((await windowReloads()) > 0) this.skip();
    await historyRead();
    await vscode.window.showTextDocument(vscode.Uri.file(path.join(workspaceFolder().uri.fsPath, 'src/payments/capture.ts')), { viewColumn: vscode.ViewColumn.Two });
    await vscode.commands.executeCommand('multiplier.writeHandoffNote');
    assert.match(vscode.window.activeTextEditor?.document.getText() ?? '', /^# Handoff: `\/src\/payments\/`/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await showFootprint((t) => t.includes('After your handoffs'));
    const handedBack = await footprintText((t) => /Since you handed payments back on .+, the owners have made no changes there yet; your share is still 80%\./.test(t));
    assert.match(handedBack, /After your handoffs\s+Since you handed payments back on /);
    // Priya carries on: a commit of hers after the handoff (in the workspace's own test repository).
    const repo = new TestRepo(workspaceFolder().uri.fsPath);
    repo.commit({ author: PRIYA, date: new Date(Date.now() + 60_000), message: 'Payments: refunds after the handoff', files: { 'src/payments/refund.ts': 'export function refund() { /* Priya, after the handoff */ }\n' } });
    try {
      const followed = await footprintText((t) => /Since you handed payments back on .+, Priya Patel made 1 change; your share went from 80% to \d+%\./.test(t), 30_000);
      assert.doesNotMatch(followed, /your share is still 80%/, 'her change lowered Lee’s share');
    } finally {
      repo.git(['reset', '-q', '--hard', 'HEAD~1']);
    }
    await footprintText((t) => t.includes('the owners have made no changes there yet'), 30_000);
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
    // The dives timeline and the balance, further down the same view.
    await scrollWebview(TITLE, '.dives');
    console.log(`      saved ${await screenshot(SHADOW_SCREENSHOT)}`);
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
