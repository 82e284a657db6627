/**
 * Who owns an area, as people: what pairing, dives and their aftermath, the balance and the
 * handoff loop all ask. One function, so every signal agrees on it (and inferred areas extend it
 * with their de facto owners in one place).
 */
import type { Contribution } from '../history/contributions';
import type { OwnerMembers } from './ownerMembers';

/** Person keys of every member of the area's owners, configured or inferred. */
export function areaOwnerPeople(owners: ReadonlyArray<{ readonly members: OwnerMembers }>): ReadonlySet<string> {
  return new Set(owners.flatMap(({ members }) => [...members.members]));
}

/** My commit counts as pairing when one of the area's owners (not me) co-authored it. */
export function isPairedWithOwners(commit: Pick<Contribution, 'coAuthors'>, ownerPeople: ReadonlySet<string>, isMe: (key: string) => boolean): boolean {
  return commit.coAuthors.some((coAuthor) => ownerPeople.has(coAuthor) && !isMe(coAuthor));
}
