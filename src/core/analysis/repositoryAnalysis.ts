import type { MultiplierSettings } from '../config/settings';
import type { Contribution } from '../history/contributions';
import type { EarlierCommits } from '../index/earlierCommits';
import type { MyIdentity } from '../identity/myIdentity';
import type { Person } from '../identity/person';
import type { InferredAreas } from '../areas/areaLookup';
import type { PathFilter } from '../history/pathFilter';
import type { OwnershipResolverInput } from '../ownership/ownershipResolver';
import type { AreaReport } from './areaReport';
import type { Balance } from './balance';

/** What every analysis needs besides the history. */
export interface AnalysisContext {
  readonly settings: MultiplierSettings;
  /** The ownership rules; areas are inferred from history where none applies specifically (`multiplier.areas.inferFromHistory`). */
  readonly ownership: OwnershipResolverInput;
  readonly me: MyIdentity;
  /** When the analysis is made, in seconds since the epoch. */
  readonly nowSeconds: number;
  /** How many people to suggest per area. */
  readonly suggestionLimit?: number;
  /** The filter of `settings.ignore`, when the caller has one (the scan's, or a session's `ScanMemory`); otherwise a new one. */
  readonly pathFilter?: PathFilter;
}

export interface RepositoryAnalysis {
  readonly head: string;
  readonly windowDays: number;
  readonly windowStartSeconds: number;
  readonly nowSeconds: number;
  readonly shallow: boolean;
  /** Every area with files, activity, or history in files since deleted (someone to ask when it comes back), nudges first. */
  readonly areas: readonly AreaReport[];
  /** The folders history made areas of, so the same lookup can be built elsewhere (the host). */
  readonly inferredAreas: InferredAreas;
  /** The area report for a path, or undefined when nobody owns the path and history does not speak. */
  readonly areaOf: (path: string) => AreaReport | undefined;
  /** Counted contributions of the recent window, whole, newest first (for the handoff note). */
  readonly contributions: readonly Contribution[];
  /** The year's counted commits before those (who a blamed line of that time is credited to). */
  readonly earlierCommits: EarlierCommits;
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
