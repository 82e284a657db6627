import * as vscode from 'vscode';
import { AnalysisUnavailable } from '../core/worker/analysisErrors';
import type { WorkspaceAnalyses, WorkspaceFolderAnalysis } from './workspaceAnalyses';

/** The folder of the active editor, else the first folder. */
export function activeFolder(analyses: WorkspaceAnalyses): WorkspaceFolderAnalysis | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  return (uri && analyses.forUri(uri)) || analyses.all()[0];
}

/** The only folder, or the one the person picks (the active editor's first); undefined when dismissed. */
export async function pickFolder(analyses: WorkspaceAnalyses, placeHolder: string): Promise<WorkspaceFolderAnalysis | undefined> {
  const all = analyses.all();
  if (all.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Multiplier: open a folder with a git repository first.'));
    return undefined;
  }
  if (all.length === 1) return all[0];
  const active = activeFolder(analyses);
  const ordered = [...all].sort((a, b) => Number(b === active) - Number(a === active));
  const picked = await vscode.window.showQuickPick(
    ordered.map((analysis) => ({ label: analysis.folder.name, description: analysis.folder.uri.fsPath, analysis })),
    { placeHolder },
  );
  return picked?.analysis;
}

/**
 * Restricted Mode runs no git, so `needsTrust` (a whole sentence: "Importing teams needs a
 * trusted folder.") cannot be done: the command wrapper says so.
 */
export function requireTrust(needsTrust: string): void {
  if (vscode.workspace.isTrusted) return;
  throw new AnalysisUnavailable('restricted', vscode.l10n.t('{0} In Restricted Mode Multiplier runs no git, so it cannot read who works where.', needsTrust));
}
