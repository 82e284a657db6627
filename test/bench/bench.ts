/**
 * `npm run bench -- --repo DIR | --synthetic N [--files F] [--codeowners-rules R] [--rounds K] [--json]`:
 * in one run, on one machine, the raw git commands of the read plan (one process each, one after
 * another: git's own single-process read), the cold analysis, the warm start from the cache, an
 * incremental update after one new commit, status-bar lookup latency over 10,000 paths, and
 * peak memory; with `--codeowners-rules`, a full scan with an R-rule CODEOWNERS against the same
 * scan with a one-rule CODEOWNERS. Works on a local clone in a temporary folder, so the measured
 * repository is never written. `--files F` gives the synthetic history a HEAD of F files;
 * `--rounds K` takes each timing K times, git's and ours in turns, and keeps the best (warm starts
 * and updates at least ten times, with their median beside the best).
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { getHeapStatistics } from 'node:v8';
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
import type { OwnershipResolverInput } from '../../src/core/ownership/ownershipResolver';
import { scanRepository, type ScanResult } from '../../src/core/scan/scanRepository';
import { ScanMemory } from '../../src/core/scan/scanMemory';
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
  /** Best of the warm starts (at least ten), and their median. */
  warmSeconds: number;
  warmMedianSeconds: number;
  /** Best of the updates after one new commit each (at least ten), and their median. */
  incrementalSeconds: number;
  incrementalMedianSeconds: number;
  lookupMs: { p50: number; p99: number; max: number; paths: number };
  peakRssMb: number;
  peakHeapMb: number;
  codeownersScan?: CodeownersFigures;
}

interface CodeownersFigures {
  rules: number;
  files: number;
  /** Median of three full scans each (no cache, as `multiplier scan`), taken in turns. */
  oneRuleSeconds: number;
  manyRulesSeconds: number;
  ratio: number;
}

