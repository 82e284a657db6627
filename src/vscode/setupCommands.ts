import * as vscode from 'vscode';
import type { AnalysisSnapshot } from '../core/scan/analysisSnapshot';
import { aliasProblem, identitiesToWrite, type ScopedValues, type SettingScope } from '../core/setup/aliases';
import type { IdentityReport } from '../core/setup/identityReport';
import type { TeamInference } from '../core/setup/teamInference';
import { configuredTeams, draftTeams, parseTeamsDraft, renderTeamsDraft, type TeamsDraft, type TeamsImportMode } from '../core/setup/teamsDraft';
import type { AnalysisWorkerClient } from './analysisWorkerClient';
import type { FolderAnalysis } from './folderAnalysis';
import type { Logger } from './logger';
import type { WorkspaceAnalyses } from './workspaceAnalyses';

const WRITE_TEAMS = 'Write to Workspace Settings';
const CANCEL = 'Cancel';
const MANAGE_TRUST = 'Manage Workspace Trust';
const OPEN_OWNERSHIP_MAP = 'Open Ownership Map Setting';
/** How long to wait for history to be read (again) before showing what there is. */
const RESCAN_TIMEOUT_MS = 60_000;

interface IdentityItem extends vscode.QuickPickItem {
  readonly action?: { readonly kind: 'add'; readonly folder: FolderAnalysis | undefined; readonly alias?: string } | { readonly kind: 'settings' };
}

interface FolderIdentity {
  readonly analysis: FolderAnalysis;
  readonly report: IdentityReport | undefined;
  /** Why there is no report (history not read, Restricted Mode, …). */
  readonly missing: string | undefined;
}

/**
 * The walkthrough's two commands. "Confirm My Identity…" shows, per folder, what counts as me
 * and lets me add an alias at the scope I choose. "Import Teams from CODEOWNERS…" drafts
 * `multiplier.teams` with the members inference would give each team, shows the draft, and writes
 * it to the folder's settings only when I confirm. Nothing here is modal.
 */
export class SetupCommands {
  constructor(
    private readonly analyses: WorkspaceAnalyses,
    private readonly worker: AnalysisWorkerClient,
    private readonly logger: Logger,
  ) {}

  async confirmIdentity(): Promise<void> {
    if (this.refusedUntrusted('Confirming who you are')) return;
    let context: FolderAnalysis | undefined = this.activeFolder();
    for (;;) {
      const folders = await this.identities();
      if (!folders) return;
      const picked = await vscode.window.showQuickPick(identityItems(folders), {
        title: 'Multiplier: Who You Are',
        placeHolder: 'These count as you. Add an alias if you also commit under another email or @handle.',
        matchOnDescription: true,
        matchOnDetail: true,
      });
      const action = picked?.action;
      if (!action) return;
      if (action.kind === 'settings') {
        await vscode.commands.executeCommand('workbench.action.openSettings', 'multiplier.identities');
        return;
      }
      context = action.folder ?? context;
      const known = folders.flatMap(({ report }) => [...(report?.entries.map((e) => e.value) ?? []), ...(report?.aliases ?? [])]);
      const alias = action.alias ?? (await askForAlias(known));
      if (alias === undefined) return;
      const added = await this.addAlias(alias, context);
      if (!added) return;
    }
  }

