/**
 * The handoff loop's memory: when I handed an area back (wrote its handoff note, or my time box
 * there ended) and my share at that moment. What followed is recomputed from history on each
 * read; only these two facts are kept. Persisted state is untrusted, so it is validated on load
 * and anything unusable is dropped, never thrown.
 */
import { DIVE_LOOKBACK_DAYS } from '../analysis/analysisWindow';
import { DAY_SECONDS } from '../time';
import { isRecord, isText, isTime } from './persistedValues';

export interface HandoffRecord {
  /** The workspace folder (URI string) and the area key. */
  readonly folder: string;
  readonly areaKey: string;
  /** The area's name then, for when its rule has changed since. */
  readonly areaName: string;
  /** Milliseconds since the epoch. */
  readonly atMs: number;
  /** My share of the area's changes then, 0–1. */
  readonly share: number;
}

export interface Handoffs {
  readonly version: 1;
  readonly handoffs: readonly HandoffRecord[];
}

export const EMPTY_HANDOFFS: Handoffs = { version: 1, handoffs: [] };
/** What followed a handoff is read from the index's recent history, which reaches back as far as dives do. */
export const HANDOFF_MEMORY_MS = DIVE_LOOKBACK_DAYS * DAY_SECONDS * 1000;
const MAX_HANDOFFS = 500;

const isName = (value: unknown): value is string => isText(value) && value.length > 0;

function isHandoff(value: unknown): value is HandoffRecord {
  return (
    isRecord(value) &&
    isName(value.folder) &&
    isName(value.areaKey) &&
    isName(value.areaName) &&
    isTime(value.atMs) &&
    typeof value.share === 'number' &&
    value.share >= 0 &&
    value.share <= 1
  );
}

/** Validates persisted handoffs; what is not valid is dropped. */
export function parseHandoffs(value: unknown): Handoffs {
  if (!isRecord(value) || value.version !== 1 || !Array.isArray(value.handoffs)) return EMPTY_HANDOFFS;
  return { version: 1, handoffs: value.handoffs.filter(isHandoff).slice(-MAX_HANDOFFS).map(({ folder, areaKey, areaName, atMs, share }) => ({ folder, areaKey, areaName, atMs, share })) };
}

/** Remembers a handoff, replacing an earlier one of the same area; forgets those over a year old. */
export function withHandoff(handoffs: Handoffs, record: HandoffRecord, nowMs: number): Handoffs {
  const kept = handoffs.handoffs.filter((h) => !(h.folder === record.folder && h.areaKey === record.areaKey) && h.atMs > nowMs - HANDOFF_MEMORY_MS);
  return { version: 1, handoffs: [...kept, record].slice(-MAX_HANDOFFS) };
}

/** The handoffs still remembered at `nowMs`, latest first. */
export function recentHandoffs(handoffs: Handoffs, nowMs: number): HandoffRecord[] {
  return handoffs.handoffs.filter((h) => h.atMs > nowMs - HANDOFF_MEMORY_MS && h.atMs <= nowMs + 60_000).sort((a, b) => b.atMs - a.atMs);
}
