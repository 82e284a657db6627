/**
 * A small HTTP server in the launcher through which extension-host tests ask what a person sees:
 * the tests run inside VS Code and cannot reach the browser page that draws the workbench.
 * Requests are served one at a time, because a hover and a screenshot on the same page would
 * disturb each other. The client is uiProbe.ts; the shapes are in uiProbeProtocol.ts.
 */
import * as http from 'node:http';
import type { Frame, Locator, Page } from 'playwright-core';
import type { QuickPickItemView, StatusBarItemView } from './uiProbeProtocol';
import type { Workbench } from './workbenchPage';

export interface UiProbeServer {
  /** `http://127.0.0.1:PORT`, handed to the extension host as MULTIPLIER_UI_PROBE. */
  readonly url: string;
  close(): void;
}

const STATUS_BAR_ITEM = '.part.statusbar .statusbar-item';
const HOVER = '.workbench-hover, .monaco-hover';
const HOVER_TIMEOUT_MS = 5_000;
const CLICK_TIMEOUT_MS = 10_000;

type Handler = (workbench: Workbench, body: Record<string, unknown>) => Promise<unknown>;

const routes: Record<string, Handler> = {
  'GET /statusbar': ({ page }) => statusBarItems(page),
  'POST /hover': ({ page }, body) => hoverStatusBarItem(page, requireString(body, 'text')),
  'GET /quickpick': ({ page }) => quickPickItems(page),
  'POST /screenshot': ({ page }, body) => screenshot(page, requireString(body, 'path'), optionalString(body, 'selectorText')),
  'POST /click': async ({ page }, body) => {
    // A hover left open over the item (a previous hover) would take the click.
    await page.mouse.move(0, 0);
    await page.locator(HOVER).first().waitFor({ state: 'hidden', timeout: HOVER_TIMEOUT_MS }).catch(() => undefined);
    await statusBarItem(page, requireString(body, 'text')).click();
    return {};
  },
  // Any visible element by its ARIA role and accessible name (a button in an editor, a link in a
  // notification): `match` is `exact` (default), `substring` or `regexp` (a RegExp source).
  'POST /click-role': async ({ page }, body) => {
    const name = requireString(body, 'name');
    const match = optionalString(body, 'match') ?? 'exact';
    const accessibleName = match === 'regexp' ? new RegExp(name) : name;
    const role = requireString(body, 'role') as Parameters<Page['getByRole']>[0];
    const element = page.getByRole(role, { name: accessibleName, exact: match === 'exact' }).locator('visible=true').first();
    await element.waitFor({ timeout: CLICK_TIMEOUT_MS });
    await element.click();
    return {};
  },
  // The rendered text of the first visible element matching a CSS selector (a notification, an
  // editor's page such as a walkthrough), waiting up to 10 s for it to appear.
  'POST /text': async ({ page }, body) => {
    const element = page.locator(requireString(body, 'selector')).locator('visible=true').first();
    await element.waitFor({ timeout: CLICK_TIMEOUT_MS });
    return { text: ((await element.innerText()) ?? '').trim() };
  },
  // Types `text` into whatever has focus (a quick pick's filter, an input box), then presses
  // `press` (a Playwright key or chord such as `Enter` or `Control+A`); either may be left out.
  'POST /type': async ({ page }, body) => {
    const text = optionalString(body, 'text');
    const press = optionalString(body, 'press');
    if (!text && !press) throw new Error('body needs "text", "press" or both');
    if (text) await page.keyboard.type(text);
    if (press) await page.keyboard.press(press);
    return {};
  },
  // A browser-tab reload. The calling extension host ends with its window; the new window runs
  // the suite again from the start, and reads /reloads to know which phase it is in.
  'POST /reload': async (workbench) => {
    await workbench.page.reload();
    await workbench.page.locator(STATUS_BAR_ITEM).first().waitFor({ timeout: 30_000 });
    return { reloads: workbench.reloads() };
  },
  'GET /reloads': async (workbench) => ({ reloads: workbench.reloads() }),
  // The rendered text of every webview (an iframe in an iframe: Playwright reaches it by frame).
  'GET /webviews': ({ page }) => webviewTexts(page),
  // Computed styles of the first element matching `selector` in the webview titled `title`;
  // `--vscode-*` names give the theme variables as that element sees them.
  'POST /webview-style': async ({ page }, body) => {
    const frame = await webviewFrame(page, requireString(body, 'title'));
    const properties = Array.isArray(body.properties) ? body.properties.filter((p): p is string => typeof p === 'string') : [];
    return frame.evaluate(
      ({ selector, properties }) => {
        const doc = (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document;
        const view = globalThis as unknown as { getComputedStyle(e: unknown): { getPropertyValue(p: string): string } };
        const element = doc.querySelector(selector);
        if (!element) return { found: false, values: {} };
        const style = view.getComputedStyle(element);
        return { found: true, values: Object.fromEntries(properties.map((p) => [p, style.getPropertyValue(p).trim()])) };
      },
      { selector: requireString(body, 'selector'), properties },
    );
  },
  // What has keyboard focus inside the webview titled `title`: its tag, accessible name and text.
  'POST /webview-focus': async ({ page }, body) => {
    const frame = await webviewFrame(page, requireString(body, 'title'));
    return frame.evaluate(() => {
      const active = (globalThis as unknown as { document: { activeElement: { tagName: string; getAttribute(n: string): string | null; textContent: string | null } | null; body: unknown } }).document;
      const element = active.activeElement;
      if (!element || element === active.body) return { focused: null };
      return { focused: { tag: element.tagName.toLowerCase(), ariaLabel: element.getAttribute('aria-label') ?? '', text: (element.textContent ?? '').trim() } };
    });
  },
  // Scrolls the first element matching `selector` in the webview titled `title` into view (screenshots).
  'POST /webview-scroll': async ({ page }, body) => {
    const frame = await webviewFrame(page, requireString(body, 'title'));
    await frame.locator(requireString(body, 'selector')).first().scrollIntoViewIfNeeded({ timeout: CLICK_TIMEOUT_MS });
    return {};
  },
  'POST /failures': async (_workbench, body) => {
    const count = body.count;
    if (typeof count === 'number' && count > 0) carriedFailures += count;
    return { carriedFailures };
  },
};

/** Test failures of windows that were reloaded away; the launcher fails the run if any. */
let carriedFailures = 0;

export function failuresCarriedOverReloads(): number {
  return carriedFailures;
}

export function startUiProbeServer(currentWorkbench: () => Workbench | undefined): Promise<UiProbeServer> {
  let queue: Promise<unknown> = Promise.resolve();
  const server = http.createServer((request, response) => {
    const handler = routes[`${request.method} ${request.url}`];
    const reply = (status: number, value: unknown): void => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(value));
    };
    const workbench = currentWorkbench();
    if (!handler) return reply(404, { error: `no route ${request.method} ${request.url}` });
    if (!workbench) return reply(503, { error: 'the workbench page is not open yet' });
    readJson(request)
      .then((body) => (queue = queue.catch(() => undefined).then(() => handler(workbench, body))))
      .then((value) => reply(200, value), (error: unknown) => reply(500, { error: error instanceof Error ? error.message : String(error) }));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => server.close() });
    });
  });
}

