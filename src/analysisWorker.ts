/**
 * The analysis worker thread: reads history (git, parsing, scoring) off the extension host's
 * thread, so a cold read of a large repository never blocks the editor. It keeps the latest scan
 * of each repository under a scan id and answers questions about it (`workerProtocol.ts`) with
 * plain data only. Questions run their git in the interactive lane, so they never wait for a
 * history read in progress.
 */
import { randomUUID } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { areaNameOfKey } from './core/analysis/areas';
import { SimpleGitRunner } from './core/git/simpleGitRunner';
import { gatherHandoff } from './core/handoff/draftHandoff';
import { renderHandoffNote } from './core/handoff/renderHandoffNote';
import { fileIndexCache, type IndexCache } from './core/index/indexCache';
import { KeptLinesReplaced } from './core/replaced/keptLinesReplaced';
import { BlameCache } from './core/replaced/readLinesReplaced';
import { toSnapshot } from './core/scan/analysisSnapshot';
import { scanRepository, type ScanResult } from './core/scan/scanRepository';
import { ScanMemory } from './core/scan/scanMemory';
import { readIdentityReport } from './core/setup/identityReport';
import { inferTeams } from './core/setup/teamInference';
import { AreaNotFound, StaleScan } from './core/worker/analysisErrors';
import { toFailureJson } from './core/worker/failures';
import type { Answer, QuestionArgs, QuestionKind, WorkerRequest, WorkerResponse } from './core/worker/workerProtocol';
import { nodeWorkspaceFiles } from './core/workspaceFiles';

const GIT_TIMEOUT_MS = 5 * 60 * 1000;
/** Scan ids of an earlier worker (before a restart) can never match one of this worker. */
const WORKER_INSTANCE = randomUUID().slice(0, 8);

interface KeptScan {
  readonly result: ScanResult;
  /** The scan's repository again, with git in the interactive lane. */
  readonly interactive: ScanResult;
  /** Replaced lines read so far (nudge areas in the background after the scan, others on demand). */
  readonly linesReplaced: KeptLinesReplaced;
}

const scans = new Map<string, KeptScan>();
/** Repository top level → the id of its latest scan: only that one is kept. */
const latestScanOf = new Map<string, string>();
const inFlight = new Map<number, AbortController>();
const caches = new Map<string, IndexCache>();
/** Git binary → what scans with it remember between them (its version, each path's answers under unchanged rules). */
const memories = new Map<string, ScanMemory>();
/** The folder a scan was asked for → the replaced lines its latest scan reads in the background. */
const backgroundReadsOf = new Map<string, KeptLinesReplaced>();
/** Repository top level → blame already read there: a new reading after one more commit re-reads only that one. */
const blameCaches = new Map<string, BlameCache>();
let scansMade = 0;

type Answerer<K extends QuestionKind> = (scan: KeptScan, args: QuestionArgs<K>, signal: AbortSignal) => Promise<Answer<K>> | Answer<K>;

/** One answerer per question of the protocol; each reads the kept scan, git only in the interactive lane. */
const answerers: { readonly [K in QuestionKind]: Answerer<K> } = {
  handoff: async ({ interactive, linesReplaced }, { areaKey }, signal) => {
    const area = interactive.analysis.areas.find((a) => a.key === areaKey);
    if (!area) throw new AreaNotFound(areaNameOfKey(areaKey));
    const [replaced] = await linesReplaced.read([area], 'interactive', signal);
    return renderHandoffNote(await gatherHandoff(interactive, { ...area, othersLinesReplaced: replaced?.linesReplaced ?? null }, signal));
  },
  linesReplaced: ({ interactive, linesReplaced }, { areaKeys }, signal) => {
    const areas = areaKeys.map((key) => {
      const area = interactive.analysis.areas.find((a) => a.key === key);
      if (!area) throw new AreaNotFound(areaNameOfKey(key));
      return area;
    });
    return linesReplaced.read(areas, 'interactive', signal);
  },
  identity: ({ interactive }, _args, signal) => readIdentityReport(interactive, signal),
  teamsDraft: ({ result }) => inferTeams(result),
};

function post(response: WorkerResponse): void {
  parentPort?.postMessage(response);
}

function cacheAt(directory: string | undefined): IndexCache | undefined {
  if (!directory) return undefined;
  let cache = caches.get(directory);
  if (!cache) {
    cache = fileIndexCache(directory, (message) => post({ type: 'log', level: 'warn', message }));
    caches.set(directory, cache);
  }
  return cache;
}

function memoryFor(gitPath: string): ScanMemory {
  let memory = memories.get(gitPath);
  if (!memory) {
    memory = new ScanMemory();
    memories.set(gitPath, memory);
  }
  return memory;
}

async function scan(request: Extract<WorkerRequest, { type: 'scan' }>, signal: AbortSignal): Promise<void> {
  const runnerIn = (lane: 'background' | 'interactive') => (cwd: string) => new SimpleGitRunner({ gitPath: request.gitPath, cwd, env: process.env, timeoutMs: GIT_TIMEOUT_MS, lane });
  // A new reading of the folder makes the last one's background blame pointless: stop it, so this
  // read does not wait behind it in the background lane.
  backgroundReadsOf.get(request.folder)?.stop();
  const result = await scanRepository({
    folder: request.folder,
    makeRunner: runnerIn('background'),
    filesAt: nodeWorkspaceFiles,
    settings: request.settings,
    me: [],
    nowSeconds: request.nowSeconds,
    signal,
    cache: cacheAt(request.cacheDir),
    memory: memoryFor(request.gitPath),
    onProgress: (message) => post({ type: 'progress', id: request.id, message }),
  });
  const { topLevel } = result.repository;
  const scanId = `${WORKER_INSTANCE}-${++scansMade}`;
  const previous = latestScanOf.get(topLevel);
  if (previous) scans.get(previous)?.linesReplaced.stop();
  if (previous) scans.delete(previous);
  const interactive = { ...result, runner: runnerIn('interactive')(topLevel) };
  const blameCache = blameCaches.get(topLevel) ?? new BlameCache();
  blameCaches.set(topLevel, blameCache);
  const linesReplaced = new KeptLinesReplaced({ background: result, interactive }, (message) => post({ type: 'log', level: 'warn', message }), blameCache);
  scans.set(scanId, { result, interactive, linesReplaced });
  latestScanOf.set(topLevel, scanId);
  backgroundReadsOf.set(request.folder, linesReplaced);
  post({ type: 'scanned', id: request.id, snapshot: toSnapshot(result, scanId) });
  linesReplaced.startForNudges();
}

async function answer(request: Extract<WorkerRequest, { type: 'ask' }>, signal: AbortSignal): Promise<void> {
  const kept = scans.get(request.scanId);
  if (!kept) throw new StaleScan(request.scanId);
  const answerer = answerers[request.kind] as Answerer<QuestionKind>;
  post({ type: 'answer', id: request.id, kind: request.kind, answer: await answerer(kept, request.args, signal) });
}

parentPort?.on('message', (request: WorkerRequest) => {
  if (request.type === 'cancel') {
    inFlight.get(request.id)?.abort();
    return;
  }
  const controller = new AbortController();
  inFlight.set(request.id, controller);
  (request.type === 'scan' ? scan(request, controller.signal) : answer(request, controller.signal))
    .catch((error: unknown) => post({ type: 'failed', id: request.id, failure: toFailureJson(error) }))
    .finally(() => inFlight.delete(request.id));
});
