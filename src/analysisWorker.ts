/**
 * The analysis worker thread: reads history (git, parsing, scoring) off the extension host's
 * thread, so a cold read of a large repository never blocks the editor. It keeps the latest scan
 * of each repository for handoff notes, and answers the host with plain data only.
 */
import { parentPort } from 'node:worker_threads';
import { GitFailure } from './core/git/gitFailure';
import { SimpleGitRunner } from './core/git/simpleGitRunner';
import { gatherHandoff } from './core/handoff/draftHandoff';
import { renderHandoffNote } from './core/handoff/renderHandoffNote';
import { fileIndexCache, type IndexCache } from './core/index/indexCache';
import { toSnapshot } from './core/scan/analysisSnapshot';
import { scanRepository, type ScanResult } from './core/scan/scanRepository';
import { readIdentityReport } from './core/setup/identityReport';
import { inferTeams } from './core/setup/teamInference';
import { nodeWorkspaceFiles } from './core/workspaceFiles';
import type { WorkerRequest, WorkerResponse } from './core/worker/workerProtocol';

const GIT_TIMEOUT_MS = 5 * 60 * 1000;
const scans = new Map<string, ScanResult>();
const inFlight = new Map<number, AbortController>();
const caches = new Map<string, IndexCache>();

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

async function scan(request: Extract<WorkerRequest, { type: 'scan' }>): Promise<void> {
  const controller = new AbortController();
  inFlight.set(request.id, controller);
  try {
    const result = await scanRepository({
      folder: request.folder,
      makeRunner: (cwd) => new SimpleGitRunner({ gitPath: request.gitPath, cwd, env: process.env, timeoutMs: GIT_TIMEOUT_MS }),
      filesAt: nodeWorkspaceFiles,
      settings: request.settings,
      me: [],
      nowSeconds: request.nowSeconds,
      signal: controller.signal,
      cache: cacheAt(request.cacheDir),
      onProgress: (message) => post({ type: 'progress', id: request.id, message }),
    });
    scans.set(result.repository.topLevel, result);
    post({ type: 'scanned', id: request.id, snapshot: toSnapshot(result) });
  } finally {
    inFlight.delete(request.id);
  }
}

async function handoff(request: Extract<WorkerRequest, { type: 'handoff' }>): Promise<void> {
  const result = scans.get(request.topLevel);
  const area = result?.analysis.areas.find((a) => a.key === request.areaKey);
  if (!result || !area) throw new GitFailure('failed', 'That area is no longer in the analysis; history was read again meanwhile. Try once more.');
  post({ type: 'handoff', id: request.id, markdown: renderHandoffNote(await gatherHandoff(result, area)) });
}

function latestScan(topLevel: string): ScanResult {
  const result = scans.get(topLevel);
  if (!result) throw new GitFailure('failed', 'History of this repository is not read yet (or is being read again). Try once more in a moment.');
  return result;
}

async function teamsDraft(request: Extract<WorkerRequest, { type: 'teamsDraft' }>): Promise<void> {
  post({ type: 'teamsDraft', id: request.id, inference: inferTeams(latestScan(request.topLevel)) });
}

async function identity(request: Extract<WorkerRequest, { type: 'identity' }>): Promise<void> {
  const controller = new AbortController();
  inFlight.set(request.id, controller);
  try {
    post({ type: 'identity', id: request.id, report: await readIdentityReport(latestScan(request.topLevel), controller.signal) });
  } finally {
    inFlight.delete(request.id);
  }
}

function handle(request: Exclude<WorkerRequest, { type: 'cancel' }>): Promise<void> {
  switch (request.type) {
    case 'scan':
      return scan(request);
    case 'handoff':
      return handoff(request);
    case 'teamsDraft':
      return teamsDraft(request);
    case 'identity':
      return identity(request);
  }
}

parentPort?.on('message', (request: WorkerRequest) => {
  if (request.type === 'cancel') {
    inFlight.get(request.id)?.abort();
    return;
  }
  handle(request).catch((error: unknown) =>
    post({
      type: 'failed',
      id: request.id,
      kind: error instanceof GitFailure ? error.kind : 'internal',
      message: error instanceof Error ? error.message : String(error),
    }),
  );
});