function readJson(request: http.IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (text += chunk));
    request.on('end', () => {
      try {
        resolve(text.trim() ? (JSON.parse(text) as Record<string, unknown>) : {});
      } catch {
        reject(new Error('request body is not JSON'));
      }
    });
    request.on('error', reject);
  });
}

function requireString(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  if (typeof value !== 'string' || value === '') throw new Error(`body needs a non-empty string "${key}"`);
  return value;
}

function optionalString(body: Record<string, unknown>, key: string): string | undefined {
  return body[key] === undefined ? undefined : requireString(body, key);
}

function statusBarItem(page: Page, text: string): Locator {
  return page.locator(STATUS_BAR_ITEM).filter({ hasText: text }).first();
}

function statusBarItems(page: Page): Promise<StatusBarItemView[]> {
  // One round trip for all items; the aria-label sits on the item or on its inner label link.
  return page.locator(STATUS_BAR_ITEM).evaluateAll((elements) =>
    elements.map((element) => ({
      id: element.id,
      // innerText is what is rendered; its line breaks between an item's parts become spaces.
      text: ((element as { innerText?: string }).innerText ?? element.textContent ?? '').replace(/\s+/g, ' ').trim(),
      ariaLabel: element.getAttribute('aria-label') ?? element.querySelector('[aria-label]')?.getAttribute('aria-label') ?? '',
    })),
  );
}