  async importTeams(): Promise<void> {
    if (this.refusedUntrusted('Importing teams')) return;
    const analysis = await this.pickFolder('Import teams for which folder?');
    if (!analysis) return;
    const scan = await this.whenRead(analysis);
    if (!scan) return;
    const name = analysis.folder.name;
    const inference = await this.fromWorker(analysis, (topLevel) => this.worker.teamsDraft(topLevel));
    if (inference.teams.length === 0) return this.offerOwnershipMap(name, inference, scan);

    const configuration = vscode.workspace.getConfiguration('multiplier', analysis.folder.uri);
    const effective = asObject(configuration.get('teams')) ?? {};
    const mode = await chooseImportMode(inference, effective);
    if (!mode) return;
    const draft = draftTeams({ inference, effective, atTarget: asObject(folderScopeValue(configuration.inspect('teams'))), mode });
    const drafted = draft.added.length + draft.replaced.length;
    if (drafted === 0) {
      const why =
        draft.withoutMembers.length > 0
          ? `nobody in its history works on ${draft.withoutMembers.join(', ')} yet, so there is nobody to draft; Multiplier keeps inferring as people commit`
          : `every team already has members in multiplier.teams (${draft.kept.join(', ')})`;
      void vscode.window.showInformationMessage(`Multiplier: nothing to import for ${name}: ${why}.`);
      return;
    }
    const text = renderTeamsDraft(draft, { folderName: name, windowDays: inference.windowDays });
    const document = await vscode.workspace.openTextDocument({ language: 'jsonc', content: text });
    await vscode.window.showTextDocument(document, { preview: false });
    const value = await confirmDraft(document, text, draftSummary(draft, name));
    if (!value) return;
    await configuration.update('teams', value, vscode.ConfigurationTarget.WorkspaceFolder);
    this.logger.info(`wrote multiplier.teams (${Object.keys(value).length} teams) to the settings of ${analysis.folder.uri.fsPath}`);
    await closeDraft(document);
    const settingsFile = vscode.Uri.joinPath(analysis.folder.uri, '.vscode', 'settings.json');
    void vscode.window
      .showInformationMessage(`Multiplier: wrote the teams to ${name}'s workspace settings. Commit .vscode/settings.json to share them with your team.`, 'Open Settings File')
      .then(async (choice) => {
        if (choice) await vscode.window.showTextDocument(settingsFile);
      });
  }

  /** Restricted Mode runs no git, so neither command can read history: say so, offer trust. */
  private refusedUntrusted(what: string): boolean {
    if (vscode.workspace.isTrusted) return false;
    void vscode.window
      .showWarningMessage(`Multiplier: ${what} needs a trusted folder. In Restricted Mode Multiplier runs no git, so it cannot read who works where.`, MANAGE_TRUST)
      .then(async (choice) => {
        if (choice) await vscode.commands.executeCommand('workbench.trust.manage');
      });
    return true;
  }

  private activeFolder(): FolderAnalysis | undefined {
    const uri = vscode.window.activeTextEditor?.document.uri;
    return (uri && this.analyses.forUri(uri)) || this.analyses.all()[0];
  }

  private async pickFolder(placeHolder: string): Promise<FolderAnalysis | undefined> {
    const all = this.analyses.all();
    if (all.length === 0) {
      void vscode.window.showInformationMessage('Multiplier: open a folder with a git repository first.');
      return undefined;
    }
    if (all.length === 1) return all[0];
    const active = this.activeFolder();
    const ordered = [...all].sort((a, b) => Number(b === active) - Number(a === active));
    const picked = await vscode.window.showQuickPick(
      ordered.map((analysis) => ({ label: analysis.folder.name, description: analysis.folder.uri.fsPath, analysis })),
      { placeHolder },
    );
    return picked?.analysis;
  }

