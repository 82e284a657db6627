import * as vscode from 'vscode';
import type { SettingProblem } from '../core/config/settings';
import { GitFailure } from '../core/git/gitFailure';
import type { RunnerFactory } from '../core/git/openRepository';
import type { FolderStatus } from '../core/presentation/statusView';
import { scanRepository, type ScanResult } from '../core/scan/scanRepository';
import { nodeWorkspaceFiles } from '../core/workspaceFiles';
import { readFolderSettings } from './configuration';
import type { Logger } from './logger';

export interface FolderAnalysisState {
  readonly status: FolderStatus;
  /** The latest complete scan; kept while a newer one loads so the status bar never flickers. */
  readonly scan: ScanResult | undefined;
  readonly problems: readonly SettingProblem[];
}

/**
 * One workspace folder's repository: reads history in the background, cancels a read that a
 * newer one supersedes, and publishes immutable states. Runs no git at all when the workspace
 * is not trusted or the folder has Multiplier disabled.
 */
export class FolderAnalysis implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<FolderAnalysisState>();
  readonly onDidChange = this.changed.event;
  private current: FolderAnalysisState = { status: { kind: 'loading', message: 'Waiting to read history…' }, scan: undefined, problems: [] };
  private inFlight: AbortController | undefined;
  private generation = 0;
  private reportedProblems = new Set<string>();

  constructor(
    readonly folder: vscode.WorkspaceFolder,
    private readonly runners: () => Promise<RunnerFactory>,
    private readonly logger: Logger,
    private readonly clock: () => number,
  ) {}

  get state(): FolderAnalysisState {
    return this.current;
  }

  /** Starts a new read, cancelling one in flight. Resolves when this read is done or superseded. */
  async refresh(reason: string): Promise<void> {
    this.inFlight?.abort();
    const generation = ++this.generation;
    const { settings, problems } = readFolderSettings(this.folder.uri);
    this.reportProblems(problems);
    if (!settings.enabled) return this.publish(generation, { status: { kind: 'disabled' }, scan: undefined, problems });
    if (!vscode.workspace.isTrusted) return this.publish(generation, { status: { kind: 'restricted' }, scan: undefined, problems });
    const controller = new AbortController();
    this.inFlight = controller;
    const previous = this.current.scan;
    if (!previous) this.publish(generation, { status: { kind: 'loading', message: 'Reading history…' }, scan: undefined, problems });
    this.logger.info(`reading history of ${this.folder.uri.fsPath} (${reason})`);
    const started = this.clock();
    try {
      const scan = await scanRepository({
        folder: this.folder.uri.fsPath,
        makeRunner: await this.runners(),
        filesAt: nodeWorkspaceFiles,
        settings,
        me: [],
        now: this.clock(),
        signal: controller.signal,
        onProgress: (message) => {
          if (!previous) this.publish(generation, { status: { kind: 'loading', message }, scan: undefined, problems });
        },
      });
      this.logger.info(`read ${scan.analysis.contributions.length} commits of ${this.folder.name} at ${scan.repository.head.slice(0, 7)} in ${this.clock() - started} ms`);
      for (const problem of scan.codeowners?.problems ?? []) this.logger.warn(`${scan.codeowners?.sourcePath}:${problem.line}: ${problem.kind}: ${problem.message}`);
      this.publish(generation, { status: { kind: 'ready', warnings: scan.warnings }, scan, problems });
    } catch (error) {
      if (controller.signal.aborted) return;
      this.publish(generation, { status: failureStatus(error), scan: undefined, problems });
      this.logger.error(`reading ${this.folder.uri.fsPath} failed`, error);
    } finally {
      if (this.inFlight === controller) this.inFlight = undefined;
    }
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
      this.logger.warn(`setting ${problem.key} ${problem.message}`);
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
