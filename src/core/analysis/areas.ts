import type { OwnershipMatch } from '../ownership/types';

/** Answers "which area is this path in?"; one resolver call per distinct path. */
export type OwnerLookup = (path: string) => OwnershipMatch | undefined;

/** A stable key for an area: the same pattern with different owners (GitLab sections) differs. */
export function areaKey(match: OwnershipMatch): string {
  return `${match.source}\0${match.area}\0${match.owners.join(' ')}`;
}

/** The area's name inside a key made by `areaKey`, for messages about a key alone. */
export function areaNameOfKey(key: string): string {
  return key.split('\0')[1] ?? key;
}

export class AreaIndex {
  private readonly byPath = new Map<string, string | null>();
  /** Keys by answer: the resolver gives every path of a rule the same answer object. */
  private readonly keys = new Map<OwnershipMatch, string>();
  readonly areas = new Map<string, OwnershipMatch>();

  constructor(private readonly lookup: OwnerLookup) {}

  /** The key of the owned area a path lies in, or undefined when nobody owns it. */
  areaOf(path: string): string | undefined {
    let key = this.byPath.get(path);
    if (key === undefined) {
      const match = this.lookup(path);
      key = match && match.owners.length > 0 ? this.keyOf(match) : null;
      if (match && key !== null && !this.areas.has(key)) this.areas.set(key, match);
      this.byPath.set(path, key);
    }
    return key ?? undefined;
  }

  private keyOf(match: OwnershipMatch): string {
    let key = this.keys.get(match);
    if (key === undefined) {
      key = areaKey(match);
      this.keys.set(match, key);
    }
    return key;
  }

  match(key: string): OwnershipMatch | undefined {
    return this.areas.get(key);
  }
}