async function hoverStatusBarItem(page: Page, text: string): Promise<{ text: string }> {
  const item = statusBarItem(page, text);
  await item.waitFor({ timeout: HOVER_TIMEOUT_MS });
  // Leave any previous hover first, so the widget read below belongs to this item.
  await page.mouse.move(0, 0);
  await page.locator(HOVER).first().waitFor({ state: 'hidden', timeout: HOVER_TIMEOUT_MS }).catch(() => undefined);
  await item.hover();
  const hover = page.locator(HOVER).locator('visible=true').first();
  await hover.waitFor({ timeout: HOVER_TIMEOUT_MS });
  return { text: (await hover.innerText()).trim() };
}

async function quickPickItems(page: Page): Promise<QuickPickItemView[]> {
  const widget = page.locator('.quick-input-widget').locator('visible=true');
  if ((await widget.count()) === 0) return [];
  return widget.first().locator('.monaco-list-row').evaluateAll((rows) =>
    rows.map((row) => ({
      label: row.querySelector('.label-name')?.textContent?.trim() ?? '',
      description: row.querySelector('.label-description')?.textContent?.trim() ?? '',
      ariaLabel: row.getAttribute('aria-label') ?? '',
    })),
  );
}

/**
 * Each webview's content frame and what it shows. VS Code hosts a webview's page in an inner
 * iframe inside the webview's outer iframe (`…/webview/browser/pre/index.html`); the inner one's
 * id changes from `pending-frame` to `active-frame` once loaded, which Playwright's `name()` does
 * not follow, so frames are found by their parent. `innerText` is the rendered text (hidden
 * elements left out, visually-hidden text alternatives kept). A frame that goes away while it is
 * read (a webview reloading) is left out.
 */
async function webviewTexts(page: Page): Promise<Array<{ title: string; text: string }>> {
  const frames = page.frames().filter((frame) => frame.parentFrame()?.url().includes('/webview/browser/pre/index.html') ?? false);
  const read = await Promise.all(
    frames.map((frame) =>
      frame
        .evaluate(() => {
          // Runs in the page; the harness is compiled without DOM types.
          const page = (globalThis as unknown as { document: { title: string; body: { innerText: string } | null } }).document;
          return { title: page.title, text: page.body ? page.body.innerText : '' };
        })
        .catch(() => undefined),
    ),
  );
  return read.filter((view): view is { title: string; text: string } => view !== undefined);
}

/** The content frame of the webview whose page is titled `title` (see webviewTexts). */
async function webviewFrame(page: Page, title: string): Promise<Frame> {
  const frames = page.frames().filter((frame) => frame.parentFrame()?.url().includes('/webview/browser/pre/index.html') ?? false);
  for (const frame of frames) {
    const frameTitle = await frame.title().catch(() => undefined);
    if (frameTitle === title) return frame;
  }
  throw new Error(`no webview titled ${JSON.stringify(title)} is open`);
}

async function screenshot(page: Page, file: string, selectorText: string | undefined): Promise<{ path: string }> {
  if (selectorText) await statusBarItem(page, selectorText).screenshot({ path: file });
  else await page.screenshot({ path: file });
  return { path: file };
}
