/**
 * `npm run demo [-- --repo DIR] [--screenshot FILE | --screenshots DIR]`: Multiplier in a real VS
 * Code in the browser. `--screenshots DIR` saves the README's tour: the nudge with its tooltip, the
 * suggestions quick pick and the handoff note.
 * Without --repo it generates the sample team repository (Lee leads, and has written most recent
 * payments changes). Without --screenshot it prints the address and serves until Ctrl-C; with it,
 * it opens the file of your top nudge, hovers the status bar item and saves a PNG of the window.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveGitBinary } from '../../src/core/git/gitBinary';
import { SimpleGitRunner } from '../../src/core/git/simpleGitRunner';
import { loadRepositorySettings } from '../../src/core/scan/loadSettings';
import { scanRepository } from '../../src/core/scan/scanRepository';
import { toSeconds } from '../../src/core/time';
import { nodeWorkspaceFiles } from '../../src/core/workspaceFiles';
import { createSampleTeamRepo } from '../fixtures/sampleTeamRepo';
import { startCodeServer } from '../integration/harness/codeServerProcess';
import { provisionCodeServer } from '../integration/harness/provisionCodeServer';
import { openWorkbench, workbenchUrl, type Workbench } from '../integration/harness/workbenchPage';

const ROOT = path.resolve(__dirname, '..', '..');
const CACHE = path.join(ROOT, '.vscode-test');

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { repo: { type: 'string' }, screenshot: { type: 'string' }, screenshots: { type: 'string' } }, strict: true });
  const repo = values.repo ? path.resolve(values.repo) : createSampleTeamRepo().dir;
  if (!fs.existsSync(path.join(repo, '.git'))) throw new Error(`${repo} is not the top of a git repository.`);
  execFileSync(process.execPath, [path.join(ROOT, 'esbuild.mjs')], { cwd: ROOT, stdio: 'inherit' });
  const { entry } = await provisionCodeServer(CACHE);
  const session = fs.mkdtempSync(path.join(os.tmpdir(), 'multiplier-demo-'));
  fs.mkdirSync(path.join(session, 'user-data'), { recursive: true });
  const server = await startCodeServer({
    entry,
    userDataDir: path.join(session, 'user-data'),
    extensionsDir: path.join(session, 'extensions'),
    workspaceTrust: false,
    userSettings: demoSettings(repo),
    env: {},
    logFile: path.join(session, 'code-server.log'),
  });
  const url = workbenchUrl({ origin: server.origin, folder: repo, extensionDevelopmentPaths: [ROOT], extensionTestsPath: undefined });
  const stop = async (): Promise<void> => {
    await server.stop();
    fs.rmSync(session, { recursive: true, force: true });
  };
  if (!values.screenshot && !values.screenshots) {
    console.log(`\nMultiplier demo on ${repo}\nOpen: ${url}\nCtrl-C stops it.\n`);
    await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
    await stop();
    return 0;
  }
  let workbench: Workbench | undefined;
  try {
    workbench = await openWorkbench({ origin: server.origin, folder: repo, extensionDevelopmentPaths: [ROOT], extensionTestsPath: undefined }, path.join(session, 'chromium'), path.join(session, 'code-server.log'));
    if (values.screenshots) await screenshotTour(workbench, repo, path.resolve(values.screenshots));
    else await screenshotNudge(workbench, repo, path.resolve(values.screenshot ?? 'demo.png'));
    return 0;
  } finally {
    await workbench?.close();
    await stop();
  }
}

/** The demo's VS Code starts with a private HOME: carry over who you are from your git config. */
function demoSettings(repo: string): Record<string, unknown> {
  const settings: Record<string, unknown> = { 'workbench.startupEditor': 'none', 'workbench.tips.enabled': false, 'window.commandCenter': false };
  try {
    const email = execFileSync('git', ['-C', repo, 'config', 'user.email'], { encoding: 'utf8' }).trim();
    if (email) settings['multiplier.identities'] = [email];
  } catch {
    // No identity configured: the extension says so in its log.
  }
  return settings;
}

