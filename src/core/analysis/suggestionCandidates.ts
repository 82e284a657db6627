import { peopleOfArea, type AreaActivity } from './areaActivity';
import type { OwnerMembers } from './ownerMembers';

/**
 * Who may be suggested in an inferred area: configured members of the governing rule's teams who
 * know it or changed it; when there are none (no rule, or a team whose members are not
 * configured), history is the team: its de facto owners and whoever changed its files (then
 * `fromHistory`). The ranking orders them.
 */
export function suggestionCandidates(owners: ReadonlyArray<{ readonly members: OwnerMembers }>, area: AreaActivity): { candidates: Set<string>; fromHistory: boolean } {
  const people = peopleOfArea(area);
  const configured = owners.filter(({ members }) => !members.inferred).flatMap(({ members }) => [...members.members].filter((key) => people.has(key)));
  if (configured.length > 0) return { candidates: new Set(configured), fromHistory: false };
  return { candidates: people, fromHistory: true };
}
