import { personKey } from '../identity/person';
import type { MyIdentity } from '../identity/myIdentity';
import { isMe } from '../identity/myIdentity';
import type { Person } from '../identity/person';

/** Who stands behind an owner entry, and whether we had to guess. */
export interface OwnerMembers {
  readonly members: ReadonlySet<string>;
  /** True when `multiplier.teams` does not list the owner and members were inferred from history. */
  readonly inferred: boolean;
  /** True when the configured members include me (then areas of this owner are mine). */
  readonly includesMe: boolean;
}

export interface OwnerMembersContext {
  readonly teams: Readonly<Record<string, readonly string[]>>;
  readonly people: ReadonlyMap<string, Person>;
  readonly me: MyIdentity;
  /** People who know or recently worked in the owner's areas, for inference. */
  readonly workedInOwnerAreas: (owner: string) => ReadonlySet<string>;
}

/**
 * Resolves an owner (`@org/team`, `@user` or an email) to person keys: configured members first
 * (emails, `@logins`, or names as written in `multiplier.teams`), then what the handle itself
 * says, and only then who works in the owner's areas (marked inferred; never me).
 */
export function resolveOwnerMembers(owner: string, context: OwnerMembersContext): OwnerMembers {
  const configured = configuredMembers(owner, context.teams);
  if (configured) {
    const members = new Set<string>();
    let includesMe = false;
    for (const entry of configured) {
      for (const key of matchEntry(entry, context.people)) members.add(key);
      if (entryIsMe(entry, context.me)) includesMe = true;
    }
    return { members, inferred: false, includesMe };
  }
  if (!owner.startsWith('@')) return { members: new Set([personKey(owner)]), inferred: false, includesMe: false };
  if (!owner.includes('/')) {
    const login = owner.slice(1).toLowerCase();
    const byLogin = [...context.people.values()].filter((p) => p.githubLogin === login).map((p) => p.key);
    if (byLogin.length > 0) return { members: new Set(byLogin), inferred: false, includesMe: false };
  }
  const inferred = new Set([...context.workedInOwnerAreas(owner)].filter((key) => !isMeKey(key, context)));
  return { members: inferred, inferred: true, includesMe: false };
}

function configuredMembers(owner: string, teams: Readonly<Record<string, readonly string[]>>): readonly string[] | undefined {
  const wanted = owner.toLowerCase();
  const entry = Object.entries(teams).find(([team]) => team.toLowerCase() === wanted);
  return entry?.[1];
}

function matchEntry(entry: string, people: ReadonlyMap<string, Person>): string[] {
  const value = entry.trim();
  if (value.startsWith('@')) {
    const login = value.slice(1).toLowerCase();
    return [...people.values()].filter((p) => p.githubLogin === login).map((p) => p.key);
  }
  if (value.includes('@')) return [personKey(value)];
  const name = value.toLowerCase();
  return [...people.values()].filter((p) => p.names.has(name)).map((p) => p.key);
}

function entryIsMe(entry: string, me: MyIdentity): boolean {
  const value = entry.trim();
  if (value.startsWith('@')) return me.handles.has(value.slice(1).toLowerCase());
  if (value.includes('@')) return me.emails.has(personKey(value));
  return me.names.has(value.toLowerCase());
}

function isMeKey(key: string, context: OwnerMembersContext): boolean {
  const person = context.people.get(key);
  return context.me.emails.has(key) || (person !== undefined && isMe(context.me, { name: person.name, email: person.email }));
}
