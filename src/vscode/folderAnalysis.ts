/**
 * One workspace folder's repository, and the only door to the analysis worker. It reads history
 * in the background (at most one read running and one queued: events that arrive during a read
 * coalesce into the next one, like the git extension's throttle), publishes immutable states,
 * and answers on-demand questions (`ask`) about the latest reading, owning the waiting, the retry
 * and the "not read yet" answer. No git runs when the workspace is not trusted or the folder has
 * Multiplier disabled.
 *
 * It depends on VS Code only through the ports it is given, so it runs in unit tests as is.
 */
import type { AreaReport } from '../core/analysis/areaReport';
import type { MultiplierSettings, SettingProblem } from '../core/config/settingTypes';
import { GitFailure } from '../core/git/gitFailure';
import { codeownersProblemText } from '../core/ownership/codeownersProblemText';
import type { FolderStatus } from '../core/presentation/statusView';
import { snapshotLookup, snapshotWithLinesReplaced, type AnalysisSnapshot } from '../core/scan/analysisSnapshot';
import { toSeconds } from '../core/time';
import { AnalysisUnavailable, RequestCancelled, StaleScan } from '../core/worker/analysisErrors';
import type { Answer, QuestionArgs, QuestionKind } from '../core/worker/workerProtocol';
import type { AnalysisWorkerClient } from './analysisWorkerClient';
import { Emitter } from './emitter';
import type { Logger } from './logger';

export interface FolderAnalysisState {
  readonly status: FolderStatus;
  /** The latest complete reading; kept while a newer one loads so the status bar never flickers. */
  readonly scan: AnalysisSnapshot | undefined;
  /** The settings `scan` was read with (undefined before any read). */
  readonly settings: MultiplierSettings | undefined;
  /** The owned area of a repo-relative path, answered in memory. */
  readonly areaOf: (path: string) => AreaReport | undefined;
  readonly problems: readonly SettingProblem[];
}

/** Shows that something waits for history to be read; `signal` aborts when the person cancels. */
export type WaitingDisplay = <T>(title: string, task: (report: (message: string) => void, signal: AbortSignal) => Promise<T>) => Promise<T>;

/** `vscode.l10n` as FolderAnalysis uses it: what it says, in the person's language. */
export interface Localizer {
  t(message: string, ...args: Array<string | number | boolean>): string;
}

/** What FolderAnalysis needs of a folder; the host passes its `vscode.WorkspaceFolder`. */
export interface AnalysedFolder {
  readonly name: string;
  readonly uri: { readonly fsPath: string };
}

export interface FolderAnalysisPorts<F extends AnalysedFolder = AnalysedFolder> {
  readonly folder: F;
  readonly worker: AnalysisWorkerClient;
  /** The folder's validated settings, read anew for every reading. */
  readonly readSettings: () => { readonly settings: MultiplierSettings; readonly problems: readonly SettingProblem[] };
  readonly isTrusted: () => boolean;
  readonly gitPath: () => Promise<string>;
  /** Where history indexes are cached between sessions. */
  readonly cacheDir: string | undefined;
  readonly logger: Logger;
  /** Milliseconds since the epoch. */
  readonly clock: () => number;
  /** Tells the person, once, about setting problems not reported before in this session. */
  readonly reportSettingProblems: (fresh: readonly SettingProblem[]) => void;
  readonly whileWaiting: WaitingDisplay;
  readonly l10n: Localizer;
}

export interface RefreshOptions {
  /** Skip the cache: the person asked to read history again. */
  readonly fresh?: boolean;
}

const NO_AREAS = (): undefined => undefined;

interface QueuedRead {
  readonly reasons: string[];
  fresh: boolean;
  readonly done: Promise<void>;
  readonly resolve: () => void;
}

export class FolderAnalysis<F extends AnalysedFolder = AnalysedFolder> {
  private readonly changed = new Emitter<FolderAnalysisState>();
  readonly onDidChange = this.changed.event;
  private current: FolderAnalysisState;
  private running: Promise<void> | undefined;
  private queued: QueuedRead | undefined;
  private readController: AbortController | undefined;
  private disposed = false;
  private readonly reportedProblems = new Set<string>();
  /** Called when no read is running or queued any more. */
  private readonly idleWaiters = new Set<() => void>();

  constructor(private readonly ports: FolderAnalysisPorts<F>) {
    this.current = { status: { kind: 'loading', message: ports.l10n.t('Waiting to read history…') }, scan: undefined, settings: undefined, areaOf: NO_AREAS, problems: [] };
  }

  get folder(): F {
    return this.ports.folder;
  }