/** The file to open: the one I changed most recently in my top nudge area. */
async function fileOfTopNudge(repo: string): Promise<string | undefined> {
  const gitPath = resolveGitBinary(process.env);
  const scan = await scanRepository({
    folder: repo,
    makeRunner: (cwd) => new SimpleGitRunner({ gitPath, cwd, env: process.env, timeoutMs: 120_000 }),
    filesAt: nodeWorkspaceFiles,
    settings: async (files) => (await loadRepositorySettings(files)).settings,
    me: [],
    nowSeconds: toSeconds(Date.now()),
  });
  const top = scan.analysis.areas.find((area) => area.level === 'nudge');
  if (!top) return undefined;
  const mine = scan.analysis.contributions.find((c) => scan.analysis.isMe(c.author) && c.changes.some((change) => scan.analysis.areaOf(change.path)?.key === top.key));
  return mine?.changes.find((change) => scan.analysis.areaOf(change.path)?.key === top.key)?.path;
}

async function screenshotNudge(workbench: Workbench, repo: string, file: string): Promise<void> {
  const { page } = workbench;
  await page.locator('.part.statusbar .statusbar-item').first().waitFor({ timeout: 60_000 });
  const target = await fileOfTopNudge(repo);
  if (!target) console.warn('No nudge in this repository for your identity; the screenshot shows the workbench without one.');
  else {
    await openInQuickOpen(page, target);
    const item = page.locator('[id="multiplier.multiplier.multiplier.nudge"]').filter({ hasText: '·' });
    await item.waitFor({ timeout: 60_000 }).catch(async (error: unknown) => {
      await page.screenshot({ path: `${file}.failed.png` });
      throw new Error(`the nudge did not appear for ${target} (the window is in ${file}.failed.png): ${String(error)}`);
    });
    // The replaced lines come from git blame in the worker after the scan: hover again until they are in.
    for (let attempt = 0; attempt < 5; attempt++) {
      await page.mouse.move(10, 10);
      await item.hover();
      const hover = page.locator('.workbench-hover, .monaco-hover').first();
      await hover.waitFor({ timeout: 10_000 });
      if ((await hover.innerText()).includes('Your changes replaced')) break;
      await page.waitForTimeout(1000);
    }
    await page.waitForTimeout(400);
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
  console.log(`Saved ${file}`);
}

/** The README's pictures: the nudge and its tooltip, the suggestions, and the handoff note. */
async function screenshotTour(workbench: Workbench, repo: string, dir: string): Promise<void> {
  const { page } = workbench;
  await screenshotNudge(workbench, repo, path.join(dir, 'nudge-tooltip.png'));
  const item = page.locator('[id="multiplier.multiplier.multiplier.nudge"]').filter({ hasText: '·' });
  await page.mouse.move(10, 10);
  await item.click();
  await page.locator('.quick-input-widget .monaco-list-row').first().waitFor({ timeout: 10_000 });
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(dir, 'quick-pick.png') });
  console.log(`Saved ${path.join(dir, 'quick-pick.png')}`);
  await page.keyboard.type('handoff');
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab', { hasText: 'Untitled' }).first().waitFor({ timeout: 20_000 });
  await page.waitForTimeout(800);
  await page.screenshot({ path: path.join(dir, 'handoff-note.png') });
  console.log(`Saved ${path.join(dir, 'handoff-note.png')}`);
}

/** Quick Open, retried: right after start-up the workbench can swallow the first keystrokes. */
async function openInQuickOpen(page: Workbench['page'], file: string): Promise<void> {
  const tab = page.locator('.tabs-container .tab', { hasText: path.basename(file) });
  for (let attempt = 0; attempt < 5 && !(await tab.count()); attempt++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').waitFor({ timeout: 10_000 });
    await page.keyboard.type(file);
    await page.waitForTimeout(1000);
    await page.keyboard.press('Enter');
    await tab.first().waitFor({ timeout: 5_000 }).catch(() => undefined);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
