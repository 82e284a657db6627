/**
 * `npm run package`: the VSIX a person installs. Builds the production bundles (`esbuild.mjs
 * --production`: minified, no source maps) into a clean dist/, packs them with @vscode/vsce into
 * dist-vsix/<name>-<version>.vsix (git-ignored), then reads the VSIX back and fails unless it holds
 * exactly what runs: the bundles, media/ (with the README's screenshots), the manifest and its
 * English text (package.nls.json), the English bundle of the extension's messages
 * (l10n/bundle.l10n.json), README, CHANGELOG, LICENSE and the icon. Prints its size and file list.
 *
 * vsce runs offline and never prompts: `--no-dependencies` (everything is bundled, so no `npm
 * list`), `--no-rewrite-relative-links` (the README's screenshots ship in the VSIX, so its relative
 * links work where it is shown, in the Extensions view, and in a VS Code fork installing the VSIX
 * or reading it from Open VSX; rewritten, they would point at the repository's web host), stdin
 * closed (a prompt fails at once), and vsce checks npm for a newer vsce only when stdout is a
 * terminal, which here it is not.
 *
 * The check also holds the VSIX to at most 1 MiB (a fork's users often download it by hand).
 *
 * The integration runner calls packageVsix() for suites that test the installed VSIX.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inflateRawSync } from 'node:zlib';

const repoRoot = path.resolve(__dirname, '..', '..');
const distDir = path.join(repoRoot, 'dist');
export const VSIX_DIR = path.join(repoRoot, 'dist-vsix');

export interface VsixEntry {
  /** Path inside the VSIX, e.g. `extension/dist/extension.js`. */
  readonly name: string;
  /** Uncompressed size in bytes. */
  readonly size: number;
}

export interface PackagedVsix {
  readonly path: string;
  readonly bytes: number;
  readonly entries: readonly VsixEntry[];
}

interface Manifest {
  readonly name: string;
  readonly publisher: string;
  readonly version: string;
  readonly main: string;
  readonly icon?: string;
}

export const MAX_VSIX_BYTES = 1024 * 1024;

/** What vsce always writes, the top-level files it renames on the way in, and the English text. */
const FIXED_ENTRIES = [
  '[Content_Types].xml',
  'extension.vsixmanifest',
  'extension/package.json',
  'extension/package.nls.json',
  'extension/readme.md',
  'extension/changelog.md',
  'extension/LICENSE.txt',
  'extension/l10n/bundle.l10n.json',
];

export function readManifest(): Manifest {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
}

export function vsixPath(manifest: Manifest = readManifest()): string {
  return path.join(VSIX_DIR, `${manifest.name}-${manifest.version}.vsix`);
}

export function packageVsix(log: (line: string) => void = console.log): PackagedVsix {
  const manifest = readManifest();
  const out = vsixPath(manifest);

  // A clean dist/ holds exactly the bundles this build writes, and no stale source maps.
  fs.rmSync(distDir, { recursive: true, force: true });
  execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: repoRoot, stdio: 'inherit' });
  const bundles = fs.readdirSync(distDir).sort();
  const strays = bundles.filter((file) => !file.endsWith('.js'));
  if (strays.length > 0) throw new Error(`The production build wrote more than bundles into dist/: ${strays.join(', ')}`);

  fs.mkdirSync(VSIX_DIR, { recursive: true });
  fs.rmSync(out, { force: true });
  runVsce(['package', '--no-dependencies', '--no-rewrite-relative-links', '--out', out], log);

  const zip = fs.readFileSync(out);
  const entries = readZipEntries(zip);
  checkContents(entries, zip, manifest, bundles);
  if (zip.length > MAX_VSIX_BYTES) throw new Error(`The VSIX is ${zip.length} bytes, over the ${MAX_VSIX_BYTES}-byte (1 MiB) limit.`);

  const relative = path.relative(repoRoot, out);
  log(`${relative}: ${zip.length} bytes (${(zip.length / 1024).toFixed(1)} KB), ${entries.length} files`);
  const width = Math.max(...entries.map((entry) => String(entry.size).length));
  for (const entry of [...entries].sort((a, b) => a.name.localeCompare(b.name))) {
    log(`  ${String(entry.size).padStart(width)}  ${entry.name}`);
  }
  return { path: out, bytes: zip.length, entries };
}

