/**
 * Time-boxed assists ("I'm helping here until Friday") and snoozes, as plain data. Persisted
 * state is untrusted: it may be corrupt, from an older version, or edited by hand, so it is
 * validated on load and anything unusable is dropped, never thrown.
 */
import { isRecord, isText, isTime } from './persistedValues';

export interface Assist {
  /** The workspace folder (URI string) and the area key the assist covers. */
  readonly folder: string;
  readonly areaKey: string;
  /** The area's display name, kept for notifications after the area changed. */
  readonly areaName: string;
  /** Milliseconds since the epoch. */
  readonly startedAt: number;
  readonly until: number;
  readonly reason: string;
  /** Set once the "your help ended" notification was shown, so it is shown only once. */
  readonly endNotified: boolean;
}

export interface Snooze {
  readonly folder: string;
  /** undefined snoozes every area of the folder. */
  readonly areaKey: string | undefined;
  readonly until: number;
}

export interface TimeBoxes {
  readonly version: 1;
  readonly assists: readonly Assist[];
  readonly snoozes: readonly Snooze[];
}

export const EMPTY_TIME_BOXES: TimeBoxes = { version: 1, assists: [], snoozes: [] };


/** Validates persisted time boxes; what is not valid is dropped. */
export function parseTimeBoxes(value: unknown): TimeBoxes {
  if (!isRecord(value) || value.version !== 1) return EMPTY_TIME_BOXES;
  const assists = Array.isArray(value.assists) ? value.assists.filter(isAssist).slice(0, 500) : [];
  const snoozes = Array.isArray(value.snoozes) ? value.snoozes.filter(isSnooze).slice(0, 500) : [];
  return { version: 1, assists, snoozes };
}

function isAssist(value: unknown): value is Assist {
  return (
    isRecord(value) &&
    isText(value.folder) &&
    isText(value.areaKey) &&
    isText(value.areaName) &&
    isTime(value.startedAt) &&
    isTime(value.until) &&
    isText(value.reason) &&
    typeof value.endNotified === 'boolean'
  );
}

function isSnooze(value: unknown): value is Snooze {
  return isRecord(value) && isText(value.folder) && (value.areaKey === undefined || isText(value.areaKey)) && isTime(value.until);
}

export function activeAssist(boxes: TimeBoxes, folder: string, areaKey: string, nowMs: number): Assist | undefined {
  return boxes.assists.find((a) => a.folder === folder && a.areaKey === areaKey && a.until > nowMs);
}

export function activeSnooze(boxes: TimeBoxes, folder: string, areaKey: string, nowMs: number): Snooze | undefined {
  return boxes.snoozes.find((s) => s.folder === folder && (s.areaKey === undefined || s.areaKey === areaKey) && s.until > nowMs);
}

/** Starts (or replaces) the assist for an area. */
export function withAssist(boxes: TimeBoxes, assist: Omit<Assist, 'endNotified'>): TimeBoxes {
  const others = boxes.assists.filter((a) => !(a.folder === assist.folder && a.areaKey === assist.areaKey));
  return { ...boxes, assists: [...others, { ...assist, endNotified: false }] };
}

export function withoutAssist(boxes: TimeBoxes, folder: string, areaKey: string, nowMs: number): TimeBoxes {
  return {
    ...boxes,
    assists: boxes.assists.map((a) => (a.folder === folder && a.areaKey === areaKey && a.until > nowMs ? { ...a, until: nowMs, endNotified: true } : a)),
  };
}

export function withSnooze(boxes: TimeBoxes, snooze: Snooze, nowMs: number): TimeBoxes {
  const live = boxes.snoozes.filter((s) => s.until > nowMs && !(s.folder === snooze.folder && s.areaKey === snooze.areaKey));
  return { ...boxes, snoozes: [...live, snooze] };
}

/** Assists that have ended and not been announced yet. */
export function endedUnannounced(boxes: TimeBoxes, nowMs: number): Assist[] {
  return boxes.assists.filter((a) => a.until <= nowMs && !a.endNotified);
}

export function markAnnounced(boxes: TimeBoxes, ended: readonly Assist[]): TimeBoxes {
  const done = new Set(ended);
  return { ...boxes, assists: boxes.assists.map((a) => (done.has(a) ? { ...a, endNotified: true } : a)) };
}

/** Drops announced assists that ended more than a week ago and expired snoozes. */
export function pruned(boxes: TimeBoxes, nowMs: number): TimeBoxes {
  const week = 7 * 24 * 60 * 60 * 1000;
  return { ...boxes, assists: boxes.assists.filter((a) => !a.endNotified || a.until > nowMs - week), snoozes: boxes.snoozes.filter((s) => s.until > nowMs) };
}

/** The next moment something changes (an assist or snooze ends), for one timer. */
export function nextDeadline(boxes: TimeBoxes, nowMs: number): number | undefined {
  const times = [...boxes.assists.filter((a) => !a.endNotified).map((a) => a.until), ...boxes.snoozes.map((s) => s.until)].filter((t) => t > nowMs);
  return times.length > 0 ? Math.min(...times) : undefined;
}