const seconds = (ms: number): number => Math.round(ms) / 1000;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      repo: { type: 'string' },
      synthetic: { type: 'string' },
      files: { type: 'string' },
      'codeowners-rules': { type: 'string' },
      rounds: { type: 'string' },
      json: { type: 'boolean' },
      now: { type: 'string' },
    },
    strict: true,
  });
  if (!values.repo === !values.synthetic) throw new Error('Give exactly one of --repo DIR or --synthetic N.');
  if (values.files && !values.synthetic) throw new Error('--files F shapes a synthetic history: give it with --synthetic N.');
  const codeownersRules = values['codeowners-rules'] === undefined ? undefined : positive('--codeowners-rules', values['codeowners-rules']);
  const rounds = values.rounds === undefined ? 1 : positive('--rounds', values.rounds);
  const source = values.repo
    ? path.resolve(values.repo)
    : createSyntheticRepo(positive('--synthetic', values.synthetic as string), undefined, { files: values.files === undefined ? undefined : positive('--files', values.files) });
  const workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'multiplier-bench-'));
  const clone = path.join(workdir, 'repo');
  const env = fixtureGitEnv();
  run('git', ['clone', '-q', '--local', source, clone], env);
  const lastCommit = Number(run('git', ['-C', clone, 'log', '-1', '--format=%ct'], env).trim());
  const nowSeconds = values.now ? toSeconds(Date.parse(values.now)) : lastCommit + 60;
  const gitPath = resolveGitBinary(env);
  const settings = benchSettings(clone);
  // A memory is a session's: each warm start is a new session (a new memory), the updates share one.
  const scan = (cache?: IndexCache, scanSettings: MultiplierSettings = settings, memory = new ScanMemory()): Promise<ScanResult> =>
    scanRepository({
      folder: clone,
      makeRunner: (cwd) => new SimpleGitRunner({ gitPath, cwd, env, timeoutMs: 30 * 60 * 1000 }),
      filesAt: nodeWorkspaceFiles,
      settings: scanSettings,
      me: ['bench@example.invalid'],
      nowSeconds,
      cache,
      memory,
    });

  const head = run('git', ['-C', clone, 'rev-parse', 'HEAD'], env).trim();
  const since = windowStartSeconds(settings.windowDays, nowSeconds);
  const rawGit = async (): Promise<Figures['rawGitSeconds']> => {
    const figures = {
      numstatWindow: await timeGit(gitPath, clone, env, numstatLog({ revision: head, sinceSeconds: since }, () => undefined).args),
      aiFootersYear: await timeGit(gitPath, clone, env, aiFooterCommits({ revision: head, sinceSeconds: recentHistoryStartSeconds(settings.windowDays, nowSeconds) }).args),
      nameStatusFull: await timeGit(gitPath, clone, env, nameStatusLog({ revision: head, reverse: true }, () => undefined).args),
      treeFiles: await timeGit(gitPath, clone, env, treeFiles(head).args),
      total: 0,
    };
    return { ...figures, total: seconds(1000 * (figures.numstatWindow + figures.aiFootersYear + figures.nameStatusFull + figures.treeFiles)) };
  };

  // Rounds take turns (git's read, then ours), so that a busy machine weighs on both alike; each
  // figure is the best of its rounds.
  const raws: Array<Figures['rawGitSeconds']> = [];
  const colds: number[] = [];
  let heapMb = 0;
  let cold: ScanResult | undefined;
  const cacheDir = (round: number): string => path.join(workdir, `cache-${round}`);
  for (let round = 0; round < rounds; round++) {
    raws.push(await rawGit());
    // The previous round's index is let go first, and collected (the bench runs with
    // --expose-gc): peak memory is one read's, not one read's and the last one's garbage.
    cold = undefined;
    collectGarbage();
    const memory = sampleMemory();
    const coldStart = performance.now();
    const coldCache = fileIndexCache(cacheDir(round));
    cold = await scan(coldCache);
    colds.push(seconds(performance.now() - coldStart));
    heapMb = Math.max(heapMb, memory.stop());
    await coldCache.flush();
  }
  const peakRssMb = Math.round((process.resourceUsage().maxRSS * 1024) / 1e6);
  const rawGitSeconds = raws.reduce((best, raw) => (raw.total < best.total ? raw : best));
  const coldSeconds = Math.min(...colds);
  if (!cold) throw new Error('no cold read');
  // What the figures need of the cold read, taken before it is let go: a session holds one
  // index (the cache's), and the warm start and the update are timed in a process holding as much.
  const coldFigures = {
    commits: cold.index.commitCount,
    files: cold.index.files.length,
    recentContributions: cold.index.recent.length + cold.index.earlier.length,
    analysisSeconds: analysisTimes(cold, settings, nowSeconds),
    lookupMs: lookupLatency(cold),
  };
  cold = undefined;

  // A new cache object: a warm start is a new session with only the file on disk. Warm starts
  // and updates are short, so each is taken at least ten times (the machine's noise is of their
  // size): the best is reported, with the median beside it.
  const quickRounds = Math.max(rounds, QUICK_ROUNDS);
  const warms: number[] = [];
  for (let round = 0; round < quickRounds; round++) {
    // The last warm start's index is garbage: a new session would not have it either.
    collectGarbage();
    const warmStart = performance.now();
    const warm = await scan(fileIndexCache(cacheDir(rounds - 1)));
    warms.push(seconds(performance.now() - warmStart));
    if (warm.read !== 'cached') throw new Error(`the warm start read ${warm.read}, not the cache`);
  }
  const sessionCache = fileIndexCache(cacheDir(rounds - 1));
  const sessionMemory = new ScanMemory();
  await scan(sessionCache, settings, sessionMemory);
  const incrementals: number[] = [];
  let incremental: ScanResult | undefined;
  collectGarbage();
  for (let round = 0; round < quickRounds; round++) {
    fs.appendFileSync(path.join(clone, 'BENCH_NEW_FILE.md'), 'one more commit\n');
    run('git', ['-C', clone, 'add', 'BENCH_NEW_FILE.md'], env);
    run('git', ['-C', clone, 'commit', '-q', '-m', 'bench: one new commit'], env);
    const incrementalStart = performance.now();
    incremental = await scan(sessionCache, settings, sessionMemory);
    incrementals.push(seconds(performance.now() - incrementalStart));
    // The update is ready before its index is written out (the host has the result by then), and
    // commits come minutes apart: the write must not land inside the next round's timing.
    await sessionCache.flush();
    if (incremental.read !== 'incremental') throw new Error(`the update read ${incremental.read}, not only the new commit`);
  }
  if (!incremental) throw new Error('no incremental read');
  const [warmSeconds, incrementalSeconds, peakHeapMb] = [Math.min(...warms), Math.min(...incrementals), heapMb];
  const [warmMedianSeconds, incrementalMedianSeconds] = [median(warms), median(incrementals)];

  const figures: Figures = {
    repo: source,
    commits: coldFigures.commits,
    files: coldFigures.files,
    recentContributions: coldFigures.recentContributions,
    rawGitSeconds,
    coldSeconds,
    coldOverRawGit: Math.round((coldSeconds / rawGitSeconds.total) * 100) / 100,
    warmSeconds,
    warmMedianSeconds,
    incrementalSeconds,
    incrementalMedianSeconds,
    analysisSeconds: coldFigures.analysisSeconds,
    lookupMs: coldFigures.lookupMs,
    peakRssMb,
    peakHeapMb,
    codeownersScan: codeownersRules === undefined ? undefined : await codeownersCase(clone, codeownersRules, incremental.index.files, (s) => scan(undefined, s)),
  };
  fs.rmSync(workdir, { recursive: true, force: true });
  if (values.synthetic) fs.rmSync(source, { recursive: true, force: true });
  console.log(values.json ? JSON.stringify(figures) : table(figures));
}

/** Warm starts and updates: each timing is taken at least this many times. */
const QUICK_ROUNDS = 10;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** A full collection, where the bench runs with --expose-gc (`npm run bench` does). */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
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

/**
 * The peak of the JavaScript heap, sampled. (Peak resident memory is the kernel's count for this
 * process, git excluded, as it is another process; nothing before the cold read holds much, since
 * the synthetic history is built through a file.)
 */
