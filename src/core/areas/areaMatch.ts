import type { OwnershipMatch, OwnershipSource } from '../ownership/types';

/** Where an area came from: a rule of the ownership map or CODEOWNERS, or history alone. */
export type AreaSource = OwnershipSource | 'history';

/** The area a path lies in, as every analysis names it. */
export interface AreaMatch {
  /** Stable within a scan and across scans of the same rules and folders. */
  readonly key: string;
  /** A rule's pattern (`src/payments/`), or an inferred folder (`/src/payments/`, `/` for the top level). */
  readonly area: string;
  /** The governing rule's owners; none for an area only history speaks for. */
  readonly owners: readonly string[];
  readonly source: AreaSource;
  /** `.github/CODEOWNERS`, `multiplier.ownershipMap`, or `history`. */
  readonly sourcePath: string;
  /** For an area inferred inside a catch-all rule: that rule's pattern (`*`). */
  readonly rule: string | undefined;
  /** For an inferred area: its folder, `''` for the top level. */
  readonly directory: string | undefined;
}

/** The `sourcePath` of areas no rule covers. */
export const HISTORY_SOURCE_PATH = 'history';

/** A stable key for a rule's area: the same pattern with different owners (GitLab sections) differs. */
export function areaKey(match: OwnershipMatch): string {
  return `${match.source}\0${match.area}\0${match.owners.join(' ')}`;
}

/** The area of a rule, named by its pattern. */
export function ruleArea(match: OwnershipMatch): AreaMatch {
  return { key: areaKey(match), area: match.area, owners: match.owners, source: match.source, sourcePath: match.sourcePath, rule: undefined, directory: undefined };
}

/** A folder name as a pattern: its `*`, `?`, `[` or `\` must not act as glob syntax. */
export function literalPattern(name: string): string {
  return name.replace(/[\\*?[\]]/g, (char) => `\\${char}`);
}

/** `''` → `/`; `src/payments` → `/src/payments/`: an anchored pattern naming exactly that folder. */
export function directoryPattern(directory: string): string {
  return directory === '' ? '/' : `/${directory}/`;
}

/**
 * The inferred area of a folder: alone (`governing` undefined, no rule covers it) or inside the
 * catch-all rule that governs it, whose owners it keeps.
 */
export function inferredArea(directory: string, governing: OwnershipMatch | undefined): AreaMatch {
  const area = directoryPattern(directory);
  if (!governing) {
    return { key: `history\0${area}`, area, owners: [], source: 'history', sourcePath: HISTORY_SOURCE_PATH, rule: undefined, directory };
  }
  return {
    // The folder's name second, as in every area key (areaNameOfKey reads it there).
    key: `${governing.source}\0${area}\0${governing.owners.join(' ')}\0${governing.area}`,
    area,
    owners: governing.owners,
    source: governing.source,
    sourcePath: governing.sourcePath,
    rule: governing.area,
    directory,
  };
}

/** Whether an area was read from history (alone, or inside a catch-all rule) rather than named by a rule. */
export function isInferredArea(area: { readonly directory: string | undefined }): boolean {
  return area.directory !== undefined;
}
