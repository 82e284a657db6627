/**
 * `npm run bench -- --repo DIR | --synthetic N [--json]`: in one run, on one machine, the raw git
 * commands of the read plan, the cold analysis, the warm start from the cache, an incremental
 * update after one new commit, status-bar lookup latency over 10,000 paths, and peak memory.
 * Works on a local clone in a temporary folder, so the measured repository is never written.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { recentHistoryStartSeconds, windowStartSeconds } from '../../src/core/analysis/analysisWindow';
import { analyzeIndex } from '../../src/core/analysis/analyzeIndex';
import { toSeconds } from '../../src/core/time';
import { DEFAULT_SETTINGS, type MultiplierSettings } from '../../src/core/config/settings';
import { snapshotLookup, toSnapshot } from '../../src/core/scan/analysisSnapshot';
import { resolveGitBinary } from '../../src/core/git/gitBinary';
import { aiFooterCommits, nameStatusLog, numstatLog, treeFiles } from '../../src/core/git/repositoryCommands';
import { SAFE_CONFIG, safeGitEnvironment } from '../../src/core/git/safetyRecipe';
import { SimpleGitRunner } from '../../src/core/git/simpleGitRunner';
import { fileIndexCache, type IndexCache } from '../../src/core/index/indexCache';
import { scanRepository, type ScanResult } from '../../src/core/scan/scanRepository';
import { nodeWorkspaceFiles } from '../../src/core/workspaceFiles';
import { fixtureGitEnv } from '../helpers/gitFixture';
import { createSyntheticRepo } from './syntheticRepo';

interface Figures {
  repo: string;
  commits: number;
  files: number;
  /** Contributions the index keeps (the last 365 days, or the window when longer). */
  recentContributions: number;
  rawGitSeconds: { numstatWindow: number; aiFootersYear: number; nameStatusFull: number; treeFiles: number; total: number };
  coldSeconds: number;
  /** The analysis of the cold index alone (no git), median of five: with the bench's rules, and with none (every area read from history). */
  analysisSeconds: { withRules: number; fromHistory: number; inferredAreas: number };
  coldOverRawGit: number;
  warmSeconds: number;
  incrementalSeconds: number;
  lookupMs: { p50: number; p99: number; max: number; paths: number };
  peakRssMb: number;
  peakHeapMb: number;
}

