import * as vscode from 'vscode';
import type { MultiplierSettings } from '../core/config/settingTypes';
import type { AnalysisSnapshot } from '../core/scan/analysisSnapshot';
import type { TeamInference } from '../core/setup/teamInference';
import { configuredTeams, draftTeams, parseTeamsDraft, renderTeamsDraft, type TeamsDraft, type TeamsImportMode } from '../core/setup/teamsDraft';
import { closeDraft, confirmDraft, showDraft } from './draftEditor';
import { pickFolder, requireTrust } from './folderPick';
import type { Logger } from './logger';
import { asObject, folderScopeValue } from './settingScopes';
import type { WorkspaceAnalyses } from './workspaceAnalyses';

/**
 * "Import Teams from CODEOWNERS…" (a walkthrough step): drafts `multiplier.teams` with the members
 * inference would give each team, shows the draft, and writes it to the folder's settings only
 * when the person confirms. Nothing here is modal.
 */
export async function importTeams(analyses: WorkspaceAnalyses, logger: Logger): Promise<void> {
  requireTrust(vscode.l10n.t('Importing teams needs a trusted folder.'));
  const analysis = await pickFolder(analyses, vscode.l10n.t('Import teams for which folder?'));
  if (!analysis) return;
  const inference = await analysis.ask('teamsDraft', {});
  const { scan, settings } = analysis.state;
  const name = analysis.folder.name;
  if (inference.teams.length === 0) {
    if (scan && settings) offerOwnershipMap(name, inference, scan, settings);
    return;
  }
  const configuration = vscode.workspace.getConfiguration('multiplier', analysis.folder.uri);
  const effective = asObject(configuration.get('teams')) ?? {};
  const mode = await chooseImportMode(inference, effective);
  if (!mode) return;
  const draft = draftTeams({ inference, effective, atTarget: asObject(folderScopeValue(configuration.inspect('teams'))), mode });
  if (draft.added.length + draft.replaced.length === 0) {
    const message =
      draft.withoutMembers.length > 0
        ? vscode.l10n.t(
            'Multiplier: nothing to import for {0}: nobody in its history works on {1} yet, so there is nobody to draft; Multiplier keeps inferring as people commit.',
            name,
            draft.withoutMembers.join(', '),
          )
        : vscode.l10n.t('Multiplier: nothing to import for {0}: every team already has members in multiplier.teams ({1}).', name, draft.kept.join(', '));
    void vscode.window.showInformationMessage(message);
    return;
  }
  const text = renderTeamsDraft(draft, { folderName: name, windowDays: inference.windowDays });
  const document = await showDraft(text);
  const value = await confirmDraft(document, text, draftSummary(draft, name), parseTeamsDraft);
  if (!value) return;
  await configuration.update('teams', value, vscode.ConfigurationTarget.WorkspaceFolder);
  logger.info(`wrote multiplier.teams (${Object.keys(value).length} teams) to the settings of ${analysis.folder.uri.fsPath}`);
  await closeDraft(document);
  const settingsFile = vscode.Uri.joinPath(analysis.folder.uri, '.vscode', 'settings.json');
  void vscode.window
    .showInformationMessage(vscode.l10n.t("Multiplier: wrote the teams to {0}'s workspace settings. Commit .vscode/settings.json to share them with your team.", name), vscode.l10n.t('Open Settings File'))
    .then(async (choice) => {
      if (choice) await vscode.window.showTextDocument(settingsFile);
    });
}

function offerOwnershipMap(name: string, inference: TeamInference, scan: AnalysisSnapshot, settings: MultiplierSettings): void {
  const openMap = vscode.l10n.t('Open Ownership Map Setting');
  void vscode.window
    .showInformationMessage(vscode.l10n.t('Multiplier: no teams to import for {0}: {1}. Say which team owns what in multiplier.ownershipMap.', name, whyNoTeams(inference, scan, settings)), openMap)
    .then(async (choice) => {
      if (choice === openMap) await vscode.commands.executeCommand('workbench.action.openSettings', 'multiplier.ownershipMap');
    });
}

/** Why a folder has no @org/team handles to import. */
function whyNoTeams(inference: TeamInference, scan: AnalysisSnapshot, settings: MultiplierSettings): string {
  const where = inference.codeownersPath;
  if (!settings.codeowners.enabled) return vscode.l10n.t('reading CODEOWNERS is switched off (multiplier.codeowners.enabled) and multiplier.ownershipMap names no @org/team');
  if (where) {
    return inference.hasOwnershipMap
      ? vscode.l10n.t('{0} names people but no @org/team handles, and neither does multiplier.ownershipMap', where)
      : vscode.l10n.t('{0} names people but no @org/team handles', where);
  }
  if (scan.codeowners?.skippedReason) return vscode.l10n.t('its CODEOWNERS was not read ({0})', scan.codeowners.skippedReason);
  return inference.hasOwnershipMap
    ? vscode.l10n.t('it has no CODEOWNERS file (in .github/, the root, docs/ or .gitlab/) and multiplier.ownershipMap names no @org/team')
    : vscode.l10n.t('it has no CODEOWNERS file (in .github/, the root, docs/ or .gitlab/)');
}

/** When some teams are configured already: keep them (default), or draft them too and replace. */
async function chooseImportMode(inference: TeamInference, effective: Readonly<Record<string, unknown>>): Promise<TeamsImportMode | undefined> {
  const configured = configuredTeams(inference, effective);
  if (configured.length === 0) return 'keep';
  const others = inference.teams.length - configured.length;
  const picked = await vscode.window.showQuickPick(
    [
      {
        label: others === 0 ? vscode.l10n.t('Keep the configured teams') : others === 1 ? vscode.l10n.t('Add the 1 team without members') : vscode.l10n.t('Add the {0} teams without members', others),
        detail: vscode.l10n.t('Keep the members configured for {0}', configured.join(', ')),
        mode: 'keep' as const,
      },
      {
        label: vscode.l10n.t('Draft every team from history'),
        detail: vscode.l10n.t("Replace the members configured for {0} (in this folder's settings)", configured.join(', ')),
        mode: 'replace' as const,
      },
    ],
    { title: vscode.l10n.t('Multiplier: Import Teams'), placeHolder: vscode.l10n.t('multiplier.teams already lists {0}', configured.join(', ')) },
  );
  return picked?.mode;
}

function draftSummary(draft: TeamsDraft, name: string): string {
  const teams = [...draft.added, ...draft.replaced].length;
  return teams === 1
    ? vscode.l10n.t('Multiplier drafted members for 1 team of {0} from history (inferred: who changed or knows their files). Review the draft, then write it to the workspace settings?', name)
    : vscode.l10n.t(
        'Multiplier drafted members for {0} teams of {1} from history (inferred: who changed or knows their files). Review the draft, then write it to the workspace settings?',
        teams,
        name,
      );
}
