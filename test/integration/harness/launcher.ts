/**
 * Stands in for the VS Code executable that @vscode/test-electron's `runTests` spawns: starts
 * code-server, opens its workbench in headless Chromium in extension-test mode, forwards the test
 * output, and exits with the tests' exit code. Bundled to .vscode-test/launcher.js, so the cache
 * folder is this file's own folder.
 *
 * Environment:
 *   MULTIPLIER_TEST_TIMEOUT_MS        hard limit for the whole run (default 180000)
 *   MULTIPLIER_TEST_WORKSPACE_TRUST   `enabled` runs with Workspace Trust (Restricted Mode possible)
 *   MULTIPLIER_TEST_SETTINGS          JSON written as the user settings.json before start
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { startCodeServer, type CodeServer } from './codeServerProcess';
import { parseLaunchArgs } from './launchArgs';
import { provisionCodeServer } from './provisionCodeServer';
import { UI_PROBE_ENV } from './uiProbeProtocol';
import { failuresCarriedOverReloads, startUiProbeServer } from './uiProbeServer';
import { openWorkbench, type Workbench } from './workbenchPage';

const cacheRoot = __dirname;
const TIMED_OUT = 124;
const STATE_FLUSH_MS = 500;

/** MULTIPLIER_TEST_SETTINGS over the desktop-equivalent defaults; undefined keeps existing settings. */
function userSettings(skipWelcome: boolean): Record<string, unknown> | undefined {
  const text = process.env.MULTIPLIER_TEST_SETTINGS;
  let fromEnv: Record<string, unknown> = {};
  try {
    if (text) fromEnv = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new Error(`MULTIPLIER_TEST_SETTINGS is not JSON: ${text}`);
  }
  const settings = { ...(skipWelcome ? { 'workbench.startupEditor': 'none' } : {}), ...fromEnv };
  return Object.keys(settings).length > 0 ? settings : undefined;
}

async function main(): Promise<number> {
  const args = parseLaunchArgs(process.argv.slice(2));
  const { entry } = await provisionCodeServer(cacheRoot);
  const timeoutMs = Number(process.env.MULTIPLIER_TEST_TIMEOUT_MS || 180_000);
  if (!(timeoutMs > 0)) throw new Error(`MULTIPLIER_TEST_TIMEOUT_MS must be a positive number of milliseconds, not ${process.env.MULTIPLIER_TEST_TIMEOUT_MS}`);
  const userDataDir = args.userDataDir ?? path.join(cacheRoot, 'user-data');
  const logFile = path.join(userDataDir, 'launcher.log');
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.writeFileSync(logFile, '');

  let codeServer: CodeServer | undefined;
  let workbench: Workbench | undefined;
  let finishing = false;
  const probe = await startUiProbeServer(() => workbench);
  // Whatever ends this process must take code-server's process group with it.
  process.on('exit', () => codeServer?.kill());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<number>((resolve) => {
    timer = setTimeout(() => {
      void onTimeout(workbench?.page, timeoutMs, logFile).then(() => resolve(TIMED_OUT));
    }, timeoutMs);
  });
  try {
    const run = (async (): Promise<number> => {
      codeServer = await startCodeServer({
        entry,
        userDataDir,
        extensionsDir: args.extensionsDir ?? path.join(cacheRoot, 'extensions'),
        workspaceTrust: process.env.MULTIPLIER_TEST_WORKSPACE_TRUST === 'enabled',
        userSettings: userSettings(args.skipWelcome),
        env: { [UI_PROBE_ENV]: probe.url },
        logFile,
      });
      workbench = await openWorkbench({ origin: codeServer.origin, ...args }, path.join(userDataDir, 'chromium-profile'), logFile);
      const serverGone = codeServer.exited.then((how) => {
        if (!finishing) process.stderr.write(`[launcher] code-server exited (${how}) before the tests finished; see ${logFile}\n`);
        return 1;
      });
      const code = await Promise.race([workbench.exitCode, serverGone]);
      // The browser writes globalState and workspaceState to IndexedDB a moment after they change,
      // and not reliably on close: let the last writes land, so a later run against the same
      // user-data dir sees them, as with desktop VS Code.
      await new Promise((resolve) => setTimeout(resolve, STATE_FLUSH_MS));
      const carried = failuresCarriedOverReloads();
      if (carried > 0 && code === 0) {
        process.stderr.write(`[launcher] ${carried} test(s) failed in a window before it was reloaded\n`);
        return 1;
      }
      return code;
    })();
    return await Promise.race([run, timedOut]);
  } finally {
    finishing = true;
    clearTimeout(timer);
    await workbench?.close();
    await codeServer?.stop();
    probe.close();
  }
}

async function onTimeout(page: Page | undefined, timeoutMs: number, logFile: string): Promise<void> {
  const shot = path.join(cacheRoot, `failure-${new Date().toISOString().replace(/[:.]/g, '-')}.png`);
  const saved = page ? await page.screenshot({ path: shot, timeout: 10_000 }).then(() => true, () => false) : false;
  process.stderr.write(
    `[launcher] the test run did not finish within ${timeoutMs} ms (MULTIPLIER_TEST_TIMEOUT_MS). ` +
      `${saved ? `Screenshot: ${shot}. ` : 'No screenshot (the page never opened). '}Log: ${logFile}\n`,
  );
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`[launcher] ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
