/**
 * Pairing from Source Control: "Add Co-author…" in the view's title puts the chosen person's
 * Co-authored-by trailer into the repository's commit message box, read back from the rendered
 * box and from the git extension; never twice; and with Git turned off, says so.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { clickByRole, quickPickItems, visibleText, waitFor } from '../harness/uiProbe';
import { activateExtension, openFile, waitForNudgeItem, workspaceFolder } from '../shared/workbench';

const NUDGE_TEXT = 'payments · you 80%';
const ALICE_TRAILER = 'Co-authored-by: Alice Doe <alice@acme.example>';

interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly inputBox: { value: string };
}

/** The workspace's repository as VS Code's git extension holds it, once it has opened it. */
async function gitRepository(): Promise<GitRepository> {
  const extension = vscode.extensions.getExtension<{ getAPI(version: 1): { repositories: GitRepository[] } }>('vscode.git');
  assert.ok(extension, 'code-server ships the built-in git extension');
  const api = (extension.isActive ? extension.exports : await extension.activate()).getAPI(1);
  const [repository] = await waitFor(async () => api.repositories, (all) => all.length === 1, 20_000);
  assert.ok(repository);
  return repository;
}

/** The lines of the commit message box as the Source Control view renders them (the editor draws spaces as U+00A0). */
async function renderedCommitBox(): Promise<string> {
  return (await visibleText('.scm-editor .view-lines')).replace(/\u00a0/g, ' ');
}

async function notificationSaying(text: string): Promise<string> {
  return waitFor(() => visibleText('.notifications-toasts').catch(() => ''), (shown) => shown.includes(text), 15_000);
}

async function pickFirstPerson(): Promise<string[]> {
  const rows = await waitFor(quickPickItems, (r) => r.length >= 2, 15_000);
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  return rows.map((row) => row.label.trim());
}

describe('Add Co-author… from Source Control, in a real VS Code', function () {
  this.timeout(90_000);

  before(async () => {
    await activateExtension();
    await openFile('src/payments/capture.ts');
    await waitForNudgeItem((i) => i?.text.includes(NUDGE_TEXT) ?? false, 30_000);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('is a button in the view title that appends the trailer after what was typed, with the people ranked as in the quick pick', async () => {
    const repository = await gitRepository();
    assert.equal(repository.rootUri.fsPath, workspaceFolder().uri.fsPath);
    repository.inputBox.value = 'Payments: retry budget\n\nDecline once, not twice.';
    await vscode.commands.executeCommand('workbench.view.scm');
    await waitFor(renderedCommitBox, (text) => text.includes('Payments: retry budget'), 15_000);
    await clickByRole('button', 'Add Co-author…');
    const people = await pickFirstPerson();
    assert.deepEqual(people, ['Alice Doe', 'Priya Patel'], 'the pairing suggestions, in their order');
    await waitFor(async () => repository.inputBox.value, (value) => value.includes(ALICE_TRAILER));
    assert.equal(repository.inputBox.value, `Payments: retry budget\n\nDecline once, not twice.\n\n${ALICE_TRAILER}`);
    const rendered = await waitFor(renderedCommitBox, (text) => text.includes('Co-authored-by: Alice Doe'), 10_000);
    assert.match(rendered, /Payments: retry budget[\s\S]*Decline once, not twice\.[\s\S]*Co-authored-by: Alice Doe\s+<alice@acme\.example>/, 'the box wraps long lines');
    await notificationSaying('added Alice Doe as co-author to the commit message');
  });

  it('never adds the same trailer twice, and says so', async () => {
    const repository = await gitRepository();
    const before = `Payments: retry budget\n\n${ALICE_TRAILER}`;
    repository.inputBox.value = before;
    void vscode.commands.executeCommand('multiplier.addCoAuthor');
    await pickFirstPerson();
    await notificationSaying('Alice Doe is already a co-author in the commit message');
    assert.equal(repository.inputBox.value, before);
  });

  it('joins the trailer block when the message already ends with one', async () => {
    const repository = await gitRepository();
    repository.inputBox.value = 'Payments: ledger\n\nCo-authored-by: Priya Patel <priya@acme.example>';
    void vscode.commands.executeCommand('multiplier.addCoAuthor');
    await pickFirstPerson();
    await waitFor(async () => repository.inputBox.value, (value) => value.includes(ALICE_TRAILER));
    assert.equal(repository.inputBox.value, `Payments: ledger\n\nCo-authored-by: Priya Patel <priya@acme.example>\n${ALICE_TRAILER}`);
  });

  it('says so when the git extension has no repository open for the folder, and puts the trailer on the clipboard instead', async () => {
    await gitRepository();
    await vscode.env.clipboard.writeText('');
    await vscode.commands.executeCommand('git.close');
    try {
      void vscode.commands.executeCommand('multiplier.addCoAuthor');
      await pickFirstPerson();
      await notificationSaying("VS Code's Git extension has no repository open for acme-shop, so there is no commit message box to add to.");
      assert.equal(await vscode.env.clipboard.readText(), ALICE_TRAILER);
    } finally {
      await vscode.commands.executeCommand('git.openRepository', workspaceFolder().uri.fsPath);
    }
    await gitRepository();
  });

  it('says so when Git is turned off, and puts the trailer on the clipboard instead', async () => {
    const git = vscode.workspace.getConfiguration('git');
    await vscode.env.clipboard.writeText('');
    await git.update('enabled', false, vscode.ConfigurationTarget.Global);
    try {
      void vscode.commands.executeCommand('multiplier.addCoAuthor');
      await pickFirstPerson();
      await notificationSaying('Git is turned off in VS Code (the git.enabled setting), so there is no commit message box to add to.');
      assert.equal(await vscode.env.clipboard.readText(), ALICE_TRAILER);
    } finally {
      await git.update('enabled', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
