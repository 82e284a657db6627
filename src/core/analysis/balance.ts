/**
 * Where my hands-on time went in the window: my commits in areas of mine, paired with the owners
 * of a team's area, solo in a team's area, or where nobody owns the code. Each commit counts
 * once, for the part of it that takes most from a team: solo in a team area before paired,
 * paired before my own areas.
 */
import type { Contribution } from '../history/contributions';

export interface Balance {
  readonly own: number;
  readonly paired: number;
  readonly teamSolo: number;
  readonly unowned: number;
}

export interface BalanceArea {
  readonly isMine: boolean;
  /** Whether this commit of mine was paired with the area's owners. */
  readonly pairedIn: (commit: Contribution) => boolean;
}

/** Tallies my counted window commits with changes that count; `areaOf` names an owned area's key. */
export function workBalance(myCommits: Iterable<Contribution>, areaOf: (path: string) => string | undefined, area: (key: string) => BalanceArea | undefined): Balance {
  const balance = { own: 0, paired: 0, teamSolo: 0, unowned: 0 };
  for (const commit of myCommits) {
    if (commit.changes.length === 0) continue;
    const touched = new Set<BalanceArea>();
    for (const change of commit.changes) {
      const key = areaOf(change.path);
      const found = key === undefined ? undefined : area(key);
      if (found) touched.add(found);
    }
    const teamAreas = [...touched].filter((a) => !a.isMine);
    if (teamAreas.some((a) => !a.pairedIn(commit))) balance.teamSolo++;
    else if (teamAreas.length > 0) balance.paired++;
    else if (touched.size > 0) balance.own++;
    else balance.unowned++;
  }
  return balance;
}
