import * as vscode from 'vscode';
import { aliasProblem, identitiesToWrite, type SettingScope } from '../core/setup/aliases';
import type { IdentityReport } from '../core/setup/identityReport';
import { daysAgo } from '../core/text/wording';
import { toSeconds } from '../core/time';
import { activeFolder, requireTrust } from './folderPick';
import type { Logger } from './logger';
import { CONFIGURATION_TARGETS, scopedValues, scopeName } from './settingScopes';
import type { WorkspaceAnalyses, WorkspaceFolderAnalysis } from './workspaceAnalyses';

interface IdentityItem extends vscode.QuickPickItem {
  readonly action?: { readonly kind: 'add'; readonly folder: WorkspaceFolderAnalysis | undefined; readonly alias?: string } | { readonly kind: 'settings' };
}

interface FolderIdentity {
  readonly analysis: WorkspaceFolderAnalysis;
  readonly report: IdentityReport | undefined;
  /** Why there is no report (history not read, Restricted Mode, …). */
  readonly missing: string | undefined;
}

/**
 * "Confirm My Identity…" (a walkthrough step): shows, per folder, what counts as me and why, and
 * lets me add an alias at the scope I choose. Nothing here is modal.
 */
export async function confirmIdentity(analyses: WorkspaceAnalyses, logger: Logger): Promise<void> {
  requireTrust(vscode.l10n.t('Confirming who you are needs a trusted folder.'));
  let context = activeFolder(analyses);
  for (;;) {
    const folders = await identities(analyses, logger);
    if (!folders) return;
    const picked = await vscode.window.showQuickPick(identityItems(folders), {
      title: vscode.l10n.t('Multiplier: Who You Are'),
      placeHolder: vscode.l10n.t('These count as you. Add an alias if you also commit under another email or @handle.'),
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
    if (!(await addAlias(analyses, logger, alias, context))) return;
  }
}

/** Every folder's identity report (or why there is none); undefined when no folder is open. */
async function identities(analyses: WorkspaceAnalyses, logger: Logger): Promise<FolderIdentity[] | undefined> {
  const all = analyses.all();
  if (all.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Multiplier: open a folder with a git repository first.'));
    return undefined;
  }
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Multiplier: reading who you are') }, () =>
    Promise.all(
      all.map(async (analysis): Promise<FolderIdentity> => {
        try {
          return { analysis, report: await analysis.ask('identity', {}), missing: undefined };
        } catch (error) {
          logger.warn(`no identity report for ${analysis.folder.name}: ${error instanceof Error ? error.message : String(error)}`);
          return { analysis, report: undefined, missing: error instanceof Error ? error.message : String(error) };
        }
      }),
    ),
  );
}

/** Writes the alias at the scope the person picks; then waits until history is read with it. */
async function addAlias(analyses: WorkspaceAnalyses, logger: Logger, alias: string, context: WorkspaceFolderAnalysis | undefined): Promise<boolean> {
  const folder = context ?? analyses.all()[0];
  if (!folder) return false;
  const scope = await chooseScope(alias, folder, analyses.all());
  if (!scope) return false;
  const configuration = vscode.workspace.getConfiguration('multiplier', scope.folder.folder.uri);
  const write = identitiesToWrite(scopedValues(configuration.inspect('identities')), scope.scope, alias);
  await configuration.update('identities', write.value, CONFIGURATION_TARGETS[scope.scope]);
  logger.info(`added an identity to multiplier.identities (${scope.scope} settings)`);
  if (write.shadowedBy) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'Multiplier: added {0} to {1}, but in {2} the multiplier.identities of {3} wins over it. Add it there too for it to count here.',
        alias,
        scopeName(scope.scope),
        scope.folder.folder.name,
        scopeName(write.shadowedBy),
      ),
    );
    return true;
  }
  // Every folder where the alias now applies reads history again with it; the next report waits
  // for those reads (a read asked for now starts with the settings just written).
  const same = (entry: unknown): boolean => typeof entry === 'string' && entry.trim().toLowerCase() === alias.toLowerCase();
  const affected = analyses.all().filter((analysis) => {
    const applied = vscode.workspace.getConfiguration('multiplier', analysis.folder.uri).get<unknown>('identities');
    return Array.isArray(applied) && applied.some(same);
  });
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Multiplier: reading history again with {0}', alias) }, () =>
    Promise.all(affected.map((analysis) => analysis.refresh(`${alias} added to multiplier.identities`))),
  );
  return true;
}

