/** Lines other people wrote that my commits deleted or rewrote, as git blame attributes them. */
export interface LinesReplaced {
  readonly total: number;
  /** Most lines first. */
  readonly byPerson: ReadonlyArray<{ readonly name: string; readonly email: string; readonly lines: number }>;
  /** False when the deadline or the cap on commits cut the count short: the numbers are "at least". */
  readonly complete: boolean;
}

/** One area's replaced lines, as the worker answers them. */
export interface AreaLinesReplaced {
  readonly areaKey: string;
  readonly linesReplaced: LinesReplaced;
}
