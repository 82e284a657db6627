/**
 * Installs code-server (VS Code's server plus its browser workbench) into the git-ignored cache,
 * the way @vscode/test-electron caches its VS Code download: once, pinned, on first use.
 * This machine reaches only the npm registry, so desktop VS Code cannot be downloaded.
 */
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The last code-server release that runs on Node 20 (VS Code 1.100.3). */
export const CODE_SERVER_VERSION = '4.100.3';

export const CHROMIUM_PATH = process.env.MULTIPLIER_CHROMIUM ?? '/usr/bin/chromium';

export interface CodeServerInstall {
  /** Node entry point of the `code-server` command. */
  readonly entry: string;
}

/** A marker ties the install to the Node ABI too: native modules break when Node's major changes. */
interface Marker {
  readonly version: string;
  readonly nodeModules: string;
}

export function codeServerDir(cacheRoot: string): string {
  return path.join(cacheRoot, `code-server-${CODE_SERVER_VERSION}`);
}

function entryOf(dir: string): string {
  return path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

function readMarker(file: string): Marker | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Marker;
  } catch {
    return undefined;
  }
}

/** Returns the installed code-server, installing it first when the cache has no finished install. */
export async function provisionCodeServer(cacheRoot: string, log: (line: string) => void = console.log): Promise<CodeServerInstall> {
  const dir = codeServerDir(cacheRoot);
  const markerFile = path.join(dir, '.provisioned.json');
  const marker = readMarker(markerFile);
  if (marker?.version === CODE_SERVER_VERSION && marker.nodeModules === process.versions.modules && fs.existsSync(entryOf(dir))) {
    return { entry: entryOf(dir) };
  }

  const rg = requireSystemTools();
  // No marker means a missing or half-finished install: start again from nothing.
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  // A private TMPDIR holds the ripgrep download cache and keeps node-gyp's scratch out of /tmp.
  const tmp = `${dir}.tmp`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  const logFile = `${dir}.install.log`;
  const started = Date.now();
  log(`[provision] installing code-server@${CODE_SERVER_VERSION} into ${dir} (first run only, about a minute; log: ${logFile})`);

  const env = installEnv(tmp);
  prefillRipgrepCache(tmp, rg, env);
  const code = await runLogged(
    'npm',
    ['install', '--prefix', dir, '--no-save', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`],
    { cwd: dir, env, logFile },
  );
  if (code !== 0 || !fs.existsSync(entryOf(dir))) {
    throw new Error(installFailure(code, logFile));
  }
  fs.writeFileSync(markerFile, JSON.stringify({ version: CODE_SERVER_VERSION, nodeModules: process.versions.modules } satisfies Marker));
  fs.rmSync(tmp, { recursive: true, force: true });
  log(`[provision] code-server ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { entry: entryOf(dir) };
}

/** Fails early, naming the Debian packages, instead of deep inside npm or Playwright. */
function requireSystemTools(): string {
  const missing: string[] = [];
  if (!fs.existsSync(CHROMIUM_PATH)) missing.push(`chromium (expected at ${CHROMIUM_PATH})`);
  const rg = findOnPath('rg');
  if (!rg) missing.push('ripgrep (rg on PATH)');
  if (missing.length > 0 || !rg) {
    throw new Error(`Integration tests need ${missing.join(' and ')}: install Debian packages chromium and ripgrep (apt-get install -y chromium ripgrep).`);
  }
  return rg;
}

function findOnPath(command: string): string | undefined {
  for (const folder of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(folder, command);
    if (folder && fs.existsSync(candidate)) return fs.realpathSync(candidate);
  }
  return undefined;
}

function installEnv(tmp: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TMPDIR: tmp,
    // As root, code-server's postinstall refuses to run without unsafe-perm.
    npm_config_unsafe_perm: 'true',
    // node-pty's postinstall runs `npx node-gyp`, which would otherwise prompt.
    npm_config_yes: 'true',
  };
  // node-gyp would download Node headers from nodejs.org; Debian's nodejs ships them in /usr/include/node.
  if (!env.npm_config_nodedir && fs.existsSync('/usr/include/node/node_version.h')) env.npm_config_nodedir = '/usr';
  return env;
}

/**
 * @vscode/ripgrep's postinstall downloads rg from GitHub, which is unreachable here, unless its
 * download cache (`$TMPDIR/vscode-ripgrep-cache-<package version>/ripgrep-<tag>-<target>.tar.gz`)
 * already holds the archive. Both the package version (from code-server's shrinkwrap) and the
 * tag (from that package's postinstall.js) are read from the packages themselves, so a different
 * pin keeps working.
 */
function prefillRipgrepCache(tmp: string, rg: string, env: NodeJS.ProcessEnv): void {
  const codeServerTgz = npmPack(`code-server@${CODE_SERVER_VERSION}`, tmp, env);
  const shrinkwrap = JSON.parse(tarFile(codeServerTgz, 'package/lib/vscode/npm-shrinkwrap.json')) as {
    packages?: Record<string, { version?: string }>;
  };
  const ripgrepVersion = shrinkwrap.packages?.['node_modules/@vscode/ripgrep']?.version;
  if (!ripgrepVersion) throw new Error('Cannot find @vscode/ripgrep in code-server\'s lib/vscode/npm-shrinkwrap.json.');

  const postinstall = tarFile(npmPack(`@vscode/ripgrep@${ripgrepVersion}`, tmp, env), 'package/lib/postinstall.js');
  const tag = /const VERSION = '([^']+)'/.exec(postinstall)?.[1];
  if (!tag) throw new Error(`Cannot find the ripgrep release tag in @vscode/ripgrep@${ripgrepVersion}'s postinstall.js.`);

  const target = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' }[process.arch as 'x64' | 'arm64'];
  if (process.platform !== 'linux' || !target) throw new Error(`Provisioning supports Linux x64 and arm64, not ${process.platform} ${process.arch}.`);

  const cacheDir = path.join(tmp, `vscode-ripgrep-cache-${ripgrepVersion}`);
  fs.mkdirSync(cacheDir, { recursive: true });
  execFileSync('tar', ['czf', path.join(cacheDir, `ripgrep-${tag}-${target}.tar.gz`), '-C', path.dirname(rg), path.basename(rg)]);
  for (const tgz of fs.readdirSync(tmp).filter((name) => name.endsWith('.tgz'))) fs.rmSync(path.join(tmp, tgz));
}

