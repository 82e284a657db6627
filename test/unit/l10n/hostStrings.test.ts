/**
 * The host's UI text goes through `vscode.l10n.t`, and l10n/bundle.l10n.json (the English bundle
 * translators start from) holds exactly its messages. The core's text (status bar, tooltip, Why,
 * handoff note, footprint, CLI) stays English, as the README says.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { hostSources, l10nCalls, placeholders, unlocalizedText } from '../../helpers/hostStrings';
import { readJson } from '../../helpers/manifest';

const ROOT = path.resolve(__dirname, '../../..');

describe('l10n: the host’s UI strings', () => {
  const calls = l10nCalls();
  const bundle = readJson('l10n/bundle.l10n.json');

  it('package.json points VS Code at the l10n folder, and the English bundle is there', () => {
    assert.equal(readJson('package.json').l10n, './l10n');
    assert.ok(fs.existsSync(path.join(ROOT, 'l10n', 'bundle.l10n.json')));
  });

  it('are many, each a plain string literal (a message translators can find)', () => {
    assert.ok(calls.length >= 50, `only ${calls.length} l10n.t calls`);
    assert.deepEqual(calls.filter((call) => call.message === undefined).map((call) => call.where), []);
  });

  it('are all in l10n/bundle.l10n.json, which holds no message the code no longer uses', () => {
    const used = [...new Set(calls.map((call) => call.message ?? ''))].sort();
    const inBundle = Object.keys(bundle).sort();
    assert.deepEqual(used.filter((message) => !(message in bundle)), [], 'missing from the bundle');
    assert.deepEqual(inBundle.filter((message) => !used.includes(message)), [], 'stale in the bundle');
    for (const [key, value] of Object.entries(bundle)) assert.equal(value, key, 'the English bundle maps each message to itself');
  });

  it('pass exactly the arguments their {0} {1} … placeholders name', () => {
    for (const call of calls) {
      const used = placeholders(call.message ?? '');
      assert.deepEqual(used, Array.from({ length: call.args }, (_, i) => i), `${call.where}: "${call.message}" with ${call.args} arguments`);
    }
  });

  it('leave no user-visible text outside l10n.t: messages and buttons, quick picks, input boxes, progress, status bar, panel titles', () => {
    assert.deepEqual(unlocalizedText(), []);
  });

  it('would catch text written without l10n.t', () => {
    const sample = ts.createSourceFile(
      'sample.ts',
      [
        "void vscode.window.showInformationMessage('Multiplier: done.', 'Open');",
        'const items = [{ label: `Pair with ${name}`, detail: reason }, { label: `$(person) ${name}` }];',
        "const box = { prompt: ok ? 'Why?' : vscode.l10n.t('Why not?'), placeHolder: vscode.l10n.t('e.g. {0}', x) };",
        "item.name = 'Multiplier';",
        "throw new AnalysisUnavailable('restricted', 'Needs trust.');",
        "vscode.window.createWebviewPanel('multiplier.footprint', 'My Footprint', 1);",
        "const paths = [{ description: `${folder}/.vscode/settings.json` }, { detail: 'multiplier.ownershipMap' }, { label: 'Close' }];",
      ].join('\n'),
      ts.ScriptTarget.ES2022,
      true,
    );
    const found = unlocalizedText([{ path: 'sample.ts', source: sample }]);
    assert.deepEqual(found.map((line) => line.slice(line.indexOf(' ') + 1)), ["'Multiplier: done.'", "'Open'", '`Pair with ${name}`', "'Why?'", "'Multiplier'", "'Needs trust.'", "'My Footprint'", "'Close'"]);
    assert.deepEqual(l10nCalls([{ path: 'sample.ts', source: sample }]).map((call) => [call.message, call.args]), [['Why not?', 0], ['e.g. {0}', 1]]);
  });

  it('reads every file of the host', () => {
    assert.ok(hostSources().some((file) => file.path === 'src/extension.ts'));
    assert.ok(hostSources().some((file) => file.path === 'src/vscode/coAuthorCommand.ts'));
  });
});
