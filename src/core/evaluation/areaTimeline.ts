import type { Contribution } from '../history/contributions';
import { linesAdded, type LineCountIndex } from './lineCounts';

/** One counted commit as the evaluation sees it: when, by whom, and which areas it changed. */
export interface AreaTouch {
  readonly time: number;
  /** Person key of the credited author (an agent's commit is its human co-author's). */
  readonly author: string;
  /** Area key → lines the commit added there (0 when line counts were not read). */
  readonly linesAddedByArea: ReadonlyMap<string, number>;
}

/**
 * Every counted contribution that changed an owned area, newest first. Built once from the
 * contributions the extension's own noise rules produce (bots, ignore-revs and ignored paths
 * already left out), so the answers and the baselines see the same commits the ranking does.
 */
export function areaTouches(
  contributions: readonly Contribution[],
  areaOf: (path: string) => string | undefined,
  lineCounts?: LineCountIndex,
): AreaTouch[] {
  const touches: AreaTouch[] = [];
  for (const contribution of contributions) {
    if (!contribution.counted) continue;
    const linesAddedByArea = new Map<string, number>();
    for (const change of contribution.changes) {
      const key = areaOf(change.path);
      if (key === undefined) continue;
      const added = lineCounts ? linesAdded(lineCounts, contribution.sha, change.path) : 0;
      linesAddedByArea.set(key, (linesAddedByArea.get(key) ?? 0) + added);
    }
    if (linesAddedByArea.size > 0) touches.push({ time: contribution.time, author: contribution.author, linesAddedByArea });
  }
  return touches;
}

/** The answer: per area, the people who changed it in [from, to). */
export function changedByArea(touches: readonly AreaTouch[], from: number, to: number): Map<string, Set<string>> {
  const changed = new Map<string, Set<string>>();
  for (const touch of touches) {
    if (touch.time < from || touch.time >= to) continue;
    for (const key of touch.linesAddedByArea.keys()) {
      const people = changed.get(key) ?? new Set<string>();
      people.add(touch.author);
      changed.set(key, people);
    }
  }
  return changed;
}

/** What the simple baselines know about one person in one area. */
export interface AreaPersonStats {
  commits: number;
  /** Author time of their latest commit in the area (seconds). */
  lastTime: number;
  linesAdded: number;
}

/** Per area, per person: commits, latest commit and lines added before `cutoff`. */
export function areaStatsBefore(touches: readonly AreaTouch[], cutoff: number): Map<string, Map<string, AreaPersonStats>> {
  const byArea = new Map<string, Map<string, AreaPersonStats>>();
  for (const touch of touches) {
    if (touch.time >= cutoff) continue;
    for (const [key, added] of touch.linesAddedByArea) {
      const people = byArea.get(key) ?? new Map<string, AreaPersonStats>();
      byArea.set(key, people);
      const stats = people.get(touch.author) ?? { commits: 0, lastTime: 0, linesAdded: 0 };
      stats.commits++;
      stats.lastTime = Math.max(stats.lastTime, touch.time);
      stats.linesAdded += added;
      people.set(touch.author, stats);
    }
  }
  return byArea;
}

/** Person key → author time of their first counted commit anywhere in the repository. */
export function firstCommitTimes(contributions: readonly Contribution[]): Map<string, number> {
  const first = new Map<string, number>();
  for (const contribution of contributions) {
    if (!contribution.counted) continue;
    first.set(contribution.author, Math.min(contribution.time, first.get(contribution.author) ?? Infinity));
  }
  return first;
}
