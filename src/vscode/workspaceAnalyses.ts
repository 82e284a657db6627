import * as vscode from 'vscode';
import { affectsMultiplier } from './configuration';
import { FolderAnalysis, type FolderAnalysisServices } from './folderAnalysis';

/** Files whose change changes the answer: HEAD and refs, identities, ownership, ignore-revs. */
const WATCHED = '{.git/HEAD,.git/refs/heads/**,.git/packed-refs,.mailmap,CODEOWNERS,.github/CODEOWNERS,docs/CODEOWNERS,.gitlab/CODEOWNERS,.git-blame-ignore-revs}';
const DEBOUNCE_MS = 400;

/**
 * One FolderAnalysis per workspace folder (multi-root: each folder its own repository and
 * settings), refreshed on the events that change the answer, debounced so a rebase's burst of
 * ref updates causes one read.
 */
export class WorkspaceAnalyses implements vscode.Disposable {
  private readonly folders = new Map<string, { analysis: FolderAnalysis; disposables: vscode.Disposable[] }>();
  private readonly changed = new vscode.EventEmitter<FolderAnalysis>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly services: FolderAnalysisServices) {
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

  all(): FolderAnalysis[] {
    return [...this.folders.values()].map((entry) => entry.analysis);
  }

  /** The analysis of the folder a file belongs to. */
  forUri(uri: vscode.Uri): FolderAnalysis | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? this.folders.get(folder.uri.toString())?.analysis : undefined;
  }

  refreshAll(reason: string, fresh = false): Promise<void> {
    return Promise.all(this.all().map((analysis) => analysis.refresh(reason, fresh))).then(() => undefined);
  }

  dispose(): void {
    for (const folder of [...this.folders.values()]) folder.disposables.forEach((d) => d.dispose());
    this.folders.clear();
    this.disposables.forEach((d) => d.dispose());
    this.changed.dispose();
  }

  private add(folder: vscode.WorkspaceFolder): void {
    if (folder.uri.scheme !== 'file') return;
    const analysis = new FolderAnalysis(folder, this.services);
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
