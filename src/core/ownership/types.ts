/** Which dialect of CODEOWNERS a file is read with; they differ in anchoring, escapes and sections. */
export type CodeownersFlavor = 'github' | 'gitlab';

/** Where an ownership rule came from. Settings rules win over CODEOWNERS. */
export type OwnershipSource = 'settings' | 'codeowners';

/** One ordered `pattern → owners` rule. */
export interface OwnershipRule {
  /** The pattern as written (after unescaping), used to name the area. */
  readonly pattern: string;
  /** Owner handles (`@org/team`, `@user`) or emails, as written. Empty means "explicitly unowned". */
  readonly owners: readonly string[];
  readonly source: OwnershipSource;
  /** `.github/CODEOWNERS`, `CODEOWNERS`, … or `multiplier.ownershipMap`. */
  readonly sourcePath: string;
  /** 1-based line number in the CODEOWNERS file; for settings, the 1-based position in the map. */
  readonly line: number;
  /** GitLab section name (as first written), undefined for the default section and for GitHub. */
  readonly section?: string;
  /** GitLab `!pattern`: excludes matching paths from ownership within its section. */
  readonly exclusion?: boolean;
}

export type CodeownersProblemKind =
  | 'Invalid pattern'
  | 'Invalid owner'
  | 'Invalid section'
  | 'Unsupported syntax'
  | 'File too large';

/** An invalid CODEOWNERS line, skipped and reported like GitHub's "CODEOWNERS errors". */
export interface CodeownersProblem {
  /** 1-based line number; 0 when the problem is about the whole file (e.g. 'File too large'). */
  readonly line: number;
  readonly kind: CodeownersProblemKind;
  /** A short, specific sentence for the user, e.g. "`docs@` is not a valid owner". */
  readonly message: string;
}

/** The outcome of resolving one path. */
export interface OwnershipMatch {
  /** The area's name: the pattern of the governing rule, e.g. `src/payments/`. */
  readonly area: string;
  /** Resolved owners; empty when the governing rule clears ownership. */
  readonly owners: readonly string[];
  readonly source: OwnershipSource;
  readonly sourcePath: string;
  /** The rules that produced this answer (one for GitHub/settings, one per section for GitLab). */
  readonly rules: readonly OwnershipRule[];
}
