import type { PathFilter } from '../history/pathFilter';
import type { OwnershipRule } from '../ownership/types';
import { percent } from '../text/wording';

/** Where the evaluation's areas come from; `auto` prefers CODEOWNERS when it says enough. */
export type AreaSource = 'auto' | 'codeowners' | 'directories';

/** Label of the synthetic rules, shown where a rule's source path would be. */
export const DIRECTORY_RULES_SOURCE = 'top-level directories';
/** The area of files at the top of the tree, which no directory rule covers. */
export const ROOT_FILES_OWNER = '@area/(root)';

/**
 * One rule per top-level directory, owned by a synthetic team `@area/<dir>`, so each directory is
 * one area whose members are inferred from history: the extension's path for a repository
 * without `multiplier.teams`. Files at the top level form one more area (`/*`): in git/git that
 * is most of the C code, and leaving it out would leave out the project's core.
 */
export function topLevelDirectoryRules(paths: Iterable<string>): OwnershipRule[] {
  const directories = new Set<string>();
  let hasRootFiles = false;
  for (const path of paths) {
    const slash = path.indexOf('/');
    if (slash > 0) directories.add(path.slice(0, slash));
    else hasRootFiles = true;
  }
  const rules: OwnershipRule[] = [];
  if (hasRootFiles) rules.push(syntheticRule('/*', ROOT_FILES_OWNER, rules.length));
  for (const directory of [...directories].sort()) {
    rules.push(syntheticRule(`/${escapePattern(directory)}/`, `@area/${directory}`, rules.length));
  }
  return rules;
}

function syntheticRule(pattern: string, owner: string, index: number): OwnershipRule {
  return { pattern, owners: [owner], source: 'settings', sourcePath: DIRECTORY_RULES_SOURCE, line: index + 1 };
}

/** A directory name is a literal: its `*`, `?`, `[` or `\` must not act as glob syntax. */
function escapePattern(name: string): string {
  return name.replace(/[\\*?[\]]/g, (char) => `\\${char}`);
}

export interface AreaChoice {
  readonly source: 'codeowners' | 'directories';
  /** Why this source, in one sentence for the report. */
  readonly why: string;
}

/** CODEOWNERS must give owners to at least this share of the files that count to define the areas. */
export const MIN_CODEOWNERS_COVERAGE = 0.5;

/**
 * Which areas to evaluate. CODEOWNERS files in the wild are often a stub (curl's has only comments,
 * rails' one line for `.rubocop.yml`); scoring one file's owner says nothing about the ranking,
 * so `auto` falls back to directories unless CODEOWNERS owns most of the tree.
 */
export function chooseAreaSource(
  requested: AreaSource,
  codeowners: { readonly path: string | undefined; readonly ownedFiles: number },
  countedFiles: number,
): AreaChoice {
  if (requested === 'directories') return { source: 'directories', why: 'top-level directories, as asked' };
  if (requested === 'codeowners') return { source: 'codeowners', why: `${codeowners.path ?? 'CODEOWNERS (none found)'}, as asked` };
  if (!codeowners.path) return { source: 'directories', why: 'top-level directories: the repository has no CODEOWNERS' };
  const coverage = countedFiles > 0 ? codeowners.ownedFiles / countedFiles : 0;
  const share = `${percent(coverage)} of files`;
  return coverage >= MIN_CODEOWNERS_COVERAGE
    ? { source: 'codeowners', why: `${codeowners.path}, which gives owners to ${share}` }
    : { source: 'directories', why: `top-level directories: ${codeowners.path} gives owners to only ${share}` };
}

/** How many of the files that count have an owner under `ownersOf`. */
export function ownedFileCount(files: readonly string[], countsPath: PathFilter, ownersOf: (path: string) => readonly string[] | undefined): { owned: number; counted: number } {
  let owned = 0;
  let counted = 0;
  for (const path of files) {
    if (!countsPath(path)) continue;
    counted++;
    if ((ownersOf(path)?.length ?? 0) > 0) owned++;
  }
  return { owned, counted };
}
