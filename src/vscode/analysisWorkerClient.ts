import * as vscode from 'vscode';
import { Worker } from 'node:worker_threads';
import type { MultiplierSettings } from '../core/config/settings';
import { GitFailure } from '../core/git/gitFailure';
import type { AnalysisSnapshot } from '../core/scan/analysisSnapshot';
import type { IdentityReport } from '../core/setup/identityReport';
import type { TeamInference } from '../core/setup/teamInference';
import type { WorkerRequest, WorkerResponse } from '../core/worker/workerProtocol';
import type { Logger } from './logger';

interface Pending {
  readonly resolve: (response: WorkerResponse) => void;
  readonly reject: (error: Error) => void;
  readonly onProgress?: (message: string) => void;
}

export interface ScanRequest {
  readonly folder: string;
  readonly settings: MultiplierSettings;
  readonly nowSeconds: number;
  readonly gitPath: string;
  readonly cacheDir: string | undefined;
}

/**
 * The host's side of the analysis worker: one worker thread for all folders, started on first
 * use and started again if it ever dies; requests are matched to answers by id, and a cancelled
 * request is cancelled in the worker too (which kills its git process).
 */
export class AnalysisWorkerClient implements vscode.Disposable {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly scriptPath: string,
    private readonly logger: Logger,
  ) {}

  async scan(request: ScanRequest, signal: AbortSignal, onProgress: (message: string) => void): Promise<AnalysisSnapshot> {
    const response = await this.request({ type: 'scan', id: 0, ...request }, signal, onProgress);
    if (response.type !== 'scanned') throw new GitFailure('failed', `The analysis worker answered ${response.type} to a scan.`);
    return response.snapshot;
  }

  async handoff(topLevel: string, areaKey: string): Promise<string> {
    const response = await this.request({ type: 'handoff', id: 0, topLevel, areaKey }, undefined, undefined);
    if (response.type !== 'handoff') throw new GitFailure('failed', `The analysis worker answered ${response.type} to a handoff note.`);
    return response.markdown;
  }

  /** Each team of the repository's ownership rules with the members inference gives it. */
  async teamsDraft(topLevel: string): Promise<TeamInference> {
    const response = await this.request({ type: 'teamsDraft', id: 0, topLevel }, undefined, undefined);
    if (response.type !== 'teamsDraft') throw new GitFailure('failed', `The analysis worker answered ${response.type} to a teams draft.`);
    return response.inference;
  }

  /** Who counts as me in the repository's latest scan (reads git config's user once). */
  async identity(topLevel: string, signal?: AbortSignal): Promise<IdentityReport> {
    const response = await this.request({ type: 'identity', id: 0, topLevel }, signal, undefined);
    if (response.type !== 'identity') throw new GitFailure('failed', `The analysis worker answered ${response.type} to an identity report.`);
    return response.report;
  }

  dispose(): void {
    this.failAll(new GitFailure('cancelled', 'Multiplier is shutting down.'));
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private request(request: WorkerRequest, signal: AbortSignal | undefined, onProgress: ((message: string) => void) | undefined): Promise<WorkerResponse> {
    const id = this.nextId++;
    const worker = this.ensureWorker();
    return new Promise<WorkerResponse>((resolve, reject) => {
      if (signal?.aborted) return reject(new GitFailure('cancelled', 'Reading git history was cancelled.'));
      this.pending.set(id, { resolve, reject, onProgress });
      signal?.addEventListener('abort', () => {
        worker.postMessage({ type: 'cancel', id } satisfies WorkerRequest);
        this.settle(id)?.reject(new GitFailure('cancelled', 'Reading git history was cancelled.'));
      });
      worker.postMessage({ ...request, id });
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.scriptPath);
    worker.on('message', (response: WorkerResponse) => this.receive(response));
    worker.on('error', (error) => {
      this.logger.error('the analysis worker failed', error);
      this.failAll(new GitFailure('failed', `The analysis worker stopped: ${error.message}`));
      this.worker = undefined;
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.failAll(new GitFailure('failed', `The analysis worker exited (code ${code}).`));
      this.worker = undefined;
    });
    this.worker = worker;
    return worker;
  }

  private receive(response: WorkerResponse): void {
    if (response.type === 'log') {
      this.logger[response.level](response.message);
      return;
    }
    if (response.type === 'progress') {
      this.pending.get(response.id)?.onProgress?.(response.message);
      return;
    }
    const pending = this.settle(response.id);
    if (!pending) return;
    if (response.type === 'failed') pending.reject(new GitFailure(response.kind === 'internal' ? 'failed' : response.kind, response.message));
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