  get name(): string {
    return this.ports.folder.name;
  }

  get state(): FolderAnalysisState {
    return this.current;
  }

  /**
   * Reads history again. With no read running, one starts now; during a read, one more is queued
   * (and every further call joins it), so a burst of events costs at most one more read, made with
   * the settings of its own start. Resolves when the read that covers this call has finished.
   */
  refresh(reason: string, options: RefreshOptions = {}): Promise<void> {
    if (this.disposed) return Promise.resolve();
    if (!this.running) {
      this.running = this.read(reason, options.fresh ?? false).finally(() => this.startQueued());
      return this.running;
    }
    if (this.queued) {
      this.queued.reasons.push(reason);
      this.queued.fresh ||= options.fresh ?? false;
      return this.queued.done;
    }
    let resolve = (): void => undefined;
    const done = new Promise<void>((settle) => (resolve = settle));
    this.queued = { reasons: [reason], fresh: options.fresh ?? false, done, resolve };
    return done;
  }

  /**
   * Asks the worker a question about the latest reading: waits (showing so) while history is
   * read for the first time, and asks once more when the reading it asked about was replaced
   * meanwhile, or lost with a restarted worker. When there is no reading to ask about, rejects
   * with `AnalysisUnavailable`, whose message says why.
   */
  async ask<K extends QuestionKind>(kind: K, args: QuestionArgs<K>, signal?: AbortSignal): Promise<Answer<K>> {
    for (let attempt = 1; ; attempt++) {
      const scan = await this.latestScan(signal);
      try {
        return await this.ports.worker.ask(scan.scanId, kind, args, signal);
      } catch (error) {
        if (!(error instanceof StaleScan) || attempt === 2) throw error;
        this.ports.logger.info(`${this.name}: the worker no longer holds reading ${scan.scanId} (${kind}); asking about the current one`);
        // A newer reading may have arrived already; if not, the worker lost it (a restart): read again.
        if (this.current.scan?.scanId === scan.scanId) await this.refresh(`the worker no longer holds the reading asked about (${kind})`);
      }
    }
  }

  dispose(): void {
    this.disposed = true;
    this.readController?.abort();
    this.queued?.resolve();
    this.queued = undefined;
    for (const waiter of [...this.idleWaiters]) waiter();
    this.changed.dispose();
  }

  /** The reading questions are asked about, once there is one. */
  private async latestScan(signal: AbortSignal | undefined): Promise<AnalysisSnapshot> {
    if (this.current.scan) return this.current.scan;
    if (this.current.status.kind === 'loading') {
      if (!this.running) void this.refresh('needed to answer a question');
      await this.ports.whileWaiting(this.ports.l10n.t('Multiplier: reading the history of {0}', this.name), (report, cancelled) =>
        this.settled(anyOf(signal, cancelled), report),
      );
    }
    if (this.current.scan) return this.current.scan;
    throw unavailable(this.current.status, this.name, this.ports.l10n);
  }

