import * as vscode from 'vscode';
import type { SettingProblem } from '../core/config/settingTypes';
import { affectsMultiplier, readFolderSettings } from './configuration';
import { FolderAnalysis, type FolderAnalysisPorts, type WaitingDisplay } from './folderAnalysis';
import type { Logger } from './logger';

/** The analysis of one workspace folder, as the host holds it. */
export type WorkspaceFolderAnalysis = FolderAnalysis<vscode.WorkspaceFolder>;

export interface WorkspaceAnalysesServices {
  readonly worker: FolderAnalysisPorts['worker'];
  readonly gitPath: () => Promise<string>;
  /** Where history indexes are cached between sessions. */
  readonly cacheDir: string | undefined;
  readonly logger: Logger;
  readonly clock: () => number;
}

/** Files whose change changes the answer: HEAD and refs, identities, ownership, ignore-revs. */
const WATCHED = '{.git/HEAD,.git/refs/heads/**,.git/packed-refs,.mailmap,CODEOWNERS,.github/CODEOWNERS,docs/CODEOWNERS,.gitlab/CODEOWNERS,.git-blame-ignore-revs}';
const DEBOUNCE_MS = 400;

/**
 * One FolderAnalysis per workspace folder (multi-root: each folder its own repository and
 * settings), refreshed on the events that change the answer. A burst of ref updates (a rebase) is
 * debounced here and coalesced by FolderAnalysis, so it costs at most one more read.
 */
export class WorkspaceAnalyses implements vscode.Disposable {
  private readonly folders = new Map<string, { analysis: WorkspaceFolderAnalysis; disposables: vscode.Disposable[] }>();
  private readonly changed = new vscode.EventEmitter<WorkspaceFolderAnalysis>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly services: WorkspaceAnalysesServices) {
    this.disposables.push(
      vscode.workspace.onDidChangeWorkspaceFolders((event) => {
        event.removed.forEach((folder) => this.remove(folder));
        event.added.forEach((folder) => this.add(folder));
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        for (const { analysis } of this.folders.values()) {
          if (affectsMultiplier(event, analysis.folder.uri)) void analysis.refresh('settings changed');
        }
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.refreshAll('workspace trusted')),
    );
    (vscode.workspace.workspaceFolders ?? []).forEach((folder) => this.add(folder));
  }

  all(): WorkspaceFolderAnalysis[] {
    return [...this.folders.values()].map((entry) => entry.analysis);
  }

  /** The analysis of the folder a file belongs to. */
  forUri(uri: vscode.Uri): WorkspaceFolderAnalysis | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? this.folders.get(folder.uri.toString())?.analysis : undefined;
  }

  refreshAll(reason: string, fresh = false): Promise<void> {
    return Promise.all(this.all().map((analysis) => analysis.refresh(reason, { fresh }))).then(() => undefined);
  }

  dispose(): void {
    for (const folder of [...this.folders.values()]) folder.disposables.forEach((d) => d.dispose());
    this.folders.clear();
    this.disposables.forEach((d) => d.dispose());
    this.changed.dispose();
  }

  private add(folder: vscode.WorkspaceFolder): void {
    if (folder.uri.scheme !== 'file') return;
    const { worker, gitPath, cacheDir, logger, clock } = this.services;
    const analysis = new FolderAnalysis({
      folder,
      worker,
      gitPath,
      cacheDir,
      logger,
      clock,
      readSettings: () => readFolderSettings(folder.uri),
      isTrusted: () => vscode.workspace.isTrusted,
      reportSettingProblems: warnAboutSettings,
      whileWaiting: notificationWhileWaiting,
      l10n: vscode.l10n,
    });
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, WATCHED));
    let timer: NodeJS.Timeout | undefined;
    const schedule = (uri: vscode.Uri): void => {
      clearTimeout(timer);
      timer = setTimeout(() => void analysis.refresh(`${vscode.workspace.asRelativePath(uri)} changed`), DEBOUNCE_MS);
    };
    const disposables = [
      analysis,
      watcher,
      watcher.onDidChange(schedule),
      watcher.onDidCreate(schedule),
      watcher.onDidDelete(schedule),
      analysis.onDidChange(() => this.changed.fire(analysis)),
      { dispose: () => clearTimeout(timer) },
    ];
    this.folders.set(folder.uri.toString(), { analysis, disposables });
    void analysis.refresh('opened');
  }

  private remove(folder: vscode.WorkspaceFolder): void {
    const entry = this.folders.get(folder.uri.toString());
    entry?.disposables.forEach((d) => d.dispose());
    this.folders.delete(folder.uri.toString());
  }
}

/** The first new setting problem, in one non-modal warning; the rest are in the log. */
function warnAboutSettings(fresh: readonly SettingProblem[]): void {
  const [first] = fresh;
  if (!first) return;
  const others = fresh.length - 1;
  const message =
    others === 0
      ? vscode.l10n.t('Multiplier: setting {0} {1}; the rest of your settings still apply.', first.key, first.message)
      : others === 1
        ? vscode.l10n.t('Multiplier: setting {0} {1}; the rest of your settings still apply (and 1 more; see the log).', first.key, first.message)
        : vscode.l10n.t('Multiplier: setting {0} {1}; the rest of your settings still apply (and {2} more; see the log).', first.key, first.message, others);
  void vscode.window.showWarningMessage(message);
}

/** A cancellable notification with the read's progress, while a question waits for history. */
const notificationWhileWaiting: WaitingDisplay = (title, task) =>
  Promise.resolve(
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      return task((message) => progress.report({ message }), controller.signal);
    }),
  );