function runVsce(args: string[], log: (line: string) => void): void {
  const vscePackage = require.resolve('@vscode/vsce/package.json', { paths: [repoRoot] });
  const bin = (JSON.parse(fs.readFileSync(vscePackage, 'utf8')) as { bin: { vsce: string } }).bin.vsce;
  try {
    const output = execFileSync(process.execPath, [path.join(path.dirname(vscePackage), bin), ...args], {
      cwd: repoRoot,
      // No terminal: vsce cannot prompt, and skips its npm check for a newer vsce.
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    // vsce prints its own file tree; keep only what it warns about.
    for (const line of output.split('\n').filter((text) => /warn/i.test(text))) log(`[vsce] ${line.trim()}`);
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`vsce ${args.join(' ')} failed:\n${failed.stdout ?? ''}${failed.stderr ?? failed.message}`);
  }
}

/** Fails with every problem at once: files that should not ship, files missing, source maps. */
function checkContents(entries: readonly ZipEntry[], zip: Buffer, manifest: Manifest, bundles: readonly string[]): void {
  const names = new Set(entries.map((entry) => entry.name));
  const allowed = (name: string): boolean =>
    FIXED_ENTRIES.includes(name) ||
    bundles.some((bundle) => name === `extension/dist/${bundle}`) ||
    // media/, except dotfiles (.gitkeep) at any depth; translations of the manifest and the messages.
    (name.startsWith('extension/media/') && !name.split('/').some((part) => part.startsWith('.'))) ||
    /^extension\/package\.nls\.[\w-]+\.json$/.test(name) ||
    /^extension\/l10n\/bundle\.l10n\.[\w-]+\.json$/.test(name);
  const problems: string[] = [];
  const unexpected = entries.filter((entry) => !allowed(entry.name)).map((entry) => entry.name);
  if (unexpected.length > 0) problems.push(`outside the allowlist (fix .vscodeignore): ${unexpected.join(', ')}`);

  const required = [
    ...FIXED_ENTRIES,
    ...bundles.map((bundle) => `extension/dist/${bundle}`),
    `extension/${path.posix.normalize(manifest.main)}`,
    ...(manifest.icon ? [`extension/${path.posix.normalize(manifest.icon)}`] : []),
  ];
  const missing = [...new Set(required)].filter((name) => !names.has(name));
  if (missing.length > 0) problems.push(`missing: ${missing.join(', ')}`);
  if (!manifest.icon) problems.push('package.json has no "icon"');

  for (const entry of entries.filter((e) => e.name.startsWith('extension/dist/'))) {
    if (/sourceMappingURL=/.test(readZipEntry(zip, entry).toString('utf8'))) problems.push(`${entry.name} points at a source map (not a production build)`);
  }
  if (problems.length > 0) throw new Error(`The VSIX is not what should ship:\n  ${problems.join('\n  ')}`);
}

interface ZipEntry extends VsixEntry {
  readonly method: number;
  readonly compressedSize: number;
  readonly localHeaderOffset: number;
}

/** The central directory of a zip file (no zip64: a VSIX this small never needs it). */
export function readZipEntries(zip: Buffer): ZipEntry[] {
  const END_SIGNATURE = 0x06054b50;
  const CENTRAL_SIGNATURE = 0x02014b50;
  let end = -1;
  // The end record is the last 22 bytes, unless a comment (at most 64 KB) follows it.
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === END_SIGNATURE) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip file (no end of central directory record)');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw new Error(`bad central directory entry at byte ${at}`);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localHeaderOffset: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function readZipEntry(zip: Buffer, entry: ZipEntry): Buffer {
  const header = entry.localHeaderOffset;
  const start = header + 30 + zip.readUInt16LE(header + 26) + zip.readUInt16LE(header + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method === 8) return inflateRawSync(data);
  throw new Error(`${entry.name}: unsupported zip compression method ${entry.method}`);
}

if (require.main === module) {
  try {
    packageVsix();
  } catch (error) {
    console.error(`[package] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
