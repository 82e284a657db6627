/**
 * The de facto owners of an area no specific rule governs: the people who hold its knowledge,
 * by degree of authorship over all history (renames followed, mailmap applied).
 */
import type { Person } from '../identity/person';
import { isFormer } from './presence';

/** How many de facto owners an area report keeps, most knowledge first. */
export const MAINTAINERS_KEPT = 5;

export interface Maintainer {
  readonly name: string;
  readonly email: string;
  /** Files of the area they are a DOA author of. */
  readonly knownFiles: number;
  /** Their latest counted commit anywhere, seconds since the epoch. */
  readonly lastActiveSeconds: number;
  /** No commit anywhere for a year (`isFormer`): still a builder, suggested last. */
  readonly former: boolean;
}

export interface DeFactoOwnersContext {
  readonly people: ReadonlyMap<string, Person>;
  readonly isMe: (key: string) => boolean;
  readonly isBot: (person: Person) => boolean;
  readonly nowSeconds: number;
}

/**
 * Everyone who authors files of the area, never me or bots, ranked by the files they know, then
 * by who was active last (a tie goes to the one still around), then by key so the order is stable.
 */
export function deFactoOwners(authoredFiles: ReadonlyMap<string, number>, context: DeFactoOwnersContext): Array<Maintainer & { readonly key: string }> {
  const owners: Array<Maintainer & { readonly key: string }> = [];
  for (const [key, knownFiles] of authoredFiles) {
    const person = context.people.get(key);
    if (!person || knownFiles <= 0 || context.isMe(key) || context.isBot(person)) continue;
    owners.push({ key, name: person.name, email: person.email, knownFiles, lastActiveSeconds: person.lastActive, former: isFormer(person.lastActive, context.nowSeconds) });
  }
  return owners.sort((a, b) => b.knownFiles - a.knownFiles || b.lastActiveSeconds - a.lastActiveSeconds || a.key.localeCompare(b.key));
}
