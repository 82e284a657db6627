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

const OPEN_OWNERSHIP_MAP = 'Open Ownership Map Setting';

/**
 * "Import Teams from CODEOWNERS…" (a walkthrough step): drafts `multiplier.teams` with the members
 * inference would give each team, shows the draft, and writes it to the folder's settings only
 * when the person confirms. Nothing here is modal.
 */
export async function importTeams(analyses: WorkspaceAnalyses, logger: Logger): Promise<void> {
  requireTrust('Importing teams');
  const analysis = await pickFolder(analyses, 'Import teams for which folder?');
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
    const why =
      draft.withoutMembers.length > 0
        ? `nobody in its history works on ${draft.withoutMembers.join(', ')} yet, so there is nobody to draft; Multiplier keeps inferring as people commit`
        : `every team already has members in multiplier.teams (${draft.kept.join(', ')})`;
    void vscode.window.showInformationMessage(`Multiplier: nothing to import for ${name}: ${why}.`);
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
    .showInformationMessage(`Multiplier: wrote the teams to ${name}'s workspace settings. Commit .vscode/settings.json to share them with your team.`, 'Open Settings File')
    .then(async (choice) => {
      if (choice) await vscode.window.showTextDocument(settingsFile);
    });
}

function offerOwnershipMap(name: string, inference: TeamInference, scan: AnalysisSnapshot, settings: MultiplierSettings): void {
  const where = inference.codeownersPath;
  const why = !settings.codeowners.enabled
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
