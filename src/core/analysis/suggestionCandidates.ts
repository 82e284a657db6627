import type { AreaActivity } from './areaActivity';
import type { OwnerMembers } from './ownerMembers';

/**
 * Who may be suggested in an inferred area: configured members of the governing rule's teams who
 * know it or changed it recently; when there are none (no rule, or a team whose members are not
 * configured), its de facto owners and whoever changed it recently. The ranking orders them.
 */
export function suggestionCandidates(owners: ReadonlyArray<{ readonly members: OwnerMembers }>, area: AreaActivity): Set<string> {
  const worksHere = (key: string): boolean => (area.authoredFiles.get(key) ?? 0) > 0 || (area.commitsBy.get(key) ?? 0) > 0;
  const configured = owners.filter(({ members }) => !members.inferred).flatMap(({ members }) => [...members.members].filter(worksHere));
  if (configured.length > 0) return new Set(configured);
  return new Set([...area.authoredFiles.keys(), ...area.commitsBy.keys()]);
}
