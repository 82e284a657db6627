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
 * is explained and asked about again, and so is the draft after the extra button.
 */
export async function confirmDraft<T>(
  document: vscode.TextDocument,
  original: string,
  summary: string,
  parse: (text: string) => { value: T } | { problem: string },
  /**
   * One more button (its label localized) that does something and asks again, with the message
   * it returns: one toast that says what happened and still asks (e.g. copy the draft as text).
   */
  extra?: { readonly label: string; readonly run: () => Promise<string> },
): Promise<T | undefined> {
  const write = vscode.l10n.t('Write to Workspace Settings');
  let message = summary;
  for (;;) {
    const choice = await vscode.window.showInformationMessage(message, write, ...(extra ? [extra.label] : []), vscode.l10n.t('Cancel'));
    if (extra && choice === extra.label) {
      message = await extra.run();
      continue;
    }
    if (choice !== write) return undefined;
    const parsed = parse(document.isClosed ? original : document.getText());
    if ('value' in parsed) return parsed.value;
    message = vscode.l10n.t('The draft has a problem: {0}. Fix it in the editor, then write it.', parsed.problem);
  }
}

/** Says (`message`, localized) that the draft was written to the folder's settings, offering to open the file to commit. */
export function announceWritten(folderUri: vscode.Uri, message: string): void {
  const settingsFile = vscode.Uri.joinPath(folderUri, '.vscode', 'settings.json');
  void vscode.window
    .showInformationMessage(message, vscode.l10n.t('Open Settings File'))
    .then(async (choice) => {
      if (choice) await vscode.window.showTextDocument(settingsFile);
    });
}

/** The draft is written: close its editor without asking to save it. */
export async function closeDraft(document: vscode.TextDocument): Promise<void> {
  if (document.isClosed) return;
  await vscode.window.showTextDocument(document, { preview: false });
  if (vscode.window.activeTextEditor?.document === document) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}
