/**
 * `npm run test:integration [suite ...]`: builds the extension, bundles each suite under
 * test/integration/<suite>/, and runs them one after another in a real VS Code (code-server in
 * headless Chromium, through launcher.ts) with @vscode/test-electron's `runTests`.
 *
 * A suite folder holds `index.ts` (exports `run()`, usually via runMochaSuite), `*.test.ts`, and
 * `fixture.ts`, which runs here before VS Code starts and exports
 *   createWorkspace(): Promise<string>           the folder VS Code opens
 *   settings?: Record<string, unknown>           user settings.json for the run
 *   workspaceTrust?: 'enabled' | 'disabled'      'enabled' allows Restricted Mode (default disabled)
 *   installVsix?: boolean                        true runs against the packaged VSIX, installed
 *                                                into the suite's extensions dir, instead of the
 *                                                development folder
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import * as esbuild from 'esbuild';
import { fixtureGitEnv, removeTestRepos } from '../../helpers/gitFixture';
import { packageVsix } from '../../package/packageVsix';
import { installExtension } from './codeServerProcess';
import { provisionCodeServer } from './provisionCodeServer';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const integrationRoot = path.join(repoRoot, 'test', 'integration');
const cacheRoot = path.join(repoRoot, '.vscode-test');
const launcherPath = path.join(cacheRoot, 'launcher.js');
/** The development folder of VSIX suites: an extension with no code, so the real one is the installed VSIX. */
const vsixHostPath = path.join(cacheRoot, 'vsix-host');

interface SuiteFixture {
  createWorkspace(): Promise<string>;
  settings?: Record<string, unknown>;
  workspaceTrust?: 'enabled' | 'disabled';
  /** Extra environment for VS Code and its extension host (e.g. a PATH with a git shim). */
  env?: Record<string, string>;
  /**
   * Run against the VSIX `npm run package` builds, installed with `code-server --install-extension`
   * into the suite's extensions dir, instead of the development folder. The tests see the dir as
   * MULTIPLIER_TEST_EXTENSIONS_DIR and the VSIX as MULTIPLIER_TEST_VSIX.
   */
  installVsix?: boolean;
}

function loadFixture(name: string): SuiteFixture {
  // The runner runs under tsx/cjs, which hooks require() only: this is how a .ts fixture loads.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(integrationRoot, name, 'fixture.ts')) as SuiteFixture;
}

function findSuites(only: readonly string[]): string[] {
  const suites = fs
    .readdirSync(integrationRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'harness' && fs.existsSync(path.join(integrationRoot, entry.name, 'index.ts')))
    .map((entry) => entry.name)
    .sort();
  const unknown = only.filter((name) => !suites.includes(name));
  if (unknown.length > 0) throw new Error(`No suite named ${unknown.join(', ')}; suites: ${suites.join(', ')}`);
  return only.length > 0 ? suites.filter((name) => only.includes(name)) : suites;
}

const bundleOptions: esbuild.BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // As in esbuild.mjs: jsonc-parser's UMD build cannot be bundled, its ESM build can.
  mainFields: ['module', 'main'],
  // mocha's parallel mode resolves worker files at run time; suites run serially and never load them.
  logOverride: { 'require-resolve-not-external': 'silent' },
};

/** Bundles index.ts and each *.test.ts side by side, so runMochaSuite finds the tests next to index.js. */
async function bundleSuite(name: string): Promise<string> {
  const source = path.join(integrationRoot, name);
  const outdir = path.join(cacheRoot, 'suites', name);
  fs.rmSync(outdir, { recursive: true, force: true });
  const tests = fs.readdirSync(source).filter((file) => file.endsWith('.test.ts'));
  await esbuild.build({
    ...bundleOptions,
    entryPoints: [path.join(source, 'index.ts'), ...tests.map((file) => path.join(source, file))],
    outdir,
    outbase: source,
    external: ['vscode'],
  });
  return path.join(outdir, 'index.js');
}

