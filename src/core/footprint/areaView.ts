/**
 * One team-owned area as the footprint view shows it: every sentence is composed here, so the
 * webview script only places text (as text, never as HTML) and draws bars from numbers.
 */
import type { AreaReport } from '../analysis/areaReport';
import type { Dive } from '../analysis/dives';
import { shadowLines } from '../presentation/shadowSentences';
import type { Assist } from '../assists/timeBoxes';
import { shortAreaName } from '../presentation/statusView';
import type { AreaWeeks, WeeklyActivity } from '../analysis/weeklyActivity';
import { lastDays, percent, plural } from '../text/wording';

export interface ChartWeek {
  /** The week's first day, e.g. "3 May". */
  readonly label: string;
  readonly mine: number;
  readonly all: number;
}

export interface ChartView {
  readonly weeks: readonly ChartWeek[];
  /** The largest week's changes: bars are drawn relative to it. */
  readonly max: number;
  /** The chart's text alternative. */
  readonly description: string;
}

export interface AreaView {
  /** Workspace folder URI and area key: what the area commands accept as `{ folder, areaKey }`. */
  readonly folder: string;
  readonly areaKey: string;
  readonly name: string;
  readonly shortName: string;
  readonly owners: string;
  readonly badges: readonly string[];
  /** "80%": my share now, the larger of commit and line share, as the status bar shows it. */
  readonly share: string;
  readonly detail: string;
  readonly knowledge: string | undefined;
  readonly soleKnown: boolean;
  readonly suggestions: ReadonlyArray<{ readonly name: string; readonly reason: string }>;
  readonly suggestionsNote: string | undefined;
  readonly chart: ChartView;
  /** AI-assisted work, decision files, replaced lines and the dive line, when they apply. */
  readonly shadow: readonly string[];
  readonly handoffLabel: string;
  readonly whyLabel: string;
}

export interface AreaViewContext {
  readonly folder: string;
  readonly windowDays: number;
  readonly weekly: WeeklyActivity | undefined;
  readonly assist: Assist | undefined;
  readonly formatTime: (ms: number) => string;
  readonly formatDay: (ms: number) => string;
  /** Every dive of the year in the folder, for the dive line. */
  readonly yearDives: readonly Dive[];
  readonly nowSeconds: number;
}


export function areaView(area: AreaReport, context: AreaViewContext): AreaView {
  const badges: string[] = [];
  if (area.level === 'nudge') badges.push('Primary author');
  if (context.assist) badges.push(`Helping until ${context.formatTime(context.assist.until)}`);
  return {
    folder: context.folder,
    areaKey: area.key,
    name: area.area,
    shortName: shortAreaName(area.area),
    owners: area.owners.join(', '),
    badges,
    share: percent(area.myShare),
    detail: shareDetail(area, context.windowDays),
    knowledge: knowledgeText(area),
    soleKnown: area.mySoleKnownFiles > 0,
    suggestions: area.suggestions.map(({ name, reason }) => ({ name, reason })),
    suggestionsNote: suggestionsNote(area),
    chart: chartView(area, context),
    shadow: shadowLines(area, context.yearDives, context.nowSeconds),
    handoffLabel: `Write the handoff note for ${area.area}`,
    whyLabel: `Ownership details for ${area.area}`,
  };
}

function shareDetail(area: AreaReport, windowDays: number): string {
  const lines = area.lines > 0 ? ` and ${area.myLines} of ${plural(area.lines, 'changed line')} (${percent(area.lineShare)})` : '';
  const paired = area.pairedCommits > 0 ? ` ${plural(area.pairedCommits, 'more change')} of yours ${area.pairedCommits === 1 ? 'was' : 'were'} paired with the owners.` : '';
  return `You made ${area.soloCommits} of ${plural(area.commits, 'change')} (${percent(area.commitShare)})${lines} in ${lastDays(windowDays)}.${paired}`;
}

function knowledgeText(area: AreaReport): string | undefined {
  if (area.mySoleKnownFiles > 0) {
    const all = area.myKnownFiles > area.mySoleKnownFiles ? ` (you know ${area.myKnownFiles} in all)` : '';
    return `Only you know ${area.mySoleKnownFiles} of its ${plural(area.files, 'file')}${all}.`;
  }
  if (area.myKnownFiles > 0) return `You know ${area.myKnownFiles} of its ${plural(area.files, 'file')}; others know them too.`;
  return undefined;
}

function suggestionsNote(area: AreaReport): string | undefined {
  if (area.suggestions.length === 0) return `Nobody else knows this area or has changed it yet: ask ${area.owners.join(', ')} who should pick it up.`;
  return area.membersInferred ? 'Team members inferred from history: list them in multiplier.teams to be sure.' : undefined;
}

function chartView(area: AreaReport, context: AreaViewContext): ChartView {
  const starts = context.weekly?.weekStarts ?? [];
  const counts: AreaWeeks | undefined = context.weekly?.areas.find((a) => a.areaKey === area.key);
  const weeks = starts.map((start, i) => ({ label: context.formatDay(start * 1000), mine: counts?.mine[i] ?? 0, all: counts?.all[i] ?? 0 }));
  return { weeks, max: Math.max(0, ...weeks.map((w) => w.all)), description: chartDescription(area.area, weeks, context.windowDays) };
}

/** "Changes in /src/payments/ per week in the last 90 days, yours of all: week of 3 May, 1 of 2; …". */
export function chartDescription(name: string, weeks: readonly ChartWeek[], windowDays: number): string {
  const active = weeks.filter((w) => w.all > 0);
  if (active.length === 0) return `No changes in ${name} in ${lastDays(windowDays)}.`;
  const listed = active.map((w) => `week of ${w.label}, ${w.mine} of ${w.all}`).join('; ');
  const quiet = weeks.length - active.length;
  const rest = quiet === 0 ? '' : quiet === 1 ? ' No changes in the other week.' : ` No changes in the other ${quiet} weeks.`;
  return `Changes in ${name} per week in ${lastDays(windowDays)}, yours of all: ${listed}.${rest}`;
}