  /**
   * Resolves once there is a reading, or no read is running or queued; rejects with
   * RequestCancelled when `signal` aborts. Reports each loading message meanwhile.
   */
  private settled(signal: AbortSignal | undefined, report: (message: string) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = (): void => {
        subscription.dispose();
        this.idleWaiters.delete(onIdle);
        resolve();
      };
      const onIdle = (): void => done();
      const subscription = this.onDidChange((state) => {
        if (state.scan) done();
        else if (state.status.kind === 'loading') report(state.status.message);
      });
      this.idleWaiters.add(onIdle);
      signal?.addEventListener('abort', () => {
        subscription.dispose();
        this.idleWaiters.delete(onIdle);
        reject(new RequestCancelled('Waiting for the history to be read'));
      });
      if (this.current.scan || (!this.running && !this.queued)) done();
    });
  }

  private startQueued(): void {
    this.running = undefined;
    const next = this.queued;
    this.queued = undefined;
    if (next && !this.disposed) {
      void this.refresh(next.reasons.join('; '), { fresh: next.fresh }).then(next.resolve);
      return;
    }
    next?.resolve();
    for (const waiter of [...this.idleWaiters]) waiter();
  }

  private async read(reason: string, fresh: boolean): Promise<void> {
    const { settings, problems } = this.ports.readSettings();
    this.reportProblems(problems);
    const idle = { scan: undefined, settings, areaOf: NO_AREAS, problems };
    if (!settings.enabled) return this.publish({ status: { kind: 'disabled' }, ...idle });
    if (!this.ports.isTrusted()) return this.publish({ status: { kind: 'restricted' }, ...idle });
    const controller = new AbortController();
    this.readController = controller;
    const previous = this.current.scan;
    if (!previous) this.publish({ status: { kind: 'loading', message: this.ports.l10n.t('Reading history…') }, ...idle });
    const { logger, clock, folder } = this.ports;
    logger.info(`reading history of ${folder.uri.fsPath} (${reason})`);
    const started = clock();
    try {
      const snapshot = await this.ports.worker.scan(
        { folder: folder.uri.fsPath, settings, nowSeconds: toSeconds(clock()), gitPath: await this.ports.gitPath(), cacheDir: fresh ? undefined : this.ports.cacheDir },
        controller.signal,
        (message) => {
          if (!previous) this.publish({ status: { kind: 'loading', message }, ...idle });
        },
      );
      logger.info(`${snapshot.read} read of ${snapshot.commitCount} commits of ${folder.name} at ${snapshot.repository.head.slice(0, 7)} in ${clock() - started} ms`);
      for (const problem of snapshot.codeowners?.problems ?? []) logger.warn(codeownersProblemText(snapshot.codeowners?.sourcePath, problem));
      this.publish({ status: { kind: 'ready', warnings: snapshot.warnings }, scan: snapshot, settings, areaOf: snapshotLookup(snapshot), problems });
      void this.fillLinesReplaced(snapshot);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.publish({ status: failureStatus(error), ...idle });
      logger.error(`reading ${folder.uri.fsPath} failed`, error);
    } finally {
      if (this.readController === controller) this.readController = undefined;
    }
  }

  /**
   * The nudge areas' replaced lines, read by the worker after the scan (git blame, bounded), are
   * published as soon as they arrive, for the tooltip; the status bar never waits for them.
   */
  private async fillLinesReplaced(snapshot: AnalysisSnapshot): Promise<void> {
    const areaKeys = snapshot.areas.filter((area) => area.level === 'nudge' && !area.isMine && area.othersLinesReplaced === null).map((area) => area.key);
    if (areaKeys.length === 0) return;
    try {
      const answers = await this.ports.worker.ask(snapshot.scanId, 'linesReplaced', { areaKeys });
      const current = this.current;
      if (current.scan?.scanId !== snapshot.scanId) return;
      const scan = snapshotWithLinesReplaced(current.scan, answers);
      this.publish({ ...current, scan, areaOf: snapshotLookup(scan) });
    } catch (error) {
      // A newer reading replaced this one, which reads its own.
      if (error instanceof StaleScan || error instanceof RequestCancelled || this.disposed) return;
      this.ports.logger.warn(`${this.name}: the lines your changes replaced could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private publish(state: FolderAnalysisState): void {
    if (this.disposed) return;
    this.current = state;
    this.changed.fire(state);
  }

  /** Each bad setting is reported once per session, with its key and the reason. */
  private reportProblems(problems: readonly SettingProblem[]): void {
    const fresh = problems.filter((p) => !this.reportedProblems.has(`${p.key}\0${p.message}`));
    for (const problem of fresh) {
      this.reportedProblems.add(`${problem.key}\0${problem.message}`);
      this.ports.logger.warn(`setting ${problem.key} ${problem.message}`);
    }
    if (fresh.length > 0) this.ports.reportSettingProblems(fresh);
  }
}

function failureStatus(error: unknown): FolderStatus {
  if (error instanceof GitFailure && error.kind === 'not-a-repository') return { kind: 'no-repository', message: error.message };
  return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
}

/** Why there is no reading to answer from, as the person should hear it. */
function unavailable(status: FolderStatus, name: string, l10n: Localizer): AnalysisUnavailable {
  switch (status.kind) {
    case 'disabled':
      return new AnalysisUnavailable('disabled', l10n.t('Multiplier is switched off for {0} (multiplier.enabled).', name));
    case 'restricted':
      return new AnalysisUnavailable('restricted', l10n.t('{0} is in Restricted Mode: trust the folder so Multiplier can read its history. In Restricted Mode it runs no git.', name));
    case 'no-repository':
      return new AnalysisUnavailable('no-repository', l10n.t('{0} is not in a git repository. {1}', name, status.message));
    case 'error':
      return new AnalysisUnavailable('read-failed', l10n.t('Could not read the history of {0}: {1}', name, status.message));
    default:
      return new AnalysisUnavailable('read-failed', l10n.t('The history of {0} has not been read.', name));
  }
}

function anyOf(...signals: ReadonlyArray<AbortSignal | undefined>): AbortSignal | undefined {
  const present = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  return present.length <= 1 ? present[0] : AbortSignal.any(present);
}
