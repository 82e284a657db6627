/**
 * The one answer to "which area is this path in?", for the analysis in the worker and for the
 * status bar on the host alike: the ownership rules first, and, where no specific rule applies
 * and the setting allows it, the folder areas inferred from history.
 */
import type { InferFromHistorySetting } from '../config/settingTypes';
import type { PathFilter } from '../history/pathFilter';
import { createOwnershipResolver, type OwnershipResolverInput } from '../ownership/ownershipResolver';
import type { OwnershipMatch } from '../ownership/types';
import { areaDirectories, areaDirectoryOf } from './areaDirectories';
import { inferredArea, ruleArea, type AreaMatch } from './areaMatch';
import { catchAllGovernance } from './catchAll';

/** The area of a repo-relative, `/`-separated path; undefined when nobody owns it and history does not speak. */
export type AreaLookup = (path: string) => AreaMatch | undefined;

/** Which folders history made areas of: plain data, so it crosses to the host with the snapshot. */
export interface InferredAreas {
  readonly mode: InferFromHistorySetting;
  /** Area folders, `''` for the top level; empty when nothing is inferred. */
  readonly directories: readonly string[];
}

interface AreaRules {
  readonly ownerOf: (path: string) => OwnershipMatch | undefined;
  /** Whether a path with this match (undefined: no rule matches) gets an inferred area. */
  readonly inferable: (match: OwnershipMatch | undefined) => boolean;
}

type OwnerOf = (path: string) => OwnershipMatch | undefined;

/** What a rule set compiles to, once: inferring the folders and every later lookup share it. */
interface CompiledRules {
  /** The resolver, its answer remembered per path: inferring asks about every file of HEAD, and lookups ask again. */
  readonly ownerOf: OwnerOf;
  readonly governedByCatchAll: (match: OwnershipMatch) => boolean;
}

const compiledRules = new WeakMap<OwnershipResolverInput, CompiledRules>();
/** Paths whose owner is remembered before the memo starts again: a monorepo's history names millions. */
const MAX_REMEMBERED_ANSWERS = 1 << 20;

function compile(ownership: OwnershipResolverInput): CompiledRules {
  let compiled = compiledRules.get(ownership);
  if (!compiled) {
    const resolver = createOwnershipResolver(ownership);
    const answers = new Map<string, OwnershipMatch | null>();
    let catchAll: ((match: OwnershipMatch) => boolean) | undefined;
    compiled = {
      ownerOf: (path) => {
        let answer = answers.get(path);
        if (answer === undefined) {
          answer = resolver.ownerOf(path) ?? null;
          // A session keeps the rules object between scans (`ScanMemory`), so the answers are bounded as the path filter's are.
          if (answers.size >= MAX_REMEMBERED_ANSWERS) answers.clear();
          answers.set(path, answer);
        }
        return answer ?? undefined;
      },
      // Only `auto` asks, so the rules are read for catch-alls only then.
      governedByCatchAll: (match) => (catchAll ??= catchAllGovernance(ownership))(match),
    };
    compiledRules.set(ownership, compiled);
  }
  return compiled;
}

function areaRules(ownership: OwnershipResolverInput, mode: InferFromHistorySetting): AreaRules {
  const { ownerOf, governedByCatchAll } = compile(ownership);
  switch (mode) {
    case 'off':
      return { ownerOf, inferable: () => false };
    case 'noRulesOnly': {
      const noRules = ownership.settingsRules.length === 0 && ownership.codeownersRules.length === 0;
      return { ownerOf, inferable: () => noRules };
    }
    case 'auto':
      // A rule with no owners still applies: it says "nobody", on purpose.
      return { ownerOf, inferable: (match) => match === undefined || governedByCatchAll(match) };
  }
}

/** The area folders for HEAD's files that count and that no specific rule governs. */
export function inferAreas(ownership: OwnershipResolverInput, mode: InferFromHistorySetting, files: readonly string[], countsPath: PathFilter): InferredAreas {
  if (mode === 'off') return { mode, directories: [] };
  const rules = areaRules(ownership, mode);
  const inferable = files.filter((path) => countsPath(path) && rules.inferable(rules.ownerOf(path)));
  return { mode, directories: inferable.length > 0 ? areaDirectories(inferable) : [] };
}

export function createAreaLookup(ownership: OwnershipResolverInput, inferred: InferredAreas): AreaLookup {
  const rules = areaRules(ownership, inferred.mode);
  const folders = new Set(inferred.directories);
  // The resolver gives every path of a rule the same answer object: one area object per answer
  // (and per folder), not one per path, however many rules and files there are.
  const byRule = new Map<OwnershipMatch, AreaMatch>();
  const byFolder = new Map<OwnershipMatch | undefined, Map<string, AreaMatch>>();
  const folderArea = (directory: string, governing: OwnershipMatch | undefined): AreaMatch => {
    let areas = byFolder.get(governing);
    if (!areas) byFolder.set(governing, (areas = new Map()));
    let area = areas.get(directory);
    if (!area) areas.set(directory, (area = inferredArea(directory, governing)));
    return area;
  };
  const rulesArea = (match: OwnershipMatch): AreaMatch => {
    let area = byRule.get(match);
    if (!area) byRule.set(match, (area = ruleArea(match)));
    return area;
  };
  return (path) => {
    const match = rules.ownerOf(path);
    if (folders.size > 0 && rules.inferable(match)) return folderArea(areaDirectoryOf(path, folders), match);
    return match && match.owners.length > 0 ? rulesArea(match) : undefined;
  };
}
