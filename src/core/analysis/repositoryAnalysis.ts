import type { MultiplierSettings } from '../config/settings';
import type { Contribution } from '../history/contributions';
import type { MyIdentity } from '../identity/myIdentity';
import type { Person } from '../identity/person';
import type { InferredAreas } from '../areas/areaLookup';
import type { OwnershipResolverInput } from '../ownership/ownershipResolver';
import type { AreaReport } from './areaReport';

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
  /** Counted contributions of the recent window and before it, newest first (for the handoff note). */
  readonly contributions: readonly Contribution[];
  readonly people: ReadonlyMap<string, Person>;
  /** Whether a person key is me (by email, GitHub handle or an alias name). */
  readonly isMe: (personKey: string) => boolean;
}