const seconds = (ms: number): number => Math.round(ms) / 1000;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { repo: { type: 'string' }, synthetic: { type: 'string' }, json: { type: 'boolean' }, now: { type: 'string' } }, strict: true });
  if (!values.repo === !values.synthetic) throw new Error('Give exactly one of --repo DIR or --synthetic N.');
  const source = values.repo ? path.resolve(values.repo) : createSyntheticRepo(Number(values.synthetic));
  const workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'multiplier-bench-'));
  const clone = path.join(workdir, 'repo');
  const env = fixtureGitEnv();
  run('git', ['clone', '-q', '--local', source, clone], env);
  const lastCommit = Number(run('git', ['-C', clone, 'log', '-1', '--format=%ct'], env).trim());
  const nowSeconds = values.now ? toSeconds(Date.parse(values.now)) : lastCommit + 60;
  const gitPath = resolveGitBinary(env);
  const settings = benchSettings(clone);
  const scan = (cache?: IndexCache): Promise<ScanResult> =>
    scanRepository({
      folder: clone,
      makeRunner: (cwd) => new SimpleGitRunner({ gitPath, cwd, env, timeoutMs: 30 * 60 * 1000 }),
      filesAt: nodeWorkspaceFiles,
      settings,
      me: ['bench@example.invalid'],
      nowSeconds,
      cache,
    });

  const head = run('git', ['-C', clone, 'rev-parse', 'HEAD'], env).trim();
  const since = windowStartSeconds(settings.windowDays, nowSeconds);
  const rawGitSeconds = {
    numstatWindow: await timeGit(gitPath, clone, env, numstatLog({ revision: head, sinceSeconds: since }, () => undefined).args),
    aiFootersYear: await timeGit(gitPath, clone, env, aiFooterCommits({ revision: head, sinceSeconds: recentHistoryStartSeconds(settings.windowDays, nowSeconds) }).args),
    nameStatusFull: await timeGit(gitPath, clone, env, nameStatusLog({ revision: head, reverse: true }, () => undefined).args),
    treeFiles: await timeGit(gitPath, clone, env, treeFiles(head).args),
    total: 0,
  };
  rawGitSeconds.total = seconds(1000 * (rawGitSeconds.numstatWindow + rawGitSeconds.aiFootersYear + rawGitSeconds.nameStatusFull + rawGitSeconds.treeFiles));

  const cacheDir = path.join(workdir, 'cache');
  const memory = sampleMemory();
  const coldStart = performance.now();
  const coldCache = fileIndexCache(cacheDir);
  const cold = await scan(coldCache);
  const coldSeconds = seconds(performance.now() - coldStart);
  const { peakRssMb, peakHeapMb } = memory.stop();

  // A new cache object: a warm start is a new session with only the file on disk.
  await coldCache.flush();
  const sessionCache = fileIndexCache(cacheDir);
  const warmStart = performance.now();
  const warm = await scan(sessionCache);
  const warmSeconds = seconds(performance.now() - warmStart);
  if (warm.read !== 'cached') throw new Error(`the warm start read ${warm.read}, not the cache`);

  fs.appendFileSync(path.join(clone, 'BENCH_NEW_FILE.md'), 'one more commit\n');
  run('git', ['-C', clone, 'add', 'BENCH_NEW_FILE.md'], env);
  run('git', ['-C', clone, 'commit', '-q', '-m', 'bench: one new commit'], env);
  const incrementalStart = performance.now();
  const incremental = await scan(sessionCache);
  const incrementalSeconds = seconds(performance.now() - incrementalStart);
  if (incremental.read !== 'incremental') throw new Error(`the update read ${incremental.read}, not only the new commit`);

  const figures: Figures = {
    repo: source,
    commits: cold.index.commitCount,
    files: cold.index.files.length,
    recentContributions: cold.index.recent.length,
    rawGitSeconds,
    coldSeconds,
    coldOverRawGit: Math.round((coldSeconds / rawGitSeconds.total) * 100) / 100,
    warmSeconds,
    incrementalSeconds,
    analysisSeconds: analysisTimes(cold, settings, nowSeconds),
    lookupMs: lookupLatency(cold),
    peakRssMb,
    peakHeapMb,
  };
  fs.rmSync(workdir, { recursive: true, force: true });
  if (values.synthetic) fs.rmSync(source, { recursive: true, force: true });
  console.log(values.json ? JSON.stringify(figures) : table(figures));
}

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv): string {
  const result = spawnSync(command, args, { env, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** One raw git command with the same flags and environment the runner uses, output discarded. */
function timeGit(gitPath: string, cwd: string, env: NodeJS.ProcessEnv, args: readonly string[]): Promise<number> {
  const config = SAFE_CONFIG.flatMap(([key, value]) => ['-c', `${key}=${value}`]);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(gitPath, [...config, ...args], { cwd, env: safeGitEnvironment(env), stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.resume();
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(seconds(performance.now() - started)) : reject(new Error(`git ${args[0]} exited ${code}`))));
  });
}

/** Peak resident memory of this process (git excluded: it is another process). */
function sampleMemory(): { stop(): { peakRssMb: number; peakHeapMb: number } } {
  let rss = 0;
  let heap = 0;
  const sample = (): void => {
    const usage = process.memoryUsage();
    rss = Math.max(rss, usage.rss);
    heap = Math.max(heap, usage.heapUsed);
  };
  const timer = setInterval(sample, 10);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { peakRssMb: Math.round(rss / 1e6), peakHeapMb: Math.round(heap / 1e6) };
    },
  };
}

/**
 * Areas to look paths up in: the repository's CODEOWNERS, or else (git/git has none) one area
 * per top-level folder, so that lookups do real matching.
 */
