import * as vscode from 'vscode';
import type { AreaTarget } from './areaTarget';

/**
 * Drafts the handoff note for an area into an untitled Markdown editor (saved only where and
 * when the user chooses) and offers to copy it.
 */
export async function openHandoffNote(target: AreaTarget): Promise<vscode.TextDocument> {
  const note = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Multiplier: drafting the handoff note for {0}', target.area.area) },
    () => target.analysis.ask('handoff', { areaKey: target.area.key }),
  );
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: note });
  await vscode.window.showTextDocument(document, { preview: false });
  const copy = vscode.l10n.t('Copy to Clipboard');
  void vscode.window.showInformationMessage(vscode.l10n.t('Handoff note for {0} drafted. Edit it, then share it with the owners.', target.area.area), copy).then(async (choice) => {
    if (choice === copy) await vscode.env.clipboard.writeText(document.getText());
  });
  return document;
}