/** Downloads a package tarball through npm (and its cache, which the install then reuses). */
function npmPack(spec: string, destination: string, env: NodeJS.ProcessEnv): string {
  const out = execFileSync('npm', ['pack', spec, '--pack-destination', destination, '--silent'], { cwd: destination, env, encoding: 'utf8' });
  const file = out.trim().split('\n').pop();
  if (!file) throw new Error(`npm pack ${spec} printed no file name.`);
  return path.join(destination, file);
}

function tarFile(tgz: string, member: string): string {
  return execFileSync('tar', ['-xzOf', tgz, member], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function runLogged(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string }): Promise<number> {
  const out = fs.openSync(options.logFile, 'w');
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', out, out] });
    child.on('error', (error) => {
      fs.appendFileSync(options.logFile, `\n${String(error)}\n`);
      resolve(-1);
    });
    child.on('close', (code) => {
      fs.closeSync(out);
      resolve(code ?? -1);
    });
  });
}

function installFailure(code: number, logFile: string): string {
  const logText = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
  const tail = logText.split('\n').slice(-40).join('\n');
  const hints: string[] = [];
  if (/kerberos/i.test(logText) && /gyp ERR|krb5|gssapi/i.test(logText)) {
    hints.push('The native module kerberos did not compile: apt-get install -y libkrb5-dev, then run again.');
  }
  if (/ripgrep|api\.github\.com/i.test(logText)) {
    hints.push('@vscode/ripgrep tried to download rg: check that its download cache was pre-filled (see provisionCodeServer.ts).');
  }
  return [`Installing code-server@${CODE_SERVER_VERSION} failed (npm exit code ${code}). Full log: ${logFile}`, ...hints, '--- last lines ---', tail].join('\n');
}
