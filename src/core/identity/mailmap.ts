import type { GitRunner } from '../git/gitCommand';
import { checkMailmap } from '../git/repositoryCommands';
import type { WorkspaceFiles } from '../workspaceFiles';
import { formatContact, parseContact, type Contact } from './person';

/** check-mailmap takes contacts as arguments: batches keep each command line short. */
const MAILMAP_BATCH = 200;

export interface MailmapOptions {
  readonly signal?: AbortSignal;
  /**
   * false when the repository has no mailmap (`mailmapInPlay`): git would give every contact
   * back as asked, so no process is started. By default git is asked.
   */
  readonly inPlay?: boolean;
}

/**
 * The contacts as the repository's mailmap gives them, in order (undefined where git's answer
 * could not be read). One git process per batch; none for no contacts, or without a mailmap.
 */
export async function mailmapContacts(runner: GitRunner, contacts: readonly Contact[], options: MailmapOptions = {}): Promise<Array<Contact | undefined>> {
  const { signal } = options;
  // What git's check-mailmap prints for a contact it does not map: the same text.
  if (options.inPlay === false) return contacts.map((contact) => parseContact(formatContact(contact)));
  const mapped: Array<Contact | undefined> = [];
  for (let start = 0; start < contacts.length; start += MAILMAP_BATCH) {
    const batch = contacts.slice(start, start + MAILMAP_BATCH);
    const answers = await runner.run(checkMailmap(batch.map(formatContact)), { signal });
    batch.forEach((_, index) => mapped.push(parseContact(answers[index] ?? '')));
  }
  return mapped;
}

/**
 * Whether the repository may have a mailmap for git to apply: a `.mailmap` at the top level (of
 * any kind: whether git reads a link is git's to decide), or `mailmap.file` or `mailmap.blob` in
 * its config. Those are all the places git reads one from in a repository with a working tree;
 * every start without one saves its check-mailmap processes.
 */
export async function mailmapInPlay(files: WorkspaceFiles, config: ReadonlyMap<string, string>): Promise<boolean> {
  return config.has('mailmap.file') || config.has('mailmap.blob') || (await files.exists('.mailmap'));
}
