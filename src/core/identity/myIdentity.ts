import { githubNoreplyLogin, personKey, type Contact } from './person';

/**
 * Who "me" is: the repository's `user.email`/`user.name` plus the `multiplier.identities`
 * aliases, after the mailmap. Emails compare lowercased; GitHub handles come from `@handle`
 * aliases and from no-reply addresses; names only from aliases the user wrote down.
 */
export interface MyIdentity {
  readonly emails: ReadonlySet<string>;
  readonly handles: ReadonlySet<string>;
  readonly names: ReadonlySet<string>;
  /** For display and JSON: the emails as first written. */
  readonly display: readonly string[];
}

export interface MyIdentitySources {
  /** Contacts from git config (already mailmapped); the email may be missing. */
  readonly configured: readonly Contact[];
  /** `multiplier.identities` or `--me`: emails, `@handles` or names. */
  readonly aliases: readonly string[];
  /** Aliases' emails after the mailmap, when the caller resolved them. */
  readonly mailmappedAliases?: readonly Contact[];
}

export function buildMyIdentity(sources: MyIdentitySources): MyIdentity {
  const emails = new Map<string, string>();
  const handles = new Set<string>();
  const names = new Set<string>();
  const addEmail = (email: string): void => {
    if (!email) return;
    const key = personKey(email);
    if (!emails.has(key)) emails.set(key, email.trim());
    const login = githubNoreplyLogin(email);
    if (login) handles.add(login);
  };
  for (const contact of [...sources.configured, ...(sources.mailmappedAliases ?? [])]) addEmail(contact.email);
  for (const alias of sources.aliases) {
    const value = alias.trim();
    if (!value) continue;
    if (value.startsWith('@')) handles.add(value.slice(1).toLowerCase());
    else if (value.includes('@')) addEmail(value);
    else names.add(value.toLowerCase());
  }
  return { emails: new Set(emails.keys()), handles, names, display: [...emails.values(), ...[...handles].map((h) => `@${h}`)] };
}

export function isMe(me: MyIdentity, contact: Contact): boolean {
  if (me.emails.has(personKey(contact.email))) return true;
  const login = githubNoreplyLogin(contact.email);
  if (login && me.handles.has(login)) return true;
  return contact.name !== '' && me.names.has(contact.name.trim().toLowerCase());
}

/** An owner entry (`@handle` or email) that names me: then the area is mine. */
export function ownerIsMe(me: MyIdentity, owner: string): boolean {
  if (owner.startsWith('@')) return !owner.includes('/') && me.handles.has(owner.slice(1).toLowerCase());
  return me.emails.has(personKey(owner));
}

export function hasIdentity(me: MyIdentity): boolean {
  return me.emails.size > 0 || me.handles.size > 0 || me.names.size > 0;
}