/** The rows of "Who You Are": per folder what counts as me and why, then the actions. */
function identityItems(folders: readonly FolderIdentity[]): IdentityItem[] {
  const multiRoot = folders.length > 1;
  const items: IdentityItem[] = [];
  const nowSeconds = toSeconds(Date.now());
  for (const { analysis, report, missing } of folders) {
    items.push({ label: multiRoot ? vscode.l10n.t('Counts as you in {0}', analysis.folder.name) : vscode.l10n.t('Counts as you'), kind: vscode.QuickPickItemKind.Separator });
    if (!report) {
      items.push({ label: `$(info) ${analysis.folder.name}`, detail: missing });
      continue;
    }
    if (!report.gitUser) items.push({ label: `$(warning) ${vscode.l10n.t('git config user.email is not set here')}`, detail: vscode.l10n.t('Set it, or add the email you commit with below.') });
    for (const entry of report.entries) {
      const icon = entry.kind === 'email' ? '$(mail)' : entry.kind === 'handle' ? '$(github)' : '$(person)';
      const name = entry.source === 'git config user.email' && report.gitUser?.name ? ` · ${report.gitUser.name}` : '';
      items.push({ label: `${icon} ${entry.value}`, description: `${entry.source}${name}` });
    }
    items.push(
      report.recentChanges > 0
        ? {
            label: `$(history) ${
              report.recentChanges === 1
                ? vscode.l10n.t('1 commit of yours in the last {0} days', report.windowDays)
                : vscode.l10n.t('{0} of your commits in the last {1} days', report.recentChanges, report.windowDays)
            }`,
            detail: report.lastActive ? vscode.l10n.t('Your latest was {0}.', daysAgo(report.lastActive, nowSeconds)) : undefined,
          }
        : {
            label: `$(history) ${vscode.l10n.t('None of the commits of the last {0} days count as yours', report.windowDays)}`,
            detail: vscode.l10n.t('If you commit under another email or @handle, add it below.'),
          },
    );
    for (const lookalike of report.lookalikes) {
      items.push({
        label: `$(add) ${vscode.l10n.t('Add {0}', lookalike.email)}`,
        description: vscode.l10n.t('Looks like you: {0}', lookalike.name),
        detail: lookalike.reason.charAt(0).toUpperCase() + lookalike.reason.slice(1),
        action: { kind: 'add', folder: analysis, alias: lookalike.email },
      });
    }
  }
  items.push(
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    { label: `$(add) ${vscode.l10n.t('Add an email or @handle…')}`, detail: vscode.l10n.t('An old email, a personal one, or your GitHub @handle'), action: { kind: 'add', folder: undefined } },
    { label: `$(check) ${vscode.l10n.t("That's me")}`, description: vscode.l10n.t('Close') },
    { label: `$(settings-gear) ${vscode.l10n.t('Open the multiplier.identities setting')}`, action: { kind: 'settings' } },
  );
  return items;
}

async function askForAlias(known: readonly string[]): Promise<string | undefined> {
  const value = await vscode.window.showInputBox({
    title: vscode.l10n.t('Multiplier: Add an Identity'),
    prompt: vscode.l10n.t('An email you commit with, your GitHub @handle, or the name you commit under.'),
    placeHolder: vscode.l10n.t('lee@old-company.com or @lee-leader'),
    ignoreFocusOut: true,
    // Empty input shows no error while typing; accepting it cancels.
    validateInput: (input) => (input.trim() === '' ? undefined : aliasProblem(input, known)),
  });
  const alias = value?.trim();
  return alias && !aliasProblem(alias, known) ? alias : undefined;
}

interface ScopeChoice {
  readonly scope: SettingScope;
  readonly folder: WorkspaceFolderAnalysis;
}

/** Where to write an alias: the folder by default (first), the workspace file, or User settings. */
async function chooseScope(alias: string, folder: WorkspaceFolderAnalysis, all: readonly WorkspaceFolderAnalysis[]): Promise<ScopeChoice | undefined> {
  const personal = vscode.l10n.t('This folder only. If your team shares this file, choose User settings.');
  const folders = [folder, ...all.filter((other) => other !== folder)];
  const items: Array<vscode.QuickPickItem & { choice: ScopeChoice }> = [
    ...folders.map((analysis) => ({
      label: vscode.workspace.workspaceFile ? vscode.l10n.t('Folder settings of {0}', analysis.folder.name) : vscode.l10n.t('Workspace settings'),
      description: `${analysis.folder.name}/.vscode/settings.json`,
      detail: personal,
      choice: { scope: 'folder' as const, folder: analysis },
    })),
    ...(vscode.workspace.workspaceFile
      ? [
          {
            label: vscode.l10n.t('Workspace settings'),
            description: vscode.workspace.workspaceFile.path.split('/').pop() ?? '',
            detail: vscode.l10n.t('Every folder of this workspace'),
            choice: { scope: 'workspace' as const, folder },
          },
        ]
      : []),
    {
      label: vscode.l10n.t('User settings'),
      description: vscode.l10n.t('Every folder and window'),
      detail: vscode.l10n.t('For aliases you use everywhere, like your GitHub @handle'),
      choice: { scope: 'user' as const, folder },
    },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Multiplier: Where to Save {0}', alias), placeHolder: vscode.l10n.t('Save the alias in…'), ignoreFocusOut: true });
  return picked?.choice;
}