/** runTests spawns its `vscodeExecutablePath` directly, so the launcher must be an executable file. */
async function buildLauncher(): Promise<void> {
  await esbuild.build({
    ...bundleOptions,
    entryPoints: [path.join(__dirname, 'launcher.ts')],
    outfile: launcherPath,
    banner: { js: '#!/usr/bin/env node' },
    // Resolved at run time from the project's node_modules; Playwright reads files beside its code.
    external: ['playwright-core'],
  });
  fs.chmodSync(launcherPath, 0o755);
}

/**
 * runTests needs a development folder, and the workbench's payload names it; the repository's
 * would load the extension from source and shadow the installed one (same id). This one has a
 * manifest and nothing else.
 */
function writeVsixHost(): string {
  fs.rmSync(vsixHostPath, { recursive: true, force: true });
  fs.mkdirSync(vsixHostPath, { recursive: true });
  const manifest = {
    name: 'vsix-test-host',
    displayName: 'Multiplier VSIX test host',
    description: 'Stands in for the development folder while the tests run against the installed VSIX.',
    publisher: 'multiplier-test',
    version: '0.0.0',
    private: true,
    engines: { vscode: '*' },
  };
  fs.writeFileSync(path.join(vsixHostPath, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return vsixHostPath;
}

async function runSuite(name: string, testsPath: string, vsix: string | undefined): Promise<boolean> {
  const fixture = loadFixture(name);
  const workspace = await fixture.createWorkspace();
  // A fresh profile per suite and run: no state carried over from earlier runs.
  const profile = path.join(cacheRoot, 'runs', name);
  fs.rmSync(profile, { recursive: true, force: true });
  const userDataDir = path.join(profile, 'user-data');
  const extensionsDir = path.join(profile, 'extensions');
  const env: Record<string, string> = {
    MULTIPLIER_TEST_WORKSPACE: workspace,
    MULTIPLIER_TEST_WORKSPACE_TRUST: fixture.workspaceTrust ?? 'disabled',
  };
  if (fixture.settings) env.MULTIPLIER_TEST_SETTINGS = JSON.stringify(fixture.settings);
  Object.assign(env, fixture.env);
  try {
    let developmentPath = repoRoot;
    if (fixture.installVsix) {
      if (!vsix) throw new Error('installVsix is set but no VSIX was packaged');
      const started = Date.now();
      const { entry } = await provisionCodeServer(cacheRoot);
      installExtension({ entry, vsix, extensionsDir, userDataDir });
      console.log(`[integration] installed ${path.relative(repoRoot, vsix)} into ${path.relative(repoRoot, extensionsDir)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      developmentPath = writeVsixHost();
      Object.assign(env, { MULTIPLIER_TEST_EXTENSIONS_DIR: extensionsDir, MULTIPLIER_TEST_VSIX: vsix });
    }
    await runTests({
      vscodeExecutablePath: launcherPath,
      extensionDevelopmentPath: developmentPath,
      extensionTestsPath: testsPath,
      launchArgs: [workspace, `--user-data-dir=${userDataDir}`, `--extensions-dir=${extensionsDir}`],
      extensionTestsEnv: env,
    });
    return true;
  } catch (error) {
    console.error(`[integration] suite ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

async function main(): Promise<number> {
  const suites = findSuites(process.argv.slice(2));
  // Packaging writes the production build into dist/; the development build below replaces it,
  // so suites that run from the development folder keep their source maps.
  const vsix = suites.some((name) => loadFixture(name).installVsix === true)
    ? packageVsix((line) => console.log(`[package] ${line}`)).path
    : undefined;
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  const bundles = new Map<string, string>();
  for (const name of suites) bundles.set(name, await bundleSuite(name));
  await provisionCodeServer(cacheRoot, (line) => console.log(line));
  await buildLauncher();

  let passed = 0;
  let failed = 0;
  for (const name of suites) {
    const started = Date.now();
    console.log(`\n[integration] suite ${name}`);
    const ok = await runSuite(name, bundles.get(name) ?? '', vsix);
    console.log(`[integration] suite ${name} ${ok ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (ok) passed++;
    else failed++;
  }
  removeTestRepos();
  // The fixture helper's private HOME (one per process) outlives removeTestRepos; remove ours.
  const fixtureHome = fixtureGitEnv().HOME;
  if (fixtureHome) fs.rmSync(fixtureHome, { recursive: true, force: true });
  console.log(`\n${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[integration] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
