import type { MultiplierSettings } from '../config/settings';
import type { Contribution } from '../history/contributions';
import type { MyIdentity } from '../identity/myIdentity';
import type { Person } from '../identity/person';
import type { OwnerLookup } from './areas';
import type { AreaReport } from './areaReport';
import type { Balance } from './balance';

/** What every analysis needs besides the history. */
export interface AnalysisContext {
  readonly settings: MultiplierSettings;
  readonly ownerOf: OwnerLookup;
  readonly me: MyIdentity;
  /** When the analysis is made, in seconds since the epoch. */
  readonly nowSeconds: number;
  /** How many people to suggest per area. */
  readonly suggestionLimit?: number;
}

export interface RepositoryAnalysis {
  readonly head: string;
  readonly windowDays: number;
  readonly windowStartSeconds: number;
  readonly nowSeconds: number;
  readonly shallow: boolean;
  /** Every owned area with files, activity, or history in files since deleted (someone to ask when it comes back), nudges first. */
  readonly areas: readonly AreaReport[];
  /** The area report for a path, or undefined when nobody owns the path. */
  readonly areaOf: (path: string) => AreaReport | undefined;
  /** Counted contributions of the recent window and before it, newest first (for the handoff note). */
  readonly contributions: readonly Contribution[];
  readonly people: ReadonlyMap<string, Person>;
  /** Whether a person key is me (by email, GitHub handle or an alias name). */
  readonly isMe: (personKey: string) => boolean;
  /** Where my commits of the window went: areas of mine, paired, solo in team areas, unowned. */
  readonly balance: Balance;
  /** My solo commits in an area in the window, newest first (what replaced lines are read for). */
  readonly mySoloCommits: (areaKey: string) => readonly Contribution[];
}

/** The analysis with some area reports replaced (same keys), e.g. once replaced lines are read. */
export function withAreaReports(analysis: RepositoryAnalysis, updated: ReadonlyMap<string, AreaReport>): RepositoryAnalysis {
  if (updated.size === 0) return analysis;
  const fresh = (report: AreaReport): AreaReport => updated.get(report.key) ?? report;
  return {
    ...analysis,
    areas: analysis.areas.map(fresh),
    areaOf: (path) => {
      const report = analysis.areaOf(path);
      return report && fresh(report);
    },
  };
}
