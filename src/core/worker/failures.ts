import { GitFailure } from '../git/gitFailure';
import { AreaNotFound, RequestCancelled, StaleScan } from './analysisErrors';
import type { FailureJson } from './workerProtocol';

/** An error thrown in the worker, as plain data for the host. */
export function toFailureJson(error: unknown): FailureJson {
  if (error instanceof GitFailure) return error.kind === 'cancelled' ? { error: 'cancelled', message: error.message } : { error: 'git', kind: error.kind, message: error.message };
  if (error instanceof StaleScan) return { error: 'stale-scan', scanId: error.scanId };
  if (error instanceof AreaNotFound) return { error: 'area-not-found', area: error.area };
  if (error instanceof RequestCancelled) return { error: 'cancelled', message: error.message };
  return { error: 'internal', message: error instanceof Error ? error.message : String(error) };
}

/** The same error again on the host, so it is handled exactly as if it had been thrown there. */
export function fromFailureJson(failure: FailureJson): Error {
  switch (failure.error) {
    case 'git':
      return new GitFailure(failure.kind, failure.message);
    case 'stale-scan':
      return new StaleScan(failure.scanId);
    case 'area-not-found':
      return new AreaNotFound(failure.area);
    case 'cancelled':
      return new RequestCancelled();
    case 'internal':
      return new Error(`The analysis failed: ${failure.message}`);
  }
}
