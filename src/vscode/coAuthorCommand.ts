/**
 * "Multiplier: Add Co-author…" in the Source Control view's title: pairing goes where the
 * `Co-authored-by:` trailer belongs, the repository's commit message box, through the built-in
 * git extension's API. Without that extension the trailer goes to the clipboard, and a message
 * says why: nothing fails.
 */
import * as vscode from 'vscode';
import type { Suggestion } from '../core/analysis/suggestions';
import { addCoAuthorTrailer } from '../core/presentation/coAuthorMessage';
import { coAuthorTrailer } from '../core/presentation/pairing';
import { activeAreaTarget, chooseAreaTarget, type AreaTarget } from './areaTarget';
import { gitExtensionApi, gitRepositoriesOpened, type GitExtensionUnavailable, type GitRepository } from './gitExtension';
import type { WorkspaceAnalyses } from './workspaceAnalyses';

/** How long to wait for the git extension to open the workspace's repositories (on a cold start). */
const REPOSITORIES_WAIT_MS = 10_000;

/**
 * `scmArgument` is what the `scm/title` menu passes: the git extension's SourceControl, whose
 * `rootUri` names the repository. From the command palette there is none, and the commit box is
 * that of the area's folder.
 */
export async function addCoAuthor(analyses: WorkspaceAnalyses, scmArgument: unknown): Promise<void> {
  const target = activeAreaTarget(analyses) ?? (await chooseAreaTarget(analyses, vscode.l10n.t('Add a co-author from which area?')));
  if (!target) return;
  const person = await pickPerson(target);
  if (!person) return;
  const box = await commitMessageBox(target, scmArgument);
  if ('unavailable' in box) {
    await vscode.env.clipboard.writeText(coAuthorTrailer(person));
    void vscode.window.showInformationMessage(vscode.l10n.t('Multiplier: {0} The Co-authored-by trailer for {1} is on the clipboard instead.', unavailableReason(box.unavailable, target), person.name));
    return;
  }
  const { message, added } = addCoAuthorTrailer(box.repository.inputBox.value, person);
  if (!added) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Multiplier: {0} is already a co-author in the commit message.', person.name));
    return;
  }
  box.repository.inputBox.value = message;
  void vscode.window.showInformationMessage(vscode.l10n.t('Multiplier: added {0} as co-author to the commit message.', person.name));
}

/** The area's suggested people, in the order the suggestions quick pick shows them. */
async function pickPerson(target: AreaTarget): Promise<Suggestion | undefined> {
  const { area } = target;
  if (area.suggestions.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Multiplier: no one on {0} was active in {1} in the window. Ask the owners who should pick this up.', area.owners.join(', '), area.area),
    );
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    area.suggestions.map((suggestion) => ({ label: `$(person) ${suggestion.name}`, description: suggestion.email, detail: suggestion.reason, suggestion })),
    { placeHolder: vscode.l10n.t('Co-author from {0}, owned by {1}', area.area, area.owners.join(', ')), matchOnDescription: true },
  );
  return picked?.suggestion;
}

type CommitMessageBox = { readonly repository: GitRepository } | { readonly unavailable: GitExtensionUnavailable | 'no-repository' };

async function commitMessageBox(target: AreaTarget, scmArgument: unknown): Promise<CommitMessageBox> {
  const access = await gitExtensionApi();
  if ('unavailable' in access) return access;
  // Turned off after start, the extension stays enabled but closes the folder's repository.
  if (vscode.workspace.getConfiguration('git', target.analysis.folder.uri).get<boolean>('enabled') === false) return { unavailable: 'turned-off' };
  const { api } = access;
  await gitRepositoriesOpened(api, REPOSITORIES_WAIT_MS);
  const fromMenu = scmRootUri(scmArgument);
  const repository = (fromMenu && api.getRepository(fromMenu)) ?? api.getRepository(target.analysis.folder.uri);
  return repository ? { repository } : { unavailable: 'no-repository' };
}

function scmRootUri(argument: unknown): vscode.Uri | undefined {
  const rootUri = typeof argument === 'object' && argument !== null ? (argument as { rootUri?: unknown }).rootUri : undefined;
  return rootUri instanceof vscode.Uri ? rootUri : undefined;
}

function unavailableReason(reason: GitExtensionUnavailable | 'no-repository', target: AreaTarget): string {
  switch (reason) {
    case 'missing':
      return vscode.l10n.t("VS Code's Git extension is disabled, so there is no commit message box to add to.");
    case 'turned-off':
      return vscode.l10n.t('Git is turned off in VS Code (the git.enabled setting), so there is no commit message box to add to.');
    case 'no-repository':
      return vscode.l10n.t("VS Code's Git extension has no repository open for {0}, so there is no commit message box to add to.", target.analysis.folder.name);
  }
}
