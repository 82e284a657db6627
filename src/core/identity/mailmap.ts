import type { GitRunner } from '../git/gitCommand';
import { checkMailmap } from '../git/repositoryCommands';
import { formatContact, parseContact, type Contact } from './person';

/** check-mailmap takes contacts as arguments: batches keep each command line short. */
const MAILMAP_BATCH = 200;

/**
 * The contacts as the repository's mailmap gives them, in order (undefined where git's answer
 * could not be read). One git process per batch; none for no contacts.
 */
export async function mailmapContacts(runner: GitRunner, contacts: readonly Contact[], signal?: AbortSignal): Promise<Array<Contact | undefined>> {
  const mapped: Array<Contact | undefined> = [];
  for (let start = 0; start < contacts.length; start += MAILMAP_BATCH) {
    const batch = contacts.slice(start, start + MAILMAP_BATCH);
    const answers = await runner.run(checkMailmap(batch.map(formatContact)), { signal });
    batch.forEach((_, index) => mapped.push(parseContact(answers[index] ?? '')));
  }
  return mapped;
}
