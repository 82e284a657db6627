/**
 * Degree of authorship (Fritz et al.; Avelino et al., ICPC 2016), exactly as the Truck-Factor
 * reference computes it:
 *
 *   DOA(d, f) = 3.293 + 1.098·FA + 0.164·DL − 0.321·ln(1 + AC)
 *
 * FA: d created f (or re-added it after someone else created it); DL: d's changes to f (edits and
 * renames; adds are not deliveries); AC: everyone else's changes to f. d is an author of f when
 * DOA(d,f) / max DOA(·,f) > 0.75 and (DOA ≥ 3.293 or d created or re-added f).
 */

export const DOA_WEIGHTS = {
  base: 3.293,
  firstAuthorship: 1.098,
  deliveries: 0.164,
  acceptances: 0.321,
} as const;
export const DOA_NORMALIZED_THRESHOLD = 0.75;
export const DOA_ABSOLUTE_THRESHOLD = 3.293;

export function degreeOfAuthorship(firstAuthorship: boolean, deliveries: number, acceptances: number): number {
  return (
    DOA_WEIGHTS.base +
    DOA_WEIGHTS.firstAuthorship * (firstAuthorship ? 1 : 0) +
    DOA_WEIGHTS.deliveries * deliveries -
    DOA_WEIGHTS.acceptances * Math.log(1 + acceptances)
  );
}

/** What history says about one file, accumulated change by change. */
export interface FileAuthorship {
  /** Person keys that created the file, or re-added it after it was created (FA = 1). */
  readonly creators: Set<string>;
  /** Changes (edits, renames) per person key: DL. */
  readonly deliveries: Map<string, number>;
  /** All counted changes to the file; AC(d) = changes − DL(d). */
  changes: number;
  /** Author time (seconds) of the last counted change, per person key. */
  readonly lastTouched: Map<string, number>;
}

export interface FileAuthorDegree {
  readonly person: string;
  readonly doa: number;
  readonly isAuthor: boolean;
}

/**
 * The people who count as authors of a file (who "know" it), best first: `authorDegrees`'
 * authors, without a degree object per contributor, since the analysis asks it of every file
 * in HEAD's tree.
 */
export function fileAuthors(file: FileAuthorship): FileAuthorDegree[] {
  let best = -Infinity;
  const degrees = new Map<string, number>();
  for (const person of file.creators) degrees.set(person, degreeIn(file, person));
  for (const person of file.deliveries.keys()) if (!degrees.has(person)) degrees.set(person, degreeIn(file, person));
  for (const doa of degrees.values()) best = Math.max(best, doa);
  const authors: FileAuthorDegree[] = [];
  for (const [person, doa] of degrees) {
    if (best > 0 && doa / best > DOA_NORMALIZED_THRESHOLD && (doa >= DOA_ABSOLUTE_THRESHOLD || file.creators.has(person))) authors.push({ person, doa, isAuthor: true });
  }
  if (authors.length > 1) authors.sort((a, b) => b.doa - a.doa || a.person.localeCompare(b.person));
  return authors;
}

function degreeIn(file: FileAuthorship, person: string): number {
  const deliveries = file.deliveries.get(person) ?? 0;
  return degreeOfAuthorship(file.creators.has(person), deliveries, file.changes - deliveries);
}

/** Every contributor of a file with their DOA and whether they count as its author, best first. */
export function authorDegrees(file: FileAuthorship): FileAuthorDegree[] {
  const people = new Set<string>([...file.creators, ...file.deliveries.keys()]);
  const degrees = [...people].map((person) => {
    const deliveries = file.deliveries.get(person) ?? 0;
    return { person, created: file.creators.has(person), doa: degreeOfAuthorship(file.creators.has(person), deliveries, file.changes - deliveries) };
  });
  const best = Math.max(...degrees.map((d) => d.doa));
  return degrees
    .map(({ person, created, doa }) => ({
      person,
      doa,
      isAuthor: best > 0 && doa / best > DOA_NORMALIZED_THRESHOLD && (doa >= DOA_ABSOLUTE_THRESHOLD || created),
    }))
    .sort((a, b) => b.doa - a.doa || a.person.localeCompare(b.person));
}

