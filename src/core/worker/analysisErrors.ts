/**
 * What can go wrong between asking for an analysis and getting it, apart from git itself
 * (`GitFailure`). Each is named after what went wrong, so the host can answer each one its own
 * way: wait and ask again, read history again, or tell the person why there is nothing to show.
 */

/** Why a folder has no analysis to answer from. */
export type UnavailableReason = 'disabled' | 'restricted' | 'no-repository' | 'read-failed';

/**
 * The folder has no analysis, and waiting will not bring one: Multiplier is off there, the folder
 * is not trusted, it is not a repository, or reading it failed. The message says which.
 */
export class AnalysisUnavailable extends Error {
  constructor(
    readonly reason: UnavailableReason,
    message: string,
  ) {
    super(message);
    this.name = 'AnalysisUnavailable';
  }
}

/**
 * A question named a scan the worker no longer holds: history was read again since (the worker
 * keeps only the latest scan of each repository), or the worker was restarted. Always this error,
 * whatever the question, so the one door can read the current scan and ask again.
 */
export class StaleScan extends Error {
  constructor(readonly scanId: string) {
    super('History was read again since this was asked; ask again about the current reading.');
    this.name = 'StaleScan';
  }
}

/** The area a question named is not in the scan (its rule changed). */
export class AreaNotFound extends Error {
  constructor(readonly area: string) {
    super(`${area} is no longer an area in the latest reading of the history: its ownership rule changed.`);
    this.name = 'AreaNotFound';
  }
}

/** The analysis worker thread crashed or exited; the next request starts a new one. */
export class WorkerStopped extends Error {
  constructor(detail: string) {
    super(`The analysis worker stopped (${detail}); it starts again with the next reading.`);
    this.name = 'WorkerStopped';
  }
}

/** The caller cancelled the request (a newer reading superseded it, or the person did). */
export class RequestCancelled extends Error {
  constructor(what = 'The request') {
    super(`${what} was cancelled.`);
    this.name = 'RequestCancelled';
  }
}
