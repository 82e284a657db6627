import * as vscode from 'vscode';
import { codeownersText, draftOwnershipMap, parseOwnershipMapDraft, renderOwnershipMapDraft, type OwnershipMapDraft } from '../core/setup/ownershipMapDraft';
import type { InferFromHistorySetting } from '../core/config/settingTypes';
import { announceWritten, closeDraft, confirmDraft, showDraft } from './draftEditor';
import { pickFolder, requireTrust } from './folderPick';
import type { Logger } from './logger';
import { asObject, folderScopeValue } from './settingScopes';
import type { WorkspaceAnalyses } from './workspaceAnalyses';

/**
 * "Draft Ownership Map from History…" (a walkthrough step): the areas history inferred become a
 * `multiplier.ownershipMap` draft (and CODEOWNERS lines to copy), shown in an editor and written
 * to the folder's settings only when the person confirms. The snapshot holds everything the draft
 * needs (the inferred areas, their builders, who I am), so the worker is not asked.
 */
export async function draftOwnershipMapFromHistory(analyses: WorkspaceAnalyses, logger: Logger): Promise<void> {
  requireTrust('Drafting an ownership map');
  const analysis = await pickFolder(analyses, 'Draft an ownership map for which folder?');
  if (!analysis) return;
  const scan = await analysis.latestScan();
  const name = analysis.folder.name;
  const configuration = vscode.workspace.getConfiguration('multiplier', analysis.folder.uri);
  const draft = draftOwnershipMap({ areas: scan.areas, me: scan.me.display, atTarget: asObject(folderScopeValue(configuration.inspect('ownershipMap'))) });
  if (draft.rules.length === 0) {
    void vscode.window.showInformationMessage(nothingToDraft(name, draft, scan.inferredAreas.mode));
    return;
  }
  const text = renderOwnershipMapDraft(draft, { folderName: name });
  const document = await showDraft(text);
  const copy = {
    label: vscode.l10n.t('Copy CODEOWNERS Lines'),
    run: async () => {
      await vscode.env.clipboard.writeText(codeownersText(draft));
      return vscode.l10n.t('Multiplier: copied the CODEOWNERS lines; paste them into .github/CODEOWNERS to share the map that way. Write the draft to the workspace settings as well?');
    },
  };
  const value = await confirmDraft(document, text, draftSummary(draft, name), parseOwnershipMapDraft, copy);
  if (!value) return;
  await configuration.update('ownershipMap', value, vscode.ConfigurationTarget.WorkspaceFolder);
  logger.info(`wrote multiplier.ownershipMap (${Object.keys(value).length} rules) to the settings of ${analysis.folder.uri.fsPath}`);
  await closeDraft(document);
  announceWritten(analysis.folder.uri, vscode.l10n.t("Multiplier: wrote the ownership map to {0}'s workspace settings. Commit .vscode/settings.json to share it with your team.", name));
}

function nothingToDraft(name: string, draft: OwnershipMapDraft, mode: InferFromHistorySetting): string {
  if (draft.skipped.length > 0) {
    return vscode.l10n.t('Multiplier: nothing to draft for {0}: no folder read from history has an active builder ({1}).', name, draft.skipped.map((s) => s.area).join(', '));
  }
  if (mode === 'off') return vscode.l10n.t('Multiplier: nothing to draft for {0}: reading areas from history is off (multiplier.areas.inferFromHistory).', name);
  return vscode.l10n.t('Multiplier: nothing to draft for {0}: ownership rules already cover every folder, so no area is read from history.', name);
}

function draftSummary(draft: OwnershipMapDraft, name: string): string {
  return draft.rules.length === 1
    ? vscode.l10n.t('Multiplier drafted 1 ownership rule for {0} from history (who built each folder). Review the draft, then write it to the workspace settings?', name)
    : vscode.l10n.t('Multiplier drafted {0} ownership rules for {1} from history (who built each folder). Review the draft, then write it to the workspace settings?', draft.rules.length, name);
}
