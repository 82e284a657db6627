/** Placeholder: replaced by the settings validator. */
export interface MultiplierSettings {
  readonly enabled: boolean;
  /** Ordered, as written in the setting; later entries win, like CODEOWNERS. */
  readonly ownershipMap: ReadonlyArray<{ readonly pattern: string; readonly owners: readonly string[] }>;
  readonly teams: Readonly<Record<string, readonly string[]>>;
  readonly identities: readonly string[];
  readonly windowDays: number;
  readonly nudge: { readonly shareThreshold: number; readonly minCommits: number };
  readonly ignore: readonly string[];
  readonly bots: readonly string[];
  readonly codeowners: { readonly enabled: boolean; readonly flavor: 'auto' | 'github' | 'gitlab' };
}
