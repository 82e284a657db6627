/**
 * Opens VS Code's browser workbench in Debian's Chromium, in extension-test mode. The workbench
 * reports test output and the extension host's exit code through two window functions that
 * VS Code's own web test runner defines; we define them too.
 */
import * as fs from 'node:fs';
import { format } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from './provisionCodeServer';

/**
 * In test mode the workbench sends its own log through codeAutomationLog along with the
 * extension host's console. These routine lines go to the log file so test output stays readable.
 */
const WORKBENCH_CHATTER = [
  'Resolving connection token',
  'Resolved connection token',
  'Creating a socket',
  'Ignoring fetching additional builtin extensions',
  '[Service Worker] registered',
  'ChatSessionStore:',
  'Updating additional builtin extensions cache',
  '[lifecycle]',
];

export interface WorkbenchTarget {
  readonly origin: string;
  readonly folder: string | undefined;
  readonly extensionDevelopmentPaths: readonly string[];
  readonly extensionTestsPath: string | undefined;
}

export interface Workbench {
  readonly page: Page;
  /** Resolves with the code the workbench passes to `codeAutomationExit`. */
  readonly exitCode: Promise<number>;
  /** Window reloads so far, however they were triggered (probe, command, or the page itself). */
  reloads(): number;
  close(): Promise<void>;
}

/**
 * `payload` is how the browser workbench starts extension development against a remote; its URIs
 * must name exactly the host the page was loaded from.
 */
export function workbenchUrl(target: WorkbenchTarget): string {
  const host = new URL(target.origin).host;
  const remote = (file: string): string => `vscode-remote://${host}${file}`;
  const payload = [
    ...target.extensionDevelopmentPaths.map((dir) => ['extensionDevelopmentPath', remote(dir)]),
    ...(target.extensionTestsPath ? [['extensionTestsPath', remote(target.extensionTestsPath)]] : []),
  ];
  const query = new URLSearchParams();
  // A `.code-workspace` file opens a (multi-root) workspace; anything else is a folder.
  if (target.folder) query.set(target.folder.endsWith('.code-workspace') ? 'workspace' : 'folder', target.folder);
  query.set('payload', JSON.stringify(payload));
  return `${target.origin}/?${query.toString()}`;
}

export async function openWorkbench(target: WorkbenchTarget, profileDir: string, logFile: string): Promise<Workbench> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install Debian packages chromium and ripgrep.`);
  }
  // The web workbench keeps globalState and workspaceState in the browser's IndexedDB, not in the
  // user-data dir. A profile inside the user-data dir gives desktop semantics: same user-data dir,
  // same state; fresh user-data dir, fresh state.
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    ],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    let reportExit: (code: number) => void = () => undefined;
    const exitCode = new Promise<number>((resolve) => (reportExit = resolve));
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      if (WORKBENCH_CHATTER.some((prefix) => line.startsWith(prefix))) fs.appendFileSync(logFile, `[workbench ${type}] ${line}\n`);
      else (type === 'error' || type === 'warning' ? process.stderr : process.stdout).write(`${line}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code: unknown) => reportExit(Number(code)));
    // Counted at navigation commit, before the new window's scripts (and so its tests) run.
    let navigations = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations++;
    });
    // Browser-side messages only matter when something goes wrong, so they go to the log file.
    page.on('console', (message) => fs.appendFileSync(logFile, `[browser ${message.type()}] ${message.text()}\n`));
    page.on('pageerror', (error) => fs.appendFileSync(logFile, `[browser pageerror] ${error.message}\n`));
    await page.goto(workbenchUrl(target));
    return { page, exitCode, reloads: () => Math.max(0, navigations - 1), close: () => context.close().catch(() => undefined) };
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }
}