function sampleMemory(): { stop(): number } {
  let heap = 0;
  const sample = (): void => {
    heap = Math.max(heap, getHeapStatistics().used_heap_size);
  };
  const timer = setInterval(sample, 10);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return Math.round(heap / 1e6);
    },
  };
}

function positive(option: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`${option} takes a whole number above 0, not ${JSON.stringify(value)}.`);
  return number;
}

/**
 * A CODEOWNERS of `count` rules over HEAD's files, as large organisations write them: a
 * catch-all, one rule per directory, then single files, with a few globs (extensions, anchored
 * and floating directory patterns) among them; owners from 200 teams.
 */
function manyCodeowners(files: readonly string[], count: number): string {
  const directories = [...new Set(files.flatMap((file) => file.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))))].sort();
  const globs = ['*.md', '*.snap', 'docs/', '**/fixtures/**', ...directories.slice(0, 40).map((dir) => `/${dir}/**/*.test.ts`), ...directories.slice(0, 40).map((dir) => `${dir.split('/').pop() ?? dir}/`)];
  const patterns = ['*', ...directories.map((dir) => `/${dir}/`)];
  for (let i = 0; patterns.length < count && i < files.length; i++) {
    if (i % 97 === 0 && globs.length > 0) patterns.push(globs.shift() as string);
    patterns.push(`/${files[(i * 7919) % files.length] as string}`.replace(/ /g, '\\ '));
  }
  return `${patterns
    .slice(0, count)
    .map((pattern, i) => `${pattern} @bench/team${i % 200}`)
    .join('\n')}\n`;
}

/** Full scans with a one-rule and an R-rule CODEOWNERS in the clone's worktree, in turns. */
async function codeownersCase(clone: string, rules: number, files: readonly string[], scan: (settings: MultiplierSettings) => Promise<ScanResult>): Promise<CodeownersFigures> {
  const file = path.join(clone, '.github', 'CODEOWNERS');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const texts = { one: '* @bench/everyone\n', many: manyCodeowners(files, rules) };
  const times: Record<keyof typeof texts, number[]> = { one: [], many: [] };
  for (let round = 0; round < 3; round++) {
    for (const which of ['one', 'many'] as const) {
      fs.writeFileSync(file, texts[which]);
      const started = performance.now();
      const result = await scan(DEFAULT_SETTINGS);
      times[which].push(performance.now() - started);
      if (which === 'many' && result.codeowners?.problems.length) throw new Error(`the generated CODEOWNERS has problems: ${JSON.stringify(result.codeowners.problems.slice(0, 3))}`);
    }
  }
  const [one, many] = [median(times.one), median(times.many)];
  return { rules, files: files.length, oneRuleSeconds: seconds(one), manyRulesSeconds: seconds(many), ratio: Math.round((many / one) * 100) / 100 };
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
  const medianTime = (run: () => unknown): number => {
    const times = Array.from({ length: 5 }, () => {
      const started = performance.now();
      run();
      return performance.now() - started;
    }).sort((a, b) => a - b);
    return seconds(times[2] ?? 0);
  };
  const context = { me: scan.me, nowSeconds };
  // A new rules object each run, as each scan has: the area lookup remembers answers per rules object.
  const withRules = medianTime(() => analyzeIndex(scan.index, { ...context, settings: { ...settings, areas: { inferFromHistory: 'off' } }, ownership: { ...scan.ownership } }));
  const noRules = (): OwnershipResolverInput => ({ settingsRules: [], codeownersRules: [], flavor: 'github' });
  const historySettings: MultiplierSettings = { ...settings, ownershipMap: [], areas: { inferFromHistory: 'auto' } };
  const fromHistory = medianTime(() => analyzeIndex(scan.index, { ...context, settings: historySettings, ownership: noRules() }));
  const inferredAreas = analyzeIndex(scan.index, { ...context, settings: historySettings, ownership: noRules() }).areas.length;
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
    ['warm start (cache)', `${f.warmSeconds} s (median ${f.warmMedianSeconds} s)`],
    ['incremental, one new commit', `${f.incrementalSeconds} s (median ${f.incrementalMedianSeconds} s)`],
    ['lookup p50 / p99 / max (10,000 paths)', `${f.lookupMs.p50} / ${f.lookupMs.p99} / ${f.lookupMs.max} ms`],
    ['peak memory (RSS / heap)', `${f.peakRssMb} MB / ${f.peakHeapMb} MB`],
    ...(f.codeownersScan
      ? ([
          [`scan, one-rule CODEOWNERS`, `${f.codeownersScan.oneRuleSeconds} s`],
          [`scan, ${f.codeownersScan.rules.toLocaleString('en-US')}-rule CODEOWNERS`, `${f.codeownersScan.manyRulesSeconds} s (${f.codeownersScan.ratio}×)`],
        ] satisfies Array<[string, string]>)
      : []),
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  return rows.map(([name, value]) => `${name.padEnd(width)}  ${value}`).join('\n');
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
