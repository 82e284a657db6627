/**
 * Starts code-server for one test run: loopback only, no auth, no gallery, no telemetry, and a
 * private HOME so nothing leaks into (or out of) the developer's own config and git identity.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export interface CodeServerOptions {
  readonly entry: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly workspaceTrust: boolean;
  /** Written as the user settings.json before start; undefined leaves existing settings alone. */
  readonly userSettings: Record<string, unknown> | undefined;
  /** Extra environment for code-server and, through it, the extension host. */
  readonly env: Record<string, string>;
  readonly logFile: string;
}

export interface CodeServer {
  readonly port: number;
  readonly origin: string;
  /** Resolves when code-server exits by itself, with its exit code or signal. */
  readonly exited: Promise<string>;
  /** Kills code-server's whole process group (its extension hosts would otherwise live on for hours). */
  kill(): void;
  /** Kills, then waits briefly for code-server to exit, so this process reaps it. */
  stop(): Promise<void>;
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  // The same port for the same user-data dir: the browser keeps extension state per origin, so a
  // second run against this user-data dir sees the first run's state, as desktop VS Code would.
  const portFile = path.join(options.userDataDir, 'launcher-port');
  const port = await freeLoopbackPort(Number(fs.existsSync(portFile) ? fs.readFileSync(portFile, 'utf8') : 0));
  fs.writeFileSync(portFile, String(port));
  const home = privateHome();
  const configFile = path.join(home, 'config.yaml');
  fs.writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  if (options.userSettings) {
    fs.mkdirSync(path.join(options.userDataDir, 'User'), { recursive: true });
    fs.writeFileSync(path.join(options.userDataDir, 'User', 'settings.json'), JSON.stringify(options.userSettings, null, 2));
  }

  const args = [
    options.entry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--config', configFile,
    '--user-data-dir', options.userDataDir,
    '--extensions-dir', options.extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
  ];
  const log = fs.openSync(options.logFile, 'a');
  const child = spawn(process.execPath, args, {
    // Its own process group, so one kill reaches code-server, its extension hosts and their children.
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, ...options.env, ...privateEnv(home) },
  });
  fs.closeSync(log);

  const exited = new Promise<string>((resolve) => child.on('exit', (code, signal) => resolve(String(code ?? signal))));
  const origin = `http://127.0.0.1:${port}`;
  const kill = (): void => {
    killGroup(child);
    fs.rmSync(home, { recursive: true, force: true });
  };
  const stop = async (): Promise<void> => {
    kill();
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2_000))]);
  };
  try {
    await waitForHealth(origin, exited, options.logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, origin, exited, kill, stop };
}

export interface InstallExtensionOptions {
  readonly entry: string;
  readonly vsix: string;
  readonly extensionsDir: string;
  readonly userDataDir: string;
}

/**
 * `code-server --install-extension <vsix>`, the way a person installs a VSIX, into the extensions
 * dir a later startCodeServer uses; offline (empty gallery), with the same private HOME.
 */
export function installExtension(options: InstallExtensionOptions): string {
  // code-server creates neither folder's parent.
  fs.mkdirSync(options.extensionsDir, { recursive: true });
  fs.mkdirSync(options.userDataDir, { recursive: true });
  const home = privateHome();
  try {
    return execFileSync(
      process.execPath,
      [
        options.entry,
        '--install-extension', options.vsix,
        '--extensions-dir', options.extensionsDir,
        '--user-data-dir', options.userDataDir,
        // Otherwise code-server writes a default config (with a password) into its HOME first.
        '--config', path.join(home, 'config.yaml'),
      ],
      { env: { ...process.env, ...privateEnv(home) }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 },
    );
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`code-server --install-extension ${options.vsix} failed: ${failed.stderr || failed.stdout || failed.message}`);
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

function privateHome(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'multiplier-code-server-'));
}

function privateEnv(home: string): Record<string, string> {
  return {
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_STATE_HOME: path.join(home, '.local', 'state'),
    // An empty gallery: no marketplace requests, no recommendations.
    EXTENSIONS_GALLERY: '{}',
  };
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

function freeLoopbackPort(preferred: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (error) => (preferred ? resolve(freeLoopbackPort(0)) : reject(error)));
    server.listen(preferred, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHealth(origin: string, exited: Promise<string>, logFile: string): Promise<void> {
  let gone: string | undefined;
  void exited.then((how) => (gone = how));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (gone !== undefined) throw new Error(`code-server exited (${gone}) before it was healthy; see ${logFile}`);
    try {
      const response = await fetch(`${origin}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`code-server did not answer ${origin}/healthz within 30 s; see ${logFile}`);
}
