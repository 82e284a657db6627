import * as vscode from 'vscode';
import { codeownersText, draftOwnershipMap, parseOwnershipMapDraft, renderOwnershipMapDraft, type OwnershipMapDraft } from '../core/setup/ownershipMapDraft';
import type { InferFromHistorySetting } from '../core/config/settingTypes';
import { plural } from '../core/text/wording';
import { announceWritten, closeDraft, confirmDraft, showDraft } from './draftEditor';
import { pickFolder, requireTrust } from './folderPick';
import type { Logger } from './logger';
import { asObject, folderScopeValue } from './settingScopes';
import type { WorkspaceAnalyses } from './workspaceAnalyses';

const COPY_CODEOWNERS = 'Copy CODEOWNERS Lines';

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
    void vscode.window.showInformationMessage(`Multiplier: nothing to draft for ${name}: ${nothingToDraft(draft, scan.inferredAreas.mode)}.`);
    return;
  }
  const text = renderOwnershipMapDraft(draft, { folderName: name });
  const document = await showDraft(text);
  const copy = {
    label: COPY_CODEOWNERS,
    run: async () => {
      await vscode.env.clipboard.writeText(codeownersText(draft));
      void vscode.window.showInformationMessage('Multiplier: copied the CODEOWNERS lines. Paste them into .github/CODEOWNERS to share the map that way instead.');
    },
  };
  const value = await confirmDraft(document, text, draftSummary(draft, name), parseOwnershipMapDraft, copy);
  if (!value) return;
  await configuration.update('ownershipMap', value, vscode.ConfigurationTarget.WorkspaceFolder);
  logger.info(`wrote multiplier.ownershipMap (${Object.keys(value).length} rules) to the settings of ${analysis.folder.uri.fsPath}`);
  await closeDraft(document);
  announceWritten(analysis.folder.uri, name, { name: 'the ownership map', pronoun: 'it' });
}

function nothingToDraft(draft: OwnershipMapDraft, mode: InferFromHistorySetting): string {
  if (draft.skipped.length > 0) return `no folder read from history has an active builder (${draft.skipped.map((s) => s.area).join(', ')})`;
  if (mode === 'off') return 'reading areas from history is off (multiplier.areas.inferFromHistory)';
  return 'ownership rules already cover every folder, so no area is read from history';
}

function draftSummary(draft: OwnershipMapDraft, name: string): string {
  return `Multiplier drafted ${plural(draft.rules.length, 'ownership rule')} for ${name} from history (who built each folder). Review the draft, then write it to the workspace settings?`;
}