  /**
   * The folder's analysis once history has been read (waiting, with a cancellable notification,
   * while it is read for the first time); undefined, after saying why, when there is none.
   */
  private async whenRead(analysis: FolderAnalysis): Promise<AnalysisSnapshot | undefined> {
    const name = analysis.folder.name;
    if (analysis.state.status.kind === 'loading') {
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Multiplier: reading the history of ${name}`, cancellable: true },
        (progress, token) => waitForState(analysis, (state) => state.status.kind !== 'loading', token, (message) => progress.report({ message })),
      );
    }
    const { status, scan } = analysis.state;
    if (scan) return scan;
    switch (status.kind) {
      case 'disabled':
        void vscode.window.showInformationMessage(`Multiplier is switched off for ${name} (multiplier.enabled).`);
        return undefined;
      case 'restricted':
        void vscode.window.showInformationMessage(`Multiplier: ${name} is in Restricted Mode; trust the folder so Multiplier can read its history.`);
        return undefined;
      case 'no-repository':
        void vscode.window.showInformationMessage(`Multiplier: ${name} is not in a git repository. ${status.message}`);
        return undefined;
      case 'error':
        throw new Error(`could not read the history of ${name}: ${status.message}`);
      default:
        return undefined;
    }
  }

  /**
   * Asks the worker about the folder's latest scan. The worker keeps scans in memory; if it was
   * restarted meanwhile, history is read once more and the question asked again.
   */
  private async fromWorker<T>(analysis: FolderAnalysis, ask: (topLevel: string) => Promise<T>): Promise<T> {
    const topLevel = (): string => analysis.state.scan?.repository.topLevel ?? analysis.folder.uri.fsPath;
    try {
      return await ask(topLevel());
    } catch (error) {
      this.logger.warn(`asking the analysis worker about ${analysis.folder.name} failed, reading history again: ${error instanceof Error ? error.message : String(error)}`);
      await analysis.refresh('needed by a setup command');
      return ask(topLevel());
    }
  }

  /** Every folder's identity report (or why there is none); undefined when no folder is open. */
  private async identities(): Promise<FolderIdentity[] | undefined> {
    const all = this.analyses.all();
    if (all.length === 0) {
      void vscode.window.showInformationMessage('Multiplier: open a folder with a git repository first.');
      return undefined;
    }
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Multiplier: reading who you are' }, () =>
      Promise.all(
        all.map(async (analysis): Promise<FolderIdentity> => {
          await waitForState(analysis, (state) => state.status.kind !== 'loading', undefined, undefined, RESCAN_TIMEOUT_MS);
          const { status, scan } = analysis.state;
          if (!scan) return { analysis, report: undefined, missing: missingReason(status.kind, status.kind === 'error' || status.kind === 'no-repository' ? status.message : '') };
          try {
            return { analysis, report: await this.fromWorker(analysis, (topLevel) => this.worker.identity(topLevel)), missing: undefined };
          } catch (error) {
            this.logger.error(`reading the identity of ${analysis.folder.name} failed`, error);
            return { analysis, report: undefined, missing: error instanceof Error ? error.message : String(error) };
          }
        }),
      ),
    );
  }

  /** Writes the alias at the scope the user picks; then waits until history is read with it. */
  private async addAlias(alias: string, context: FolderAnalysis | undefined): Promise<boolean> {
    const folder = context ?? this.analyses.all()[0];
    if (!folder) return false;
    const scope = await chooseScope(alias, folder, this.analyses.all());
    if (!scope) return false;
    const configuration = vscode.workspace.getConfiguration('multiplier', scope.folder.folder.uri);
    const write = identitiesToWrite(scopedValues(configuration.inspect('identities')), scope.scope, alias);
    await configuration.update('identities', write.value, TARGETS[scope.scope]);
    this.logger.info(`added an identity to multiplier.identities (${scope.scope} settings)`);
    if (write.shadowedBy) {
      void vscode.window.showWarningMessage(
        `Multiplier: added ${alias} to ${scopeName(scope.scope)}, but in ${scope.folder.folder.name} the multiplier.identities of ${scopeName(write.shadowedBy)} wins over it. Add it there too for it to count here.`,
      );
      return true;
    }
    // Every folder where the alias now applies reads history again (settings changed): wait for those.
    const same = (entry: unknown): boolean => typeof entry === 'string' && entry.trim().toLowerCase() === alias.toLowerCase();
    const affected = this.analyses.all().filter((analysis) => {
      const applied = vscode.workspace.getConfiguration('multiplier', analysis.folder.uri).get<unknown>('identities');
      return Array.isArray(applied) && applied.some(same);
    });
    const counted = (analysis: FolderAnalysis): boolean => analysis.state.scan?.settings.identities.some(same) ?? false;
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Multiplier: reading history again with ${alias}` }, () =>
      Promise.all(affected.map((analysis) => waitForState(analysis, () => counted(analysis) || analysis.state.status.kind !== 'ready', undefined, undefined, RESCAN_TIMEOUT_MS))),
    );
    return true;
  }

  private offerOwnershipMap(name: string, inference: TeamInference, scan: AnalysisSnapshot): void {
    const where = inference.codeownersPath;
    const why = !scan.settings.codeowners.enabled
      ? `reading CODEOWNERS is switched off (multiplier.codeowners.enabled) and multiplier.ownershipMap names no @org/team`
      : where
        ? `${where} names people but no @org/team handles${inference.hasOwnershipMap ? ', and neither does multiplier.ownershipMap' : ''}`
        : scan.codeowners?.skippedReason
          ? `its CODEOWNERS was not read (${scan.codeowners.skippedReason})`
          : `it has no CODEOWNERS file (in .github/, the root, docs/ or .gitlab/)${inference.hasOwnershipMap ? ' and multiplier.ownershipMap names no @org/team' : ''}`;
    void vscode.window
      .showInformationMessage(`Multiplier: no teams to import for ${name}: ${why}. Say which team owns what in multiplier.ownershipMap.`, OPEN_OWNERSHIP_MAP)
      .then(async (choice) => {
        if (choice) await vscode.commands.executeCommand('workbench.action.openSettings', 'multiplier.ownershipMap');
      });
  }
}

