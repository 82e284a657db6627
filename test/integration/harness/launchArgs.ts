/**
 * Reads the command line @vscode/test-electron's `runTests` gives "VS Code", so the launcher can
 * stand in for the desktop executable. Desktop-only flags (--no-sandbox, --disable-gpu-sandbox,
 * --disable-updates, and --disable-workspace-trust, which runTests always adds) are ignored: trust is
 * chosen with MULTIPLIER_TEST_WORKSPACE_TRUST instead.
 */
import * as path from 'node:path';

export interface LaunchArgs {
  /** The workspace folder to open, when one was given. */
  readonly folder: string | undefined;
  readonly extensionDevelopmentPaths: readonly string[];
  readonly extensionTestsPath: string | undefined;
  readonly extensionsDir: string | undefined;
  readonly userDataDir: string | undefined;
  /** runTests passes --skip-welcome; the launcher honours it with a setting. */
  readonly skipWelcome: boolean;
}

function valueOf(arg: string, name: string): string | undefined {
  const prefix = `--${name}=`;
  return arg.startsWith(prefix) ? arg.slice(prefix.length) : undefined;
}

export function parseLaunchArgs(argv: readonly string[]): LaunchArgs {
  let folder: string | undefined;
  const extensionDevelopmentPaths: string[] = [];
  let extensionTestsPath: string | undefined;
  let extensionsDir: string | undefined;
  let userDataDir: string | undefined;
  let skipWelcome = false;
  for (const arg of argv) {
    const devPath = valueOf(arg, 'extensionDevelopmentPath');
    if (devPath !== undefined) extensionDevelopmentPaths.push(path.resolve(devPath));
    else if (valueOf(arg, 'extensionTestsPath') !== undefined) extensionTestsPath = path.resolve(valueOf(arg, 'extensionTestsPath') ?? '');
    else if (valueOf(arg, 'extensions-dir') !== undefined) extensionsDir = path.resolve(valueOf(arg, 'extensions-dir') ?? '');
    else if (valueOf(arg, 'user-data-dir') !== undefined) userDataDir = path.resolve(valueOf(arg, 'user-data-dir') ?? '');
    else if (arg === '--skip-welcome') skipWelcome = true;
    else if (!arg.startsWith('-') && folder === undefined) folder = path.resolve(arg);
  }
  return { folder, extensionDevelopmentPaths, extensionTestsPath, extensionsDir, userDataDir, skipWelcome };
}
