import type { Person } from '../identity/person';
import { fileAuthors, type FileAuthorship } from '../knowledge/degreeOfAuthorship';
import type { HandoffKnower } from './handoffModel';

/**
 * A handoff note names a few people, and a few files each: enough to know whom to ask about what,
 * short enough to paste into a chat. Files I changed come first, since those are what the reader
 * takes over.
 */
export const MAX_KNOWERS = 5;
export const MAX_NAMED_FILES = 3;

export interface AreaKnowersInput {
  /** The area's files at HEAD that count. */
  readonly files: readonly string[];
  /** DOA records by current path. */
  readonly knowledge: ReadonlyMap<string, FileAuthorship>;
  readonly people: ReadonlyMap<string, Person>;
  /** Who the note does not list: me, and the person it is for. */
  readonly leaveOut: (personKey: string) => boolean;
  /** Files I changed in the window. */
  readonly changedByMe: ReadonlySet<string>;
}

export interface AreaKnowers {
  /** Most known files first. */
  readonly knowers: readonly HandoffKnower[];
  /** How many more people know some of the area's files. */
  readonly more: number;
}

/** Who else knows the area's code: the DOA authors of its files, with the files each knows. */
export function areaKnowers(input: AreaKnowersInput): AreaKnowers {
  const known = new Map<string, Array<{ path: string; doa: number }>>();
  for (const path of input.files) {
    const record = input.knowledge.get(path);
    if (!record) continue;
    for (const author of fileAuthors(record)) {
      if (input.leaveOut(author.person)) continue;
      const files = known.get(author.person) ?? [];
      files.push({ path, doa: author.doa });
      known.set(author.person, files);
    }
  }
  const ranked = [...known]
    .map(([key, files]) => ({ person: input.people.get(key), key, files }))
    .filter((entry): entry is { person: Person; key: string; files: Array<{ path: string; doa: number }> } => entry.person !== undefined)
    .sort((a, b) => b.files.length - a.files.length || b.person.lastActive - a.person.lastActive || compareText(a.key, b.key));
  const knowers = ranked.slice(0, MAX_KNOWERS).map(({ person, files }) => ({
    name: person.name,
    email: person.email,
    knownFiles: files.length,
    namedFiles: namedFirst(files, input.changedByMe).slice(0, MAX_NAMED_FILES),
  }));
  return { knowers, more: ranked.length - knowers.length };
}

/** Files I changed first, then the ones the person knows best, then by path. */
function namedFirst(files: ReadonlyArray<{ path: string; doa: number }>, changedByMe: ReadonlySet<string>): string[] {
  const mine = (path: string): number => (changedByMe.has(path) ? 0 : 1);
  return [...files].sort((a, b) => mine(a.path) - mine(b.path) || b.doa - a.doa || compareText(a.path, b.path)).map((file) => file.path);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
