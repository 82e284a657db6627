import * as vscode from 'vscode';


/** Opens a draft (JSONC) in an untitled editor, for the person to review before anything is written. */
export async function showDraft(text: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language: 'jsonc', content: text });
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/**
 * The non-modal confirmation. What is written is what the draft editor holds then (the user may
 * have edited it), or the draft as shown if the editor was closed; a draft that no longer parses
 * is explained and asked about again.
 */
export async function confirmDraft<T>(document: vscode.TextDocument, original: string, summary: string, parse: (text: string) => { value: T } | { problem: string }): Promise<T | undefined> {
  const write = vscode.l10n.t('Write to Workspace Settings');
  let message = summary;
  for (;;) {
    const choice = await vscode.window.showInformationMessage(message, write, vscode.l10n.t('Cancel'));
    if (choice !== write) return undefined;
    const parsed = parse(document.isClosed ? original : document.getText());
    if ('value' in parsed) return parsed.value;
    message = vscode.l10n.t('The draft has a problem: {0}. Fix it in the editor, then write it.', parsed.problem);
  }
}

/** The draft is written: close its editor without asking to save it. */
export async function closeDraft(document: vscode.TextDocument): Promise<void> {
  if (document.isClosed) return;
  await vscode.window.showTextDocument(document, { preview: false });
  if (vscode.window.activeTextEditor?.document === document) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}
