import * as vscode from 'vscode';
import type { AreaTarget } from './areaTarget';

/**
 * Drafts the handoff note for an area into an untitled Markdown editor (saved only where and
 * when the user chooses) and offers to copy it.
 */
export async function openHandoffNote(target: AreaTarget): Promise<vscode.TextDocument> {
  const note = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: `Multiplier: drafting the handoff note for ${target.area.area}` },
    () => target.analysis.ask('handoff', { areaKey: target.area.key }),
  );
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: note });
  await vscode.window.showTextDocument(document, { preview: false });
  void vscode.window.showInformationMessage(`Handoff note for ${target.area.area} drafted. Edit it, then share it with the owners.`, 'Copy to Clipboard').then(async (choice) => {
    if (choice === 'Copy to Clipboard') await vscode.env.clipboard.writeText(document.getText());
  });
  return document;
}
