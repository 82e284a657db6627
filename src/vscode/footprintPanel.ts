import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { buildFootprintModel, type FootprintModel } from '../core/footprint/footprintModel';
import { footprintHtml } from '../core/footprint/footprintHtml';
import { parseFootprintMessage, type FootprintMessage, type ModelMessage } from '../core/footprint/footprintMessages';
import { COMMANDS } from './commandIds';
import { formatTime } from './formatTime';
import type { Logger } from './logger';
import type { HandoffStore } from './handoffStore';
import type { TimeBoxStore } from './timeBoxStore';
import type { WorkspaceAnalyses } from './workspaceAnalyses';

export const FOOTPRINT_VIEW_TYPE = 'multiplier.footprint';

/**
 * "Multiplier: Show My Footprint": one webview panel, fed the footprint model whenever analyses
 * or time boxes change, and restored after a window reload by its serializer. The page is a
 * static shell (media/footprint) under a strict CSP; data reaches it only as a message.
 */
export class FootprintPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private readonly mediaRoot: vscode.Uri;
  /** The model last posted, as JSON: progress events often change nothing the view shows. */
  private posted: string | undefined;

  constructor(
    context: vscode.ExtensionContext,
    private readonly analyses: WorkspaceAnalyses,
    private readonly timeBoxes: TimeBoxStore,
    private readonly handoffs: HandoffStore,
    private readonly clock: () => number,
    private readonly logger: Logger,
  ) {
    this.mediaRoot = vscode.Uri.joinPath(context.extensionUri, 'media', 'footprint');
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(FOOTPRINT_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel) => {
          this.logger.info('restoring the footprint view');
          this.adopt(panel);
        },
      }),
      analyses.onDidChange(() => this.update()),
      timeBoxes.onDidChange(() => this.update()),
      handoffs.onDidChange(() => this.update()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.update()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.update()),
    );
  }

  async show(): Promise<void> {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    this.adopt(vscode.window.createWebviewPanel(FOOTPRINT_VIEW_TYPE, vscode.l10n.t('My Footprint'), vscode.ViewColumn.Active, { enableFindWidget: true }));
  }

  dispose(): void {
    this.panel?.dispose();
    this.disposables.forEach((d) => d.dispose());
  }

  /** Sets up a new or restored panel; a second one (a restore racing `show`) is closed. */
  private adopt(panel: vscode.WebviewPanel): void {
    if (this.panel) {
      panel.dispose();
      this.panel.reveal();
      return;
    }
    this.panel = panel;
    this.posted = undefined;
    const { webview } = panel;
    webview.options = { enableScripts: true, enableCommandUris: false, enableForms: false, localResourceRoots: [this.mediaRoot] };
    webview.html = footprintHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.mediaRoot, 'footprint.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.mediaRoot, 'footprint.css')).toString(),
      nonce: randomBytes(18).toString('base64'),
    });
    this.panelDisposables.push(
      webview.onDidReceiveMessage((value: unknown) => {
        const message = parseFootprintMessage(value);
        if (message) void this.handle(message);
        else this.logger.warn('ignored an unexpected message from the footprint view');
      }),
      panel.onDidDispose(() => {
        this.panelDisposables.forEach((d) => d.dispose());
        this.panelDisposables = [];
        this.panel = undefined;
      }),
    );
  }

  private async handle(message: FootprintMessage): Promise<void> {
    if (message.type === 'ready') {
      // The page (re)loaded, e.g. shown again after being hidden: it needs the model again.
      this.posted = undefined;
      this.update();
      return;
    }
    const folder = this.analyses.all().find((analysis) => analysis.folder.uri.toString() === message.folder);
    if (!folder?.state.scan?.areas.some((area) => area.key === message.areaKey)) {
      this.logger.warn('the footprint view named an area that is no longer in the analysis');
      return;
    }
    const command = message.target === 'handoff' ? COMMANDS.writeHandoffNote : COMMANDS.showWhy;
    await vscode.commands.executeCommand(command, { folder: message.folder, areaKey: message.areaKey });
  }

  private update(): void {
    if (!this.panel) return;
    const model = this.model();
    const json = JSON.stringify(model);
    if (json === this.posted) return;
    this.posted = json;
    const message: ModelMessage = { type: 'model', model };
    void this.panel.webview.postMessage(message).then(undefined, (error: unknown) => this.logger.error('could not update the footprint view', error));
  }

  private model(): FootprintModel {
    const now = this.clock();
    return buildFootprintModel({
      workspaceFolders: vscode.workspace.workspaceFolders?.length ?? 0,
      trusted: vscode.workspace.isTrusted,
      folders: this.analyses.all().map((analysis) => ({
        uri: analysis.folder.uri.toString(),
        name: analysis.folder.name,
        status: analysis.state.status,
        snapshot: analysis.state.scan,
      })),
      assists: this.timeBoxes.boxes.assists,
      handoffs: this.handoffs.handoffs.handoffs,
      nowMs: now,
      formatTime: (ms) => formatTime(ms, now),
      formatDay: (ms) => new Date(ms).toLocaleDateString(undefined, { day: 'numeric', month: 'short' }),
      formatMonth: (ms) => new Date(ms).toLocaleDateString(undefined, { month: 'short' }),
    });
  }
}
