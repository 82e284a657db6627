/**
 * The real analysis worker for host unit tests: `src/analysisWorker.ts` run from source in a
 * worker thread (tsx), driven by the real client, with real git underneath.
 */
import * as path from 'node:path';
import { AnalysisWorkerClient, type WorkerLog } from '../../src/vscode/analysisWorkerClient';
import type { AnalysisSnapshot } from '../../src/core/scan/analysisSnapshot';
import type { ScanRequest } from '../../src/core/worker/workerProtocol';

export const WORKER_SOURCE = path.resolve(__dirname, '..', '..', 'src', 'analysisWorker.ts');

export interface RecordingLog extends WorkerLog {
  readonly lines: string[];
}

export function recordingLog(): RecordingLog {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(`info ${message}`),
    warn: (message) => lines.push(`warn ${message}`),
    error: (message, error) => lines.push(`error ${message}${error instanceof Error ? `: ${error.message}` : ''}`),
  };
}

/** The real client, counting the scans it was asked for (what "at most two reads" counts). */
export class CountingWorkerClient extends AnalysisWorkerClient {
  scans = 0;

  constructor(log: WorkerLog = recordingLog(), scriptPath = WORKER_SOURCE) {
    super(scriptPath, log, { execArgv: ['--require', 'tsx/cjs'] });
  }

  override scan(request: ScanRequest, signal: AbortSignal, onProgress: (message: string) => void): Promise<AnalysisSnapshot> {
    this.scans++;
    return super.scan(request, signal, onProgress);
  }
}