const TARGETS: Record<SettingScope, vscode.ConfigurationTarget> = {
  user: vscode.ConfigurationTarget.Global,
  workspace: vscode.ConfigurationTarget.Workspace,
  folder: vscode.ConfigurationTarget.WorkspaceFolder,
};

/** A scope as the scope pick names it. */
function scopeName(scope: SettingScope): string {
  if (scope === 'user') return 'User settings';
  if (scope === 'workspace') return 'the workspace settings';
  return vscode.workspace.workspaceFile ? "the folder's settings" : 'the workspace settings (.vscode/settings.json)';
}

/**
 * A setting as written at each scope. In a window with one folder and no .code-workspace file the
 * folder's `.vscode/settings.json` is the workspace settings: it is reported once, as the folder.
 */
function scopedValues<T>(inspected: { globalValue?: T; workspaceValue?: T; workspaceFolderValue?: T } | undefined): ScopedValues {
  if (!inspected) return {};
  if (!vscode.workspace.workspaceFile) return { user: inspected.globalValue, folder: inspected.workspaceFolderValue ?? inspected.workspaceValue };
  return { user: inspected.globalValue, workspace: inspected.workspaceValue, folder: inspected.workspaceFolderValue };
}

function folderScopeValue<T>(inspected: { globalValue?: T; workspaceValue?: T; workspaceFolderValue?: T } | undefined): unknown {
  return scopedValues(inspected).folder;
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * Resolves once `accept` holds for the folder's state (checked now and on every change), the
 * token is cancelled, or `timeoutMs` passed.
 */
function waitForState(
  analysis: FolderAnalysis,
  accept: (state: FolderAnalysis['state']) => boolean,
  token?: vscode.CancellationToken,
  onProgress?: (message: string) => void,
  timeoutMs?: number,
): Promise<void> {
  if (accept(analysis.state)) return Promise.resolve();
  return new Promise((resolve) => {
    const disposables: vscode.Disposable[] = [];
    const done = (): void => {
      disposables.forEach((d) => d.dispose());
      resolve();
    };
    disposables.push(
      analysis.onDidChange((state) => {
        if (accept(state)) done();
        else if (state.status.kind === 'loading') onProgress?.(state.status.message);
      }),
    );
    if (token) disposables.push(token.onCancellationRequested(done));
    if (timeoutMs !== undefined) {
      const timer = setTimeout(done, timeoutMs);
      disposables.push({ dispose: () => clearTimeout(timer) });
    }
  });
}

function missingReason(kind: FolderAnalysis['state']['status']['kind'], message: string): string {
  switch (kind) {
    case 'disabled':
      return 'Multiplier is switched off here (multiplier.enabled)';
    case 'restricted':
      return 'Restricted Mode: trust the folder so Multiplier can read its history';
    case 'no-repository':
      return `Not a git repository: ${message}`;
    case 'error':
      return `History could not be read: ${message}`;
    default:
      return 'History has not been read yet';
  }
}

/** The rows of "Who You Are": per folder what counts as me and why, then the actions. */
function identityItems(folders: readonly FolderIdentity[]): IdentityItem[] {
  const multiRoot = folders.length > 1;
  const items: IdentityItem[] = [];
  const now = Date.now() / 1000;
  for (const { analysis, report, missing } of folders) {
    items.push({ label: multiRoot ? `Counts as you in ${analysis.folder.name}` : 'Counts as you', kind: vscode.QuickPickItemKind.Separator });
    if (!report) {
      items.push({ label: `$(info) ${analysis.folder.name}`, detail: missing });
      continue;
    }
    if (!report.gitUser) items.push({ label: '$(warning) git config user.email is not set here', detail: 'Set it, or add the email you commit with below.' });
    for (const entry of report.entries) {
      const icon = entry.kind === 'email' ? '$(mail)' : entry.kind === 'handle' ? '$(github)' : '$(person)';
      const name = entry.source === 'git config user.email' && report.gitUser?.name ? ` · ${report.gitUser.name}` : '';
      items.push({ label: `${icon} ${entry.value}`, description: `${entry.source}${name}` });
    }
    items.push(
      report.recentChanges > 0
        ? {
            label: `$(history) ${report.recentChanges} of your ${report.recentChanges === 1 ? 'commit' : 'commits'} in the last ${report.windowDays} days`,
            detail: report.lastActive ? `Your latest was ${daysAgo(report.lastActive, now)}.` : undefined,
          }
        : { label: `$(history) None of the commits of the last ${report.windowDays} days count as yours`, detail: 'If you commit under another email or @handle, add it below.' },
    );
    for (const lookalike of report.lookalikes) {
      items.push({
        label: `$(add) Add ${lookalike.email}`,
        description: `Looks like you: ${lookalike.name}`,
        detail: lookalike.reason.charAt(0).toUpperCase() + lookalike.reason.slice(1),
        action: { kind: 'add', folder: analysis, alias: lookalike.email },
      });
    }
  }
  items.push(
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    { label: '$(add) Add an email or @handle…', detail: 'An old email, a personal one, or your GitHub @handle', action: { kind: 'add', folder: undefined } },
    { label: "$(check) That's me", description: 'Close' },
    { label: '$(settings-gear) Open the multiplier.identities setting', action: { kind: 'settings' } },
  );
  return items;
}

function daysAgo(seconds: number, now: number): string {
  const days = Math.floor((now - seconds) / (24 * 60 * 60));
  return days <= 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
}

async function askForAlias(known: readonly string[]): Promise<string | undefined> {
  const value = await vscode.window.showInputBox({
    title: 'Multiplier: Add an Identity',
    prompt: 'An email you commit with, your GitHub @handle, or the name you commit under.',
    placeHolder: 'lee@old-company.com or @lee-leader',
    ignoreFocusOut: true,
    // Empty input shows no error while typing; accepting it cancels.
    validateInput: (input) => (input.trim() === '' ? undefined : aliasProblem(input, known)),
  });
  const alias = value?.trim();
  return alias && !aliasProblem(alias, known) ? alias : undefined;
}

interface ScopeChoice {
  readonly scope: SettingScope;
  readonly folder: FolderAnalysis;
}

/** Where to write an alias: the folder by default (first), the workspace file, or User settings. */
async function chooseScope(alias: string, folder: FolderAnalysis, all: readonly FolderAnalysis[]): Promise<ScopeChoice | undefined> {
  const personal = 'This folder only. If your team shares this file, choose User settings.';
  const folders = [folder, ...all.filter((other) => other !== folder)];
  const items: Array<vscode.QuickPickItem & { choice: ScopeChoice }> = [
    ...folders.map((analysis) => ({
      label: vscode.workspace.workspaceFile ? `Folder settings of ${analysis.folder.name}` : 'Workspace settings',
      description: `${analysis.folder.name}/.vscode/settings.json`,
      detail: personal,
      choice: { scope: 'folder' as const, folder: analysis },
    })),
    ...(vscode.workspace.workspaceFile
      ? [{ label: 'Workspace settings', description: vscode.workspace.workspaceFile.path.split('/').pop() ?? '', detail: 'Every folder of this workspace', choice: { scope: 'workspace' as const, folder } }]
      : []),
    { label: 'User settings', description: 'Every folder and window', detail: 'For aliases you use everywhere, like your GitHub @handle', choice: { scope: 'user' as const, folder } },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: `Multiplier: Where to Save ${alias}`, placeHolder: 'Save the alias in…', ignoreFocusOut: true });
  return picked?.choice;
}

