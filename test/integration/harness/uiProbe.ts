/**
 * What a person sees, for tests running inside the extension host. The launcher serves these
 * answers from the browser page (uiProbeServer.ts) and passes its address as MULTIPLIER_UI_PROBE.
 * The workbench renders asynchronously, so read with `waitFor` rather than once.
 */
import * as vscode from 'vscode';
import { failuresBeforeReload } from './mochaSuite';
import { UI_PROBE_ENV, type QuickPickItemView, type StatusBarItemView } from './uiProbeProtocol';

export { UI_PROBE_ENV, type QuickPickItemView, type StatusBarItemView };

export function uiProbeAvailable(): boolean {
  return Boolean(process.env[UI_PROBE_ENV]);
}

/** Set once this process has asked for a reload: it must not act on the window that replaces its own. */
let stale = false;

async function call<T>(method: 'GET' | 'POST', route: string, body?: unknown, duringReload = false): Promise<T> {
  if (stale && !duringReload) return new Promise<T>(() => undefined);
  const base = process.env[UI_PROBE_ENV];
  if (!base) throw new Error(`${UI_PROBE_ENV} is not set: run this test through npm run test:integration.`);
  const response = await fetch(`${base}${route}`, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const value = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(`UI probe ${method} ${route} failed: ${value.error ?? response.status}`);
  return value;
}

export function statusBarItems(): Promise<StatusBarItemView[]> {
  return call('GET', '/statusbar');
}

/** Hovers the first status bar item whose text contains `text`; returns the hover's text. */
export async function hoverStatusBarItem(text: string): Promise<string> {
  return (await call<{ text: string }>('POST', '/hover', { text })).text;
}

/** The rows of the open quick pick, or [] when none is open. */
export function quickPickItems(): Promise<QuickPickItemView[]> {
  return call('GET', '/quickpick');
}

/** A webview's page as rendered: its document title and its visible text (`innerText`). */
export interface WebviewView {
  readonly title: string;
  readonly text: string;
}

/** Every webview open in the workbench (editor panels and views), or [] when none is. */
export function webviews(): Promise<WebviewView[]> {
  return call('GET', '/webviews');
}

/** Computed style properties (theme variables too, as `--vscode-…`) of the first element matching `selector` in a webview. */
export async function webviewStyle(title: string, selector: string, properties: readonly string[]): Promise<{ found: boolean; values: Record<string, string> }> {
  return call('POST', '/webview-style', { title, selector, properties });
}

/** What has keyboard focus in a webview: tag, accessible name and text, or null. */
export async function webviewFocus(title: string): Promise<{ tag: string; ariaLabel: string; text: string } | null> {
  return (await call<{ focused: { tag: string; ariaLabel: string; text: string } | null }>('POST', '/webview-focus', { title })).focused;
}

/** Scrolls an element of a webview into view (before a screenshot). */
export async function scrollWebview(title: string, selector: string): Promise<void> {
  await call('POST', '/webview-scroll', { title, selector });
}

/** Saves a PNG of the page, or of the first status bar item whose text contains `selectorText`. */
export async function screenshot(path: string, selectorText?: string): Promise<string> {
  return (await call<{ path: string }>('POST', '/screenshot', { path, selectorText })).path;
}

export async function clickStatusBarItem(text: string): Promise<void> {
  await call('POST', '/click', { text });
}

/**
 * Clicks the first visible element with this ARIA role and accessible name, anywhere in the
 * workbench (e.g. `('button', '^Trust,', 'regexp')` in the Workspace Trust editor). Waits up to
 * 10 s for it to appear.
 */
export async function clickByRole(role: string, name: string, match: 'exact' | 'substring' | 'regexp' = 'exact'): Promise<void> {
  await call('POST', '/click-role', { role, name, match });
}

/** The rendered text of the first visible element matching a CSS selector; waits up to 10 s for it. */
export async function visibleText(selector: string): Promise<string> {
  return (await call<{ text: string }>('POST', '/text', { selector })).text;
}

/**
 * Types `text` into whatever has focus (a quick pick's filter, an input box), then presses
 * `press` (a key or chord: `Enter`, `Control+A`); `text` may be empty to only press.
 */
export async function typeText(text: string, press?: string): Promise<void> {
  await call('POST', '/type', { text: text || undefined, press });
}

/**
 * Calls `read` until `accept` holds for its result, or fails after `timeoutMs` showing the last
 * result, which is usually what explains the failure.
 */
export async function waitFor<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000, intervalMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await read();
      lastError = undefined;
      if (accept(last)) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const seen = lastError instanceof Error ? lastError.message : JSON.stringify(last);
      throw new Error(`waitFor timed out after ${timeoutMs} ms; last seen: ${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Reloads the window and ends this test process. It never returns: the calling extension host
 * belongs to the old window, and the new window runs the whole suite again from the start, so
 * write reload tests in phases chosen with `windowReloads()`.
 * - `command` (default) runs Developer: Reload Window, as a person would; the workbench flushes
 *   globalState and workspaceState first.
 * - `browser` reloads the browser tab (F5): state written in the last moments may be lost, as in
 *   VS Code for the Web itself.
 */
export async function reloadWindow(how: 'command' | 'browser' = 'command'): Promise<never> {
  stale = true;
  // The new window runs the suite again and reports only its own result: carry this one's failures.
  await call('POST', '/failures', { count: failuresBeforeReload() }, true);
  const before = await call<{ reloads: number }>('GET', '/reloads', undefined, true);
  // Not awaited: the command's answer would come over the old window's connection, which is closing.
  if (how === 'command') void vscode.commands.executeCommand('workbench.action.reloadWindow');
  else await call('POST', '/reload', undefined, true);
  // Exit only once the new page exists: exiting earlier would end the run, since the old page
  // would report this extension host's exit as the tests' result.
  await waitFor(() => call<{ reloads: number }>('GET', '/reloads', undefined, true), (now) => now.reloads > before.reloads, 60_000);
  process.exit(0);
}

/** How many times this run's window has been reloaded (0 in the first window). */
export async function windowReloads(): Promise<number> {
  return (await call<{ reloads: number }>('GET', '/reloads')).reloads;
}
