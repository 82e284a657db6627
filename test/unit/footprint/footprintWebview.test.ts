/**
 * The webview's safety: a strict CSP with a nonce, no repository data in the page, messages from
 * the page validated, and a script and stylesheet that never parse data as HTML, load nothing
 * remote and take colours only from the theme.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { footprintCsp, footprintHtml } from '../../../src/core/footprint/footprintHtml';
import { parseFootprintMessage } from '../../../src/core/footprint/footprintMessages';

const MEDIA = path.join(__dirname, '..', '..', '..', 'media', 'footprint');

describe('footprint: the webview page and its messages', () => {
  const page = footprintHtml({
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/footprint/footprint.js',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/footprint/footprint.css',
    nonce: 'abc123+/=',
  });

  it('has a strict CSP: nothing by default, styles from the extension, only the nonced script, images from the extension or data', () => {
    const csp = footprintCsp('https://x.example', 'N0NCE');
    assert.equal(csp, "default-src 'none'; style-src https://x.example; script-src 'nonce-N0NCE'; img-src https://x.example data:");
    assert.ok(page.includes(`content="default-src 'none'; style-src https://file+.vscode-resource.vscode-cdn.net; script-src 'nonce-abc123+/='; img-src`), page);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  });

  it('loads one nonced script and one stylesheet, and no inline script, style or handler', () => {
    const scripts = page.match(/<script\b[^>]*>/g) ?? [];
    assert.deepEqual(scripts, ['<script nonce="abc123+/=" src="https://file+.vscode-resource.vscode-cdn.net/ext/media/footprint/footprint.js">']);
    assert.match(page, /<link rel="stylesheet" href="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ext\/media\/footprint\/footprint\.css">/);
    assert.doesNotMatch(page, /<style|\son[a-z]+=|style=/i);
  });

  it('accepts only the messages it knows, with string fields', () => {
    assert.deepEqual(parseFootprintMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseFootprintMessage({ type: 'open', target: 'handoff', folder: 'file:///a', areaKey: 'k', extra: 1 }), { type: 'open', target: 'handoff', folder: 'file:///a', areaKey: 'k' });
    assert.deepEqual(parseFootprintMessage({ type: 'open', target: 'why', folder: 'file:///a', areaKey: 'k' })?.type, 'open');
    for (const bad of [null, 'ready', { type: 'run', command: 'x' }, { type: 'open', target: 'delete', folder: 'f', areaKey: 'k' }, { type: 'open', target: 'why', folder: 1, areaKey: 'k' }, { type: 'open', target: 'why', folder: 'f', areaKey: '' }, { type: 'open', target: 'why', folder: 'f', areaKey: 'k'.repeat(5000) }]) {
      assert.equal(parseFootprintMessage(bad), undefined, JSON.stringify(bad).slice(0, 80));
    }
  });

  it('has a script that inserts text only, with no inline handlers, eval or remote loads', () => {
    const script = fs.readFileSync(path.join(MEDIA, 'footprint.js'), 'utf8');
    assert.doesNotMatch(script, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function|setAttribute\('on|\.on[a-z]+\s*=/);
    assert.deepEqual(script.match(/https?:\/\/[^\s'"`]+/g), ['http://www.w3.org/2000/svg'], 'the only URL is the SVG namespace');
    assert.match(script, /addEventListener\('click'/);
  });

  it('has styles that take colours from the theme only and load nothing', () => {
    const css = fs.readFileSync(path.join(MEDIA, 'footprint.css'), 'utf8');
    assert.doesNotMatch(css, /#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(|url\(|@import/i);
    assert.match(css, /:focus-visible\s*{\s*outline: 1px solid var\(--vscode-focusBorder\)/);
  });
});
