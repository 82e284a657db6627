import { Worker, type WorkerOptions } from 'node:worker_threads';
import { RequestCancelled, WorkerStopped } from '../core/worker/analysisErrors';
import { fromFailureJson } from '../core/worker/failures';
import type { AnalysisSnapshot } from '../core/scan/analysisSnapshot';
import type { Answer, QuestionArgs, QuestionKind, ScanRequest, WorkerRequest, WorkerResponse } from '../core/worker/workerProtocol';

interface Pending {
  readonly resolve: (response: WorkerResponse) => void;
  readonly reject: (error: Error) => void;
  readonly onProgress?: (message: string) => void;
}

export interface WorkerLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

/**
 * The host's side of the analysis worker: one worker thread for all folders, started on first
 * use and started again if it ever dies; requests are matched to answers by id, and a cancelled
 * request is cancelled in the worker too (which kills its git process). Only `FolderAnalysis`
 * talks to it (a lint rule keeps it so): it is the one door, which owns waiting and retrying.
 */
export class AnalysisWorkerClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  /**
   * @param scriptPath the worker's script (`dist/analysisWorker.js`)
   * @param workerOptions for tests that run the TypeScript source (`execArgv: ['--require', 'tsx/cjs']`)
   */
  constructor(
    private readonly scriptPath: string,
    private readonly log: WorkerLog,
    private readonly workerOptions: WorkerOptions = {},
  ) {}

  /** Reads the repository's history (or its cache) and returns what the host keeps of it. */
  async scan(request: ScanRequest, signal: AbortSignal, onProgress: (message: string) => void): Promise<AnalysisSnapshot> {
    const response = await this.request({ type: 'scan', id: 0, ...request }, signal, onProgress);
    if (response.type !== 'scanned') throw new Error(`The analysis worker answered "${response.type}" to a scan.`);
    return response.snapshot;
  }

  /** Asks a question about the scan `scanId`; rejects with `StaleScan` when the worker no longer holds it. */
  async ask<K extends QuestionKind>(scanId: string, kind: K, args: QuestionArgs<K>, signal?: AbortSignal): Promise<Answer<K>> {
    const response = await this.request({ type: 'ask', id: 0, scanId, kind, args }, signal, undefined);
    if (response.type !== 'answer') throw new Error(`The analysis worker answered "${response.type}" to the question "${kind}".`);
    if (response.kind !== kind) throw new Error(`The analysis worker answered the question "${response.kind}" when asked "${kind}".`);
    return response.answer as Answer<K>;
  }

  dispose(): void {
    this.failAll(new RequestCancelled('Reading history'));
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private request(request: WorkerRequest, signal: AbortSignal | undefined, onProgress: ((message: string) => void) | undefined): Promise<WorkerResponse> {
    const id = this.nextId++;
    const worker = this.ensureWorker();
    return new Promise<WorkerResponse>((resolve, reject) => {
      if (signal?.aborted) return reject(new RequestCancelled());
      this.pending.set(id, { resolve, reject, onProgress });
      signal?.addEventListener('abort', () => {
        worker.postMessage({ type: 'cancel', id } satisfies WorkerRequest);
        this.settle(id)?.reject(new RequestCancelled());
      });
      worker.postMessage({ ...request, id });
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.scriptPath, this.workerOptions);
    worker.on('message', (response: WorkerResponse) => this.receive(response));
    worker.on('error', (error) => {
      this.log.error('the analysis worker failed', error);
      this.failAll(new WorkerStopped(error.message));
      if (this.worker === worker) this.worker = undefined;
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.failAll(new WorkerStopped(`exit code ${code}`));
      this.worker = undefined;
    });
    this.worker = worker;
    return worker;
  }

  private receive(response: WorkerResponse): void {
    if (response.type === 'log') {
      this.log[response.level](response.message);
      return;
    }
    if (response.type === 'progress') {
      this.pending.get(response.id)?.onProgress?.(response.message);
      return;
    }
    const pending = this.settle(response.id);
    if (!pending) return;
    if (response.type === 'failed') pending.reject(fromFailureJson(response.failure));
    else pending.resolve(response);
  }

  private settle(id: number): Pending | undefined {
    const pending = this.pending.get(id);
    this.pending.delete(id);
    return pending;
  }

  private failAll(error: Error): void {
    for (const [id, pending] of [...this.pending]) {
      this.pending.delete(id);
      pending.reject(error);
    }
  }
}