function benchSettings(clone: string): MultiplierSettings {
  const hasCodeowners = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS'].some((file) => fs.existsSync(path.join(clone, file)));
  if (hasCodeowners) return DEFAULT_SETTINGS;
  const folders = fs.readdirSync(clone, { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== '.git');
  return { ...DEFAULT_SETTINGS, ownershipMap: folders.map((folder) => ({ pattern: `/${folder.name}/`, owners: [`@bench/${folder.name.replace(/[^A-Za-z0-9_-]/g, '-')}`] })) };
}

/**
 * What reading areas from history costs: the same index analysed with the bench's rules (areas
 * from rules, inference off) and with no rules at all (every area inferred: folders, their
 * builders), each the median of five runs. Their difference is what inference adds to a scan.
 */
function analysisTimes(scan: ScanResult, settings: MultiplierSettings, nowSeconds: number): Figures['analysisSeconds'] {
  const median = (run: () => unknown): number => {
    const times = Array.from({ length: 5 }, () => {
      const started = performance.now();
      run();
      return performance.now() - started;
    }).sort((a, b) => a - b);
    return seconds(times[2] ?? 0);
  };
  const context = { me: scan.me, nowSeconds };
  const withRules = median(() => analyzeIndex(scan.index, { ...context, settings: { ...settings, areas: { inferFromHistory: 'off' } }, ownership: scan.ownership }));
  const noRules = { settingsRules: [], codeownersRules: [], flavor: 'github' as const };
  const historySettings: MultiplierSettings = { ...settings, ownershipMap: [], areas: { inferFromHistory: 'auto' } };
  const fromHistory = median(() => analyzeIndex(scan.index, { ...context, settings: historySettings, ownership: noRules }));
  const inferredAreas = analyzeIndex(scan.index, { ...context, settings: historySettings, ownership: noRules }).areas.length;
  return { withRules, fromHistory, inferredAreas };
}

/**
 * The status bar's question for 10,000 paths (HEAD's files, and made-up paths), asked the way
 * the extension host asks it: of the snapshot the worker sends, through its in-memory lookup.
 */
function lookupLatency(scan: ScanResult): Figures['lookupMs'] {
  const known = scan.index.files;
  const areaOf = snapshotLookup(toSnapshot(scan, 'bench'));
  const paths = Array.from({ length: 10_000 }, (_, i) => (i % 4 === 3 || known.length === 0 ? `new/dir${i % 97}/file${i}.ts` : (known[(i * 7919) % known.length] as string)));
  const times = paths.map((p) => {
    const started = performance.now();
    areaOf(p);
    return performance.now() - started;
  });
  times.sort((a, b) => a - b);
  const at = (q: number): number => Math.round((times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0) * 1000) / 1000;
  return { p50: at(0.5), p99: at(0.99), max: at(1), paths: paths.length };
}

function table(f: Figures): string {
  const rows: Array<[string, string]> = [
    ['repository', `${f.repo} (${f.commits.toLocaleString('en-US')} non-merge commits, ${f.files.toLocaleString('en-US')} files)`],
    ['index: recent contributions kept', f.recentContributions.toLocaleString('en-US')],
    ['raw git: numstat, window', `${f.rawGitSeconds.numstatWindow} s`],
    ['raw git: AI footers, last 365 days', `${f.rawGitSeconds.aiFootersYear} s`],
    ['raw git: name-status, all history', `${f.rawGitSeconds.nameStatusFull} s`],
    ['raw git: ls-tree', `${f.rawGitSeconds.treeFiles} s`],
    ['raw git: total', `${f.rawGitSeconds.total} s`],
    ['cold analysis', `${f.coldSeconds} s`],
    ['cold / raw git', `${f.coldOverRawGit}`],
    ['analysis: rules / from history', `${f.analysisSeconds.withRules} s / ${f.analysisSeconds.fromHistory} s (${f.analysisSeconds.inferredAreas} inferred areas)`],
    ['warm start (cache)', `${f.warmSeconds} s`],
    ['incremental, one new commit', `${f.incrementalSeconds} s`],
    ['lookup p50 / p99 / max (10,000 paths)', `${f.lookupMs.p50} / ${f.lookupMs.p99} / ${f.lookupMs.max} ms`],
    ['peak memory (RSS / heap)', `${f.peakRssMb} MB / ${f.peakHeapMb} MB`],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  return rows.map(([name, value]) => `${name.padEnd(width)}  ${value}`).join('\n');
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
