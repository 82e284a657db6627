/**
 * package.json as VS Code shows it: every `%key%` string replaced by its English text from
 * package.nls.json. A key missing from package.nls.json throws, naming it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');

export function readJson(relativePath: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(root, relativePath), 'utf8')) as Record<string, unknown>;
}

/** `%command.refresh%` → `command.refresh`; undefined for any other string. */
export function nlsKey(value: string): string | undefined {
  return /^%([^%\s]+)%$/.exec(value)?.[1];
}

/** Every `%key%` placeholder anywhere in `value`, in document order. */
export function nlsKeysIn(value: unknown): string[] {
  if (typeof value === 'string') return nlsKey(value) === undefined ? [] : [nlsKey(value) as string];
  if (Array.isArray(value)) return value.flatMap(nlsKeysIn);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(nlsKeysIn);
  return [];
}

function localize(value: unknown, nls: Record<string, unknown>): unknown {
  if (typeof value === 'string') {
    const key = nlsKey(value);
    if (key === undefined) return value;
    const text = nls[key];
    if (typeof text !== 'string') throw new Error(`package.json uses %${key}%, which package.nls.json does not define`);
    return text;
  }
  if (Array.isArray(value)) return value.map((item) => localize(item, nls));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, localize(v, nls)]));
  return value;
}

/** Typed as loosely as JSON.parse: the tests walk the manifest's shape themselves. */
export function localizedManifest(): ReturnType<typeof JSON.parse> {
  return localize(readJson('package.json'), readJson('package.nls.json'));
}
