import type { AreaLookup } from '../areas/areaLookup';
import type { AreaMatch } from '../areas/areaMatch';

/** The area's name inside an area key (`AreaMatch.key`: source, name, …), for messages about a key alone. */
export function areaNameOfKey(key: string): string {
  return key.split('\0')[1] ?? key;
}

/** Every area the analysis meets, by key; one lookup per distinct path. */
export class AreaIndex {
  private readonly byPath = new Map<string, string | null>();
  readonly areas = new Map<string, AreaMatch>();

  constructor(private readonly lookup: AreaLookup) {}

  /** The key of the area a path lies in, or undefined when nobody owns it and history does not speak. */
  areaOf(path: string): string | undefined {
    let key = this.byPath.get(path);
    if (key === undefined) {
      const match = this.lookup(path);
      key = match ? match.key : null;
      if (match && !this.areas.has(match.key)) this.areas.set(match.key, match);
      this.byPath.set(path, key);
    }
    return key ?? undefined;
  }

  match(key: string): AreaMatch | undefined {
    return this.areas.get(key);
  }
}
