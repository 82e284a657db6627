/**
 * Which area a handoff note is for, from the path the user named. The path must exist (in the
 * working tree or at HEAD), so a typo is an error rather than a note for the catch-all area; a
 * folder is judged by the files below it, so one that spans several areas is refused with their
 * list instead of being filed under whichever rule happens to match the folder's own name.
 */
import * as posixPath from 'node:path/posix';
import type { AreaReport } from '../analysis/areaReport';
import { createPathFilter } from '../history/pathFilter';
import { treeEntries } from '../git/repositoryCommands';
import type { ScanResult } from '../scan/scanRepository';

export class HandoffError extends Error {}

/** A path the user named, already placed in the repository by the front end that read it. */
export interface HandoffTarget {
  /** Repository-relative and `/`-separated; '' is the top level. Never outside the repository. */
  readonly path: string;
  /**
   * The folder a relative path was read from (`--repo DIR`, or the current folder), repository
   * relative: messages name paths from there, the way the user would type them.
   */
  readonly readFrom: string;
  /** Whether the path exists in the working tree (new, untracked files and folders do). */
  readonly inWorktree: boolean;
}

/** At most this many areas are listed when a folder spans several. */
const MAX_LISTED_AREAS = 8;

/** The area the note is for; throws HandoffError saying what to name instead. */
export async function handoffArea(scan: ScanResult, target: HandoffTarget, signal?: AbortSignal): Promise<AreaReport> {
  const shown = (repoPath: string): string => posixPath.relative(target.readFrom, repoPath) || '.';
  const named = areaNamed(scan, target.path);
  if (named) return named;
  const entries = target.path === '' ? [] : await scan.runner.run(treeEntries(leadingPaths(target.path)), { signal });
  const submodule = entries.find((entry) => entry.type === 'commit')?.path;
  if (submodule) {
    const inside = posixPath.relative(submodule, target.path) || '.';
    throw new HandoffError(
      `${shown(target.path)} is inside the submodule ${shown(submodule)}, a repository of its own whose history this repository does not hold. Write the note from the submodule: multiplier handoff ${inside} --repo ${shown(submodule)}`,
    );
  }
  const atHead = target.path === '' || entries.some((entry) => entry.path === target.path);
  if (!atHead && !target.inWorktree) {
    throw new HandoffError(`${shown(target.path)} does not exist, neither in the working tree nor at HEAD: name a file or folder of the area.`);
  }
  const areas = areasBelow(scan, target.path);
  const [only] = areas;
  if (areas.length === 0 || only === undefined) {
    throw new HandoffError(`${shown(target.path)} is not in a team-owned area: no ownership rule with owners matches it.`);
  }
  if (areas.length === 1) return only.area;
  const listed = areas.slice(0, MAX_LISTED_AREAS).map(({ area, example }) => `${area.area} (${area.owners.join(', ')}), e.g. ${shown(example)}`);
  const more = areas.length > MAX_LISTED_AREAS ? `; and ${areas.length - MAX_LISTED_AREAS} more` : '';
  throw new HandoffError(
    `${shown(target.path)} spans ${areas.length} team-owned areas; a note hands one area to its owners, so name a file or folder in one of them: ${listed.join('; ')}${more}.`,
  );
}

/** An area named as the scan prints it (`/src/payments/`, `src/payments`, `*.md`). */
function areaNamed(scan: ScanResult, path: string): AreaReport | undefined {
  const bare = (name: string): string => name.replace(/^\/|\/$/g, '');
  return scan.analysis.areas.find((area) => area.area === path || (path !== '' && bare(area.area) === bare(path)));
}

/** `a`, `a/b`, `a/b/c` for `a/b/c`: a submodule can be any of them. */
function leadingPaths(path: string): string[] {
  const segments = path.split('/');
  return segments.map((_, index) => segments.slice(0, index + 1).join('/'));
}

interface AreaWithExample {
  readonly area: AreaReport;
  /** The first file below the path that lies in the area. */
  readonly example: string;
}

/**
 * The owned areas of HEAD's counted files at or below `path`, in the order of the first file of
 * each. A path with no such file (a new file, an untracked folder, only ignored files) is looked
 * up by itself.
 */
function areasBelow(scan: ScanResult, path: string): AreaWithExample[] {
  const { analysis } = scan;
  const countsPath = createPathFilter(scan.settings.ignore);
  const prefix = path === '' ? '' : `${path}/`;
  const found = new Map<string, AreaWithExample>();
  for (const file of scan.index.files) {
    if ((file !== path && !file.startsWith(prefix)) || !countsPath(file)) continue;
    const area = analysis.areaOf(file);
    if (area && !found.has(area.key)) found.set(area.key, { area, example: file });
  }
  if (found.size > 0) return [...found.values()];
  const own = path === '' ? undefined : analysis.areaOf(path);
  return own ? [{ area: own, example: path }] : [];
}
