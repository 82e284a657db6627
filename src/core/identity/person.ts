/**
 * People as history shows them. A person is keyed by their lowercased (mailmapped) email; the
 * original spelling is kept for display.
 */

export interface Contact {
  readonly name: string;
  readonly email: string;
}

/** Someone seen in history, keyed by their lowercased (mailmapped) email. */
export interface Person {
  readonly key: string;
  /** Name and email of the person's latest commit. */
  name: string;
  email: string;
  /** Author time of the commit the name was taken from. */
  namedAt: number;
  readonly githubLogin: string | undefined;
  /** Every name this email was seen with, lowercased, for matching `multiplier.teams` entries. */
  readonly names: Set<string>;
  /** Author time of the person's latest counted commit (seconds). */
  lastActive: number;
}

/** The key people are compared by: the email, trimmed and lowercased. */
export function personKey(email: string): string {
  return email.trim().toLowerCase();
}

const NOREPLY = /^(?:(\d+)\+)?([^@\s]+)@users\.noreply\.github\.com$/i;

/** The GitHub login behind `ID+login@users.noreply.github.com` or `login@users.noreply.github.com`. */
export function githubNoreplyLogin(email: string): string | undefined {
  const match = NOREPLY.exec(email.trim());
  return match?.[2]?.toLowerCase();
}

/** Parses a `Name <email>` trailer value; a bare email is accepted too. */
export function parseContact(value: string): Contact | undefined {
  const angled = /^\s*(.*?)\s*<([^<>\s]+@[^<>\s]*)>\s*$/.exec(value);
  if (angled) return { name: angled[1] ?? '', email: angled[2] ?? '' };
  const bare = /^\s*([^<>\s]+@[^<>\s]+)\s*$/.exec(value);
  if (bare) return { name: '', email: bare[1] ?? '' };
  return undefined;
}

/**
 * A `Co-authored-by` trailer value as a contact, or undefined when it is not one. A name holding
 * a line break, NUL or angle bracket could not be passed back to git's mailmap intact.
 */
export function coAuthorContact(raw: string): Contact | undefined {
  const contact = parseContact(raw);
  return contact && !/[\n\0<>]/.test(contact.name) ? contact : undefined;
}

export function formatContact(contact: Contact): string {
  return contact.name ? `${contact.name} <${contact.email}>` : `<${contact.email}>`;
}
