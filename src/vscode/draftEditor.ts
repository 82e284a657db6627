import * as vscode from 'vscode';

export const WRITE_TO_SETTINGS = 'Write to Workspace Settings';
const CANCEL = 'Cancel';

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
  let message = summary;
  for (;;) {
    const choice = await vscode.window.showInformationMessage(message, WRITE_TO_SETTINGS, CANCEL);
    if (choice !== WRITE_TO_SETTINGS) return undefined;
    const parsed = parse(document.isClosed ? original : document.getText());
    if ('value' in parsed) return parsed.value;
    message = `The draft has a problem: ${parsed.problem}. Fix it in the editor, then write it.`;
  }
}

/** The draft is written: close its editor without asking to save it. */
export async function closeDraft(document: vscode.TextDocument): Promise<void> {
  if (document.isClosed) return;
  await vscode.window.showTextDocument(document, { preview: false });
  if (vscode.window.activeTextEditor?.document === document) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}
