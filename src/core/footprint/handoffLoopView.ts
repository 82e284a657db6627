/**
 * What followed each handoff, recomputed from the latest history on every read: "Since you
 * handed billing back on 3 Oct, Ana and Ben made 14 changes; your share went from 67% to 18%."
 */
import type { AreaReport } from '../analysis/areaReport';
import type { HandoffRecord } from '../assists/handoffs';
import { shortAreaName } from '../presentation/statusView';
import { namesList, percent, plural } from '../text/wording';
import { toSeconds } from '../time';

export interface HandoffLoopView {
  readonly folder: string;
  readonly areaKey: string;
  readonly text: string;
}

/** One sentence for a handoff; `area` is the area's report now (undefined when its rule has changed). */
export function handoffLoopView(record: HandoffRecord, area: AreaReport | undefined, formatDay: (ms: number) => string): HandoffLoopView {
  const name = shortAreaName(area?.area ?? record.areaName);
  const since = `Since you handed ${name} back on ${formatDay(record.atMs)}`;
  const base = { folder: record.folder, areaKey: record.areaKey };
  if (!area) return { ...base, text: `${since}, its ownership rule has changed, so what followed cannot be told.` };
  const after = toSeconds(record.atMs);
  const changes = area.ownerChanges.filter((change) => change.timeSeconds > after);
  const then = percent(record.share);
  const share = then === percent(area.myShare) ? `your share is still ${then}` : `your share went from ${then} to ${percent(area.myShare)}`;
  if (changes.length === 0) return { ...base, text: `${since}, the owners have made no changes there yet; ${share}.` };
  return { ...base, text: `${since}, ${namesList(peopleByChanges(changes))} made ${plural(changes.length, 'change')}; ${share}.` };
}

/** Names, most changes first. */
function peopleByChanges(changes: ReadonlyArray<{ readonly name: string }>): string[] {
  const counts = new Map<string, number>();
  for (const { name } of changes) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}
