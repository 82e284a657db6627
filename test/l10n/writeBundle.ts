/**
 * `npm run l10n`: writes l10n/bundle.l10n.json, the English bundle of every `vscode.l10n.t`
 * message in the host (src/extension.ts, src/vscode/), sorted, each mapped to itself. It is the
 * file translators copy to bundle.l10n.<locale>.json; test/unit/l10n/ fails when it is stale.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { l10nCalls } from '../helpers/hostStrings';

const bundlePath = path.resolve(__dirname, '../../l10n/bundle.l10n.json');

const calls = l10nCalls();
const literalless = calls.filter((call) => call.message === undefined);
if (literalless.length > 0) {
  console.error(`[l10n] vscode.l10n.t needs a string literal as its message: ${literalless.map((call) => call.where).join(', ')}`);
  process.exit(1);
}
const messages = [...new Set(calls.map((call) => call.message as string))].sort();
fs.mkdirSync(path.dirname(bundlePath), { recursive: true });
fs.writeFileSync(bundlePath, `${JSON.stringify(Object.fromEntries(messages.map((message) => [message, message])), null, 2)}\n`);
console.log(`[l10n] ${path.relative(process.cwd(), bundlePath)}: ${messages.length} messages`);
