/** The shapes of validated settings, apart from the validators so each of them can use them. */

export type CodeownersFlavorSetting = 'auto' | 'github' | 'gitlab';

/** One `pattern → owners` rule of `multiplier.ownershipMap`. Empty owners means "explicitly unowned". */
export interface OwnershipMapEntry {
  readonly pattern: string;
  readonly owners: readonly string[];
}

/** Validated settings: every value here is usable as is. */
export interface MultiplierSettings {
  readonly enabled: boolean;
  /** Ordered, as written in the setting; later entries win, like CODEOWNERS. */
  readonly ownershipMap: ReadonlyArray<OwnershipMapEntry>;
  readonly teams: Readonly<Record<string, readonly string[]>>;
  readonly identities: readonly string[];
  readonly windowDays: number;
  readonly nudge: { readonly shareThreshold: number; readonly minCommits: number };
  readonly ignore: readonly string[];
  readonly bots: readonly string[];
  /** Extra AI-agent identities (substrings or `*` globs), on top of the known agents. */
  readonly agents: readonly string[];
  /** Globs of decision-bearing files (ADRs, RFCs, API contracts, schemas); replaces the defaults when set. */
  readonly decisionFiles: readonly string[];
  readonly codeowners: { readonly enabled: boolean; readonly flavor: CodeownersFlavorSetting };
}

/** One unusable setting or entry: `key` is exact (`multiplier.ignore[2]`), `message` says why. */
export interface SettingProblem {
  readonly key: string;
  readonly message: string;
}

export type ReportProblem = (key: string, message: string) => void;
