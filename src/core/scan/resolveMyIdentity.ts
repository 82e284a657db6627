import type { GitRunner } from '../git/gitCommand';
import { mailmapContacts } from '../identity/mailmap';
import { buildMyIdentity, type MyIdentity } from '../identity/myIdentity';
import type { Contact } from '../identity/person';

export interface MyIdentityOptions {
  /** Emails named on the command line (`--me`); when given, git config's identity is not used. */
  readonly explicit: readonly string[];
  /** `multiplier.identities`: emails, `@handles` or names. */
  readonly aliases: readonly string[];
  /** The repository's config (`configEntries`), for user.email and user.name. */
  readonly config: ReadonlyMap<string, string>;
  readonly signal?: AbortSignal;
  /** false when the repository has no mailmap (`mailmapInPlay`). */
  readonly mailmapInPlay?: boolean;
}

/**
 * Me, from git config (unless the caller names me explicitly) plus aliases, every email passed
 * through the repository's mailmap so that my old addresses count as me.
 */
export async function resolveMyIdentity(runner: GitRunner, options: MyIdentityOptions): Promise<MyIdentity> {
  const { signal } = options;
  const configured: Contact[] = [];
  if (options.explicit.length === 0) {
    const email = options.config.get('user.email');
    if (email) configured.push({ name: options.config.get('user.name') ?? '', email });
  }
  const aliases = [...options.explicit, ...options.aliases];
  const aliasEmails = aliases.filter((alias) => alias.includes('@') && !alias.startsWith('@')).map((email) => ({ name: '', email }));
  const toMap = [...configured, ...aliasEmails].filter((contact) => !/[\n\0<>]/.test(contact.name + contact.email));
  const mailmappedAliases = (await mailmapContacts(runner, toMap, { signal, inPlay: options.mailmapInPlay })).filter((c): c is Contact => c !== undefined);
  return buildMyIdentity({ configured, aliases, mailmappedAliases });
}
