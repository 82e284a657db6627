/**
 * Adding an identity to `multiplier.identities` from the "Confirm My Identity" command: what the
 * user may type (and a clear sentence when it is not usable), and the list to write at the scope
 * they chose, so that nothing they set at another scope stops applying.
 */
import { MAX_LIST_ITEM_LENGTH } from '../config/listSettings';
import { parseContact, personKey } from '../identity/person';

/** GitHub's rule for logins: letters, digits and single inner hyphens, at most 39 characters. */
const GITHUB_LOGIN = /^[a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38}$/i;
const EMAIL = /^[^\s@<>]+@[^\s@<>]+$/;

export type AliasKind = 'email' | 'handle' | 'name';

/** How `multiplier.identities` reads an entry: `@handle`, an email, or a name. */
export function aliasKind(alias: string): AliasKind {
  const value = alias.trim();
  if (value.startsWith('@')) return 'handle';
  return value.includes('@') ? 'email' : 'name';
}

/**
 * Why `input` cannot be added as one of my identities, or undefined when it can. `known` holds
 * what already counts as me (configured aliases and the resolved emails and `@handles`).
 */
export function aliasProblem(input: string, known: readonly string[]): string | undefined {
  const value = input.trim();
  if (value === '') return 'Enter an email, a GitHub @handle, or the name you commit under.';
  if (value.length > MAX_LIST_ITEM_LENGTH) return `That is ${value.length} characters long; an identity can have at most ${MAX_LIST_ITEM_LENGTH}.`;
  if (/[\0-\x1f\x7f]/.test(value)) return 'An identity is one line of plain text.';
  const contact = value.includes('<') ? parseContact(value) : undefined;
  if (contact) return `Enter just the email, without the name: ${contact.email}`;
  if (/[<>]/.test(value)) return 'Enter just the email, without angle brackets: lee@example.com';
  switch (aliasKind(value)) {
    case 'handle': {
      const login = value.slice(1);
      if (login.includes('/')) return `${value} is a team. Enter your own @handle; Multiplier learns who is on a team from multiplier.teams.`;
      if (!GITHUB_LOGIN.test(login)) return 'A GitHub @handle has letters, digits and single hyphens, at most 39 characters: @lee-leader';
      break;
    }
    case 'email':
      if (!EMAIL.test(value)) return `${value} is not an email address: it needs one @ with something on each side, and no spaces.`;
      break;
    case 'name':
      if (!/\p{L}/u.test(value)) return 'Enter an email, a GitHub @handle, or the name you commit under.';
      break;
  }
  const key = personKey(value);
  if (known.some((entry) => personKey(entry) === key)) return `${value} is already one of your identities.`;
  return undefined;
}

/** The scopes VS Code settings can be written at, most general first. */
export type SettingScope = 'user' | 'workspace' | 'folder';

const SCOPE_ORDER: readonly SettingScope[] = ['user', 'workspace', 'folder'];

/** A setting's value as written at each scope (VS Code's `inspect`), undefined where unset. */
export type ScopedValues = Partial<Record<SettingScope, unknown>>;

export interface IdentitiesWrite {
  /** The whole list to write at the chosen scope. */
  readonly value: readonly string[];
  /** A more specific scope whose own list wins over the chosen one in this folder. */
  readonly shadowedBy: SettingScope | undefined;
}

/**
 * The list to write at `scope` to add `alias`. A list setting is not merged across scopes: the
 * most specific one set wins whole. So when the chosen scope becomes the one that applies, the
 * list that applied before (from a more general scope) is carried into it; otherwise the alias
 * joins the list already there and `shadowedBy` names the scope that still wins.
 */
export function identitiesToWrite(values: ScopedValues, scope: SettingScope, alias: string): IdentitiesWrite {
  const position = SCOPE_ORDER.indexOf(scope);
  const shadowedBy = SCOPE_ORDER.slice(position + 1).find((more) => values[more] !== undefined);
  const applying = [...SCOPE_ORDER.slice(0, position + 1)].reverse().find((s) => values[s] !== undefined);
  const base = shadowedBy ? stringsOf(values[scope]) : stringsOf(applying === undefined ? undefined : values[applying]);
  const value = base.some((entry) => personKey(entry) === personKey(alias)) ? base : [...base, alias.trim()];
  return { value, shadowedBy };
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
