import * as vscode from 'vscode';
import type { AreaReport } from '../core/analysis/areaReport';
import type { SettingProblem } from '../core/config/settings';
import { GitFailure } from '../core/git/gitFailure';
import { toSeconds } from '../core/time';
import type { FolderStatus } from '../core/presentation/statusView';
import { codeownersProblemText } from '../core/ownership/codeownersProblemText';
import { snapshotLookup, type AnalysisSnapshot } from '../core/scan/analysisSnapshot';
import type { AnalysisWorkerClient } from './analysisWorkerClient';
import { readFolderSettings } from './configuration';
import type { Logger } from './logger';

export interface FolderAnalysisState {
  readonly status: FolderStatus;
  /** The latest complete analysis; kept while a newer one loads so the status bar never flickers. */
  readonly scan: AnalysisSnapshot | undefined;
  /** The owned area of a repo-relative path, answered in memory. */
  readonly areaOf: (path: string) => AreaReport | undefined;
  readonly problems: readonly SettingProblem[];
}

export interface FolderAnalysisServices {
  readonly worker: AnalysisWorkerClient;
  readonly gitPath: () => Promise<string>;
  /** Where history indexes are cached between sessions. */
  readonly cacheDir: string | undefined;
  readonly logger: Logger;
  readonly clock: () => number;
}

const NO_AREAS = (): undefined => undefined;

/**
 * One workspace folder's repository: asks the analysis worker to read history in the background,
 * cancels a read that a newer one supersedes, and publishes immutable states. Runs no git at all
 * when the workspace is not trusted or the folder has Multiplier disabled.
 */
export class FolderAnalysis implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<FolderAnalysisState>();
  readonly onDidChange = this.changed.event;
  private current: FolderAnalysisState = { status: { kind: 'loading', message: 'Waiting to read history…' }, scan: undefined, areaOf: NO_AREAS, problems: [] };
  private inFlight: AbortController | undefined;
  private generation = 0;
  private readonly reportedProblems = new Set<string>();

  constructor(
    readonly folder: vscode.WorkspaceFolder,
    private readonly services: FolderAnalysisServices,
  ) {}

  get state(): FolderAnalysisState {
    return this.current;
  }

  /**
   * Starts a new read, cancelling one in flight; resolves when it is done or superseded.
   * `fresh` skips the cache (the user asked to read history again).
   */
  async refresh(reason: string, fresh = false): Promise<void> {
    this.inFlight?.abort();
    const generation = ++this.generation;
    const { settings, problems } = readFolderSettings(this.folder.uri);
    this.reportProblems(problems);
    const idle = { scan: undefined, areaOf: NO_AREAS, problems };
    if (!settings.enabled) return this.publish(generation, { status: { kind: 'disabled' }, ...idle });
    if (!vscode.workspace.isTrusted) return this.publish(generation, { status: { kind: 'restricted' }, ...idle });
    const controller = new AbortController();
    this.inFlight = controller;
    const previous = this.current.scan ? this.current : undefined;
    if (!previous) this.publish(generation, { status: { kind: 'loading', message: 'Reading history…' }, ...idle });
    const { logger, clock } = this.services;
    logger.info(`reading history of ${this.folder.uri.fsPath} (${reason})`);
    const started = clock();
    try {
      const snapshot = await this.services.worker.scan(
        { folder: this.folder.uri.fsPath, settings, nowSeconds: toSeconds(clock()), gitPath: await this.services.gitPath(), cacheDir: fresh ? undefined : this.services.cacheDir },
        controller.signal,
        (message) => {
          if (!previous) this.publish(generation, { status: { kind: 'loading', message }, ...idle });
        },
      );
      logger.info(`${snapshot.read} read of ${snapshot.commitCount} commits of ${this.folder.name} at ${snapshot.repository.head.slice(0, 7)} in ${clock() - started} ms`);
      for (const problem of snapshot.codeowners?.problems ?? []) logger.warn(codeownersProblemText(snapshot.codeowners?.sourcePath, problem));
      this.publish(generation, { status: { kind: 'ready', warnings: snapshot.warnings }, scan: snapshot, areaOf: snapshotLookup(snapshot), problems });
    } catch (error) {
      if (controller.signal.aborted) return;
      this.publish(generation, { status: failureStatus(error), ...idle });
      logger.error(`reading ${this.folder.uri.fsPath} failed`, error);
    } finally {
      if (this.inFlight === controller) this.inFlight = undefined;
    }
  }

  /** The handoff note for an area of the current analysis, drafted in the worker. */
  draftHandoff(areaKey: string): Promise<string> {
    const scan = this.current.scan;
    if (!scan) return Promise.reject(new GitFailure('failed', 'History has not been read yet; try again in a moment.'));
    return this.services.worker.handoff(scan.repository.topLevel, areaKey);
  }

  dispose(): void {
    this.inFlight?.abort();
    this.changed.dispose();
  }

  private publish(generation: number, state: FolderAnalysisState): void {
    if (generation !== this.generation) return;
    this.current = state;
    this.changed.fire(state);
  }

  /** Each bad setting is reported once per session, with its key and the reason. */
  private reportProblems(problems: readonly SettingProblem[]): void {
    const fresh = problems.filter((p) => !this.reportedProblems.has(`${p.key}\0${p.message}`));
    if (fresh.length === 0) return;
    for (const problem of fresh) {
      this.reportedProblems.add(`${problem.key}\0${problem.message}`);
      this.services.logger.warn(`setting ${problem.key} ${problem.message}`);
    }
    const [first] = fresh;
    const more = fresh.length > 1 ? ` (and ${fresh.length - 1} more; see the log)` : '';
    void vscode.window.showWarningMessage(`Multiplier: setting ${first?.key} ${first?.message}; the rest of your settings still apply${more}.`);
  }
}

function failureStatus(error: unknown): FolderStatus {
  if (error instanceof GitFailure && error.kind === 'not-a-repository') return { kind: 'no-repository', message: error.message };
  return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
}
