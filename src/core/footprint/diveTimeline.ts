/**
 * The footprint's timeline of dives over the last 365 days: one row per team area, a bar per
 * dive, and after each bar the 60 days in which the owners' follow-up is counted. Positions are
 * fractions of the year, so the webview only scales them; every sentence is composed here.
 */
import { DIVE_LOOKBACK_DAYS } from '../analysis/analysisWindow';
import type { Dive } from '../analysis/dives';
import { shortAreaName } from '../presentation/statusView';
import { aftermathClause, diveLine, type SentenceFormat } from '../presentation/shadowSentences';
import { DAY_SECONDS } from '../time';
import { plural } from '../text/wording';

export interface DiveBar {
  /** Where the dive starts and how long it is, as fractions of the year shown (0 = a year ago). */
  readonly start: number;
  readonly width: number;
  /** How far the 60-day follow-up reaches past the bar's end (clipped at now). */
  readonly followUpWidth: number;
  readonly ownersChangesAfter: number;
  /** `owners` when they carried on, `none` when they made no change, `open` while the 60 days run. */
  readonly followUp: 'owners' | 'none' | 'open';
  /** The bar's text alternative and tooltip. */
  readonly label: string;
}

export interface DiveRow {
  readonly folder: string;
  readonly areaKey: string;
  readonly name: string;
  readonly shortName: string;
  readonly whyLabel: string;
  readonly bars: readonly DiveBar[];
}

export interface DiveTimeline {
  readonly summary: string;
  /** Month ticks: a label at a fraction of the year. */
  readonly ticks: ReadonlyArray<{ readonly label: string; readonly at: number }>;
  readonly rows: readonly DiveRow[];
  /** The whole chart in words, for screen readers. */
  readonly description: string;
}

export interface DiveTimelineInput {
  readonly folder: string;
  /** Every dive of the year, oldest first. */
  readonly dives: readonly Dive[];
  readonly nowSeconds: number;
  readonly format: SentenceFormat;
  /** "Mar", from seconds since the epoch. */
  readonly formatMonth: (seconds: number) => string;
}

const YEAR_SECONDS = DIVE_LOOKBACK_DAYS * DAY_SECONDS;

/** undefined when there was no dive this year. */
export function diveTimeline(input: DiveTimelineInput): DiveTimeline | undefined {
  if (input.dives.length === 0) return undefined;
  const yearStart = input.nowSeconds - YEAR_SECONDS;
  const at = (seconds: number): number => Math.min(1, Math.max(0, (seconds - yearStart) / YEAR_SECONDS));
  const rows = new Map<string, { name: string; bars: DiveBar[] }>();
  for (const dive of input.dives) {
    const row = rows.get(dive.areaKey) ?? { name: dive.area, bars: [] };
    const end = at(dive.endSeconds);
    row.bars.push({
      start: at(dive.startSeconds),
      width: Math.max(0, end - at(dive.startSeconds)),
      followUpWidth: Math.max(0, at(dive.aftermathEndSeconds) - end),
      ownersChangesAfter: dive.ownersChangesAfter,
      followUp: dive.aftermathEndSeconds > input.nowSeconds ? 'open' : dive.ownersChangesAfter > 0 ? 'owners' : 'none',
      label: `${dive.area}, ${diveLine(dive, input.nowSeconds, input.format)}`,
    });
    rows.set(dive.areaKey, row);
  }
  const rowViews = [...rows].map(([areaKey, row]) => ({ folder: input.folder, areaKey, name: row.name, shortName: shortAreaName(row.name), whyLabel: `Ownership details for ${row.name}`, bars: row.bars }));
  return {
    summary: timelineSummary(input.dives, input.nowSeconds),
    ticks: monthTicks(yearStart, input.formatMonth),
    rows: rowViews,
    description: rowViews.map((row) => row.bars.map((bar) => bar.label).join(' ')).join(' '),
  };
}

/** "3 dives into team areas this year, in 2 areas; after the last one the owners made 5 changes there." */
function timelineSummary(dives: readonly Dive[], nowSeconds: number): string {
  const areas = new Set(dives.map((dive) => dive.areaKey)).size;
  const last = dives[dives.length - 1] as Dive;
  const where = areas === 1 ? '' : `, in ${plural(areas, 'area')}`;
  return `${plural(dives.length, 'dive')} into team areas this year${where}; ${aftermathClause(last, nowSeconds, 'the last one')}. Healthy dives are short and the owners carry on after them.`;
}

/** The first day of each month of the year shown. */
function monthTicks(yearStart: number, formatMonth: (seconds: number) => string): Array<{ label: string; at: number }> {
  const ticks: Array<{ label: string; at: number }> = [];
  const start = new Date(yearStart * 1000);
  for (let month = 1; month <= 12; month++) {
    const first = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + month, 1) / 1000;
    const at = (first - yearStart) / YEAR_SECONDS;
    if (at < 1) ticks.push({ label: formatMonth(first), at });
  }
  return ticks;
}
