import type { PathFilter } from '../history/pathFilter';
import { createPathFilter } from '../history/pathFilter';
import type { GitVersion, GitVersionMemory } from '../git/openRepository';
import type { OwnershipResolverInput } from '../ownership/ownershipResolver';

/** Rule sets (and ignore lists) remembered at once: a session's few repositories, and a setting or two being edited. */
const KEPT = 4;

/**
 * What a long-lived session (the analysis worker, the bench's session) remembers between scans:
 * answers that stay true while their inputs stay the same. A commit changes neither git, nor the
 * rules, nor the ignore globs, so the update that follows it starts no `git version` and asks
 * none of the per-path questions (which area, does it count) the scan before it answered: those
 * answers hang on the rules object and the filter, which are handed back when the content is the
 * same. Anything edited (CODEOWNERS, a setting) is new content, so it gets new objects and fresh
 * answers. One memory serves one git binary.
 */
export class ScanMemory implements GitVersionMemory {
  private gitVersion: GitVersion | undefined;
  private readonly ownershipByContent = new Map<string, OwnershipResolverInput>();
  private readonly filtersByIgnore = new Map<string, PathFilter>();

  /** The git version this session found, read only once; a failed or unsupported read is never kept. */
  async knownGitVersion(read: () => Promise<GitVersion | undefined>, supported: (version: GitVersion) => boolean): Promise<GitVersion | undefined> {
    if (this.gitVersion) return this.gitVersion;
    const version = await read();
    if (version && supported(version)) this.gitVersion = version;
    return version;
  }

  /** An earlier rules object with the same rules, so that what was worked out for it (compiled rules, each path's answer) is used again. */
  sameOwnership(ownership: OwnershipResolverInput): OwnershipResolverInput {
    return kept(this.ownershipByContent, JSON.stringify([ownership.flavor, ownership.settingsRules, ownership.codeownersRules]), () => ownership);
  }

  /** The path filter of these ignore globs, each path's answer remembered across scans. */
  pathFilter(ignore: readonly string[]): PathFilter {
    return kept(this.filtersByIgnore, JSON.stringify(ignore), () => createPathFilter(ignore));
  }
}

/** The value kept under `key`, made when missing; the least recently used goes beyond KEPT. */
function kept<T>(map: Map<string, T>, key: string, make: () => T): T {
  const found = map.get(key);
  if (found !== undefined) {
    map.delete(key);
    map.set(key, found);
    return found;
  }
  const made = make();
  map.set(key, made);
  if (map.size > KEPT) map.delete(map.keys().next().value as string);
  return made;
}