/** When some teams are configured already: keep them (default), or draft them too and replace. */
async function chooseImportMode(inference: TeamInference, effective: Readonly<Record<string, unknown>>): Promise<TeamsImportMode | undefined> {
  const configured = configuredTeams(inference, effective);
  if (configured.length === 0) return 'keep';
  const others = inference.teams.length - configured.length;
  const picked = await vscode.window.showQuickPick(
    [
      {
        label: others > 0 ? `Add the ${others} ${others === 1 ? 'team' : 'teams'} without members` : 'Keep the configured teams',
        detail: `Keep the members configured for ${configured.join(', ')}`,
        mode: 'keep' as const,
      },
      {
        label: 'Draft every team from history',
        detail: `Replace the members configured for ${configured.join(', ')} (in this folder's settings)`,
        mode: 'replace' as const,
      },
    ],
    { title: 'Multiplier: Import Teams', placeHolder: `multiplier.teams already lists ${configured.join(', ')}` },
  );
  return picked?.mode;
}

function draftSummary(draft: TeamsDraft, name: string): string {
  const teams = [...draft.added, ...draft.replaced];
  const count = `${teams.length} ${teams.length === 1 ? 'team' : 'teams'}`;
  return `Multiplier drafted members for ${count} of ${name} from history (inferred: who changed or knows their files). Review the draft, then write it to the workspace settings?`;
}

/**
 * The non-modal confirmation. What is written is what the draft editor holds then (the user may
 * have edited it), or the draft as shown if the editor was closed; a draft that no longer parses
 * is explained and asked about again.
 */
async function confirmDraft(document: vscode.TextDocument, original: string, summary: string): Promise<Record<string, readonly string[]> | undefined> {
  let message = summary;
  for (;;) {
    const choice = await vscode.window.showInformationMessage(message, WRITE_TEAMS, CANCEL);
    if (choice !== WRITE_TEAMS) return undefined;
    const parsed = parseTeamsDraft(document.isClosed ? original : document.getText());
    if ('value' in parsed) return parsed.value;
    message = `The draft has a problem: ${parsed.problem}. Fix it in the editor, then write it.`;
  }
}

/** The draft is written: close its editor without asking to save it. */
async function closeDraft(document: vscode.TextDocument): Promise<void> {
  if (document.isClosed) return;
  await vscode.window.showTextDocument(document, { preview: false });
  if (vscode.window.activeTextEditor?.document === document) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}
