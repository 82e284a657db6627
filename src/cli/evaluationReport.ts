import { BASELINE_LABELS } from '../core/evaluation/baselines';
import type { CutoffPlan } from '../core/evaluation/cutoffs';
import type { EvaluationResult, RankingMethod } from '../core/evaluation/evaluateRankings';
import type { PreparedEvaluation } from '../core/evaluation/prepareEvaluation';
import type { ScoreSummary } from '../core/evaluation/rankingMetrics';

export interface EvaluationReportInput {
  readonly prepared: PreparedEvaluation;
  readonly result: EvaluationResult;
  readonly plan: CutoffPlan;
  readonly cutoffs: readonly number[];
  readonly lastCommit: number;
  readonly evaluationMs: number;
}

const METHOD_LABELS: Record<RankingMethod, string> = { multiplier: 'Multiplier ranking', ...BASELINE_LABELS };

export const HIT_DEFINITION =
  'A hit at k: one of the first k ranked people changed the area in the horizon after the cut-off. ' +
  'MRR: the mean of 1 / (position of the first such person), 0 when nobody ranked did. ' +
  'Answerable: someone who changed the area had committed to the repository before the cut-off. ' +
  'Bots, ignore-revs and lockfile, generated and vendored paths are left out everywhere; nobody is "me".';

const round = (value: number, digits = 4): number => Math.round(value * 10 ** digits) / 10 ** digits;
const isoDay = (seconds: number): string => new Date(seconds * 1000).toISOString().slice(0, 10);
const dayOrNull = (seconds: number | undefined): string | null => (seconds === undefined ? null : isoDay(seconds));

/** The JSON of `npm run eval -- --json`: rates as fractions, times in milliseconds. */
export function evaluationJson(input: EvaluationReportInput): object {
  const { prepared, result } = input;
  const summaryJson = (summary: ScoreSummary): object => ({
    cases: summary.cases,
    hitAt1: round(summary.hitAt1),
    hitAt3: round(summary.hitAt3),
    mrr: round(summary.meanReciprocalRank),
    emptyRankings: summary.emptyRankings,
  });
  return {
    repo: prepared.repository.topLevel,
    head: prepared.repository.head,
    commits: prepared.history.commits.length,
    excludedPaths: prepared.excludedPaths,
    lastCommit: isoDay(input.lastCommit),
    areas: prepared.areas,
    cutoffs: { count: input.cutoffs.length, first: dayOrNull(input.cutoffs[0]), last: dayOrNull(input.cutoffs[input.cutoffs.length - 1]), ...input.plan },
    cases: result.cases.length,
    answerableCases: result.cases.filter((c) => c.answerable).length,
    methods: Object.fromEntries(
      result.methods.map((method) => {
        const summary = result.summary[method];
        return [method, { label: METHOD_LABELS[method], all: summary && summaryJson(summary.all), answerable: summary && summaryJson(summary.answerable) }];
      }),
    ),
    definition: HIT_DEFINITION,
    timingsMs: timings(input),
  };
}

function timings(input: EvaluationReportInput): { history: number; lineCounts: number; evaluation: number; total: number } {
  const { historyMs, lineCountsMs } = input.prepared.timings;
  return { history: historyMs, lineCounts: lineCountsMs, evaluation: input.evaluationMs, total: historyMs + lineCountsMs + input.evaluationMs };
}

const CELL = 7;
const GAP = '   ';
const percent = (rate: number): string => `${(rate * 100).toFixed(1)}%`.padStart(CELL);
const mrr = (value: number): string => value.toFixed(3).padStart(CELL);
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const scoreCells = (summary: ScoreSummary): string => `${percent(summary.hitAt1)}${percent(summary.hitAt3)}${mrr(summary.meanReciprocalRank)}`;
const SCORE_HEADINGS = ['top-1', 'top-3', 'MRR'].map((heading) => heading.padStart(CELL)).join('');

/** Tables for a terminal: every method on all cases and on the answerable ones. */
export function evaluationText(input: EvaluationReportInput): string {
  const { prepared, result, plan, cutoffs } = input;
  const answerable = result.cases.filter((c) => c.answerable).length;
  const labelWidth = Math.max(...result.methods.map((method) => METHOD_LABELS[method].length));
  const groupWidth = SCORE_HEADINGS.length;
  const rows = result.methods.flatMap((method) => {
    const summary = result.summary[method];
    if (!summary) return [];
    return [`${METHOD_LABELS[method].padEnd(labelWidth)}${scoreCells(summary.all)}${GAP}${scoreCells(summary.answerable)}${GAP}${String(summary.all.emptyRankings).padStart(5)}`];
  });
  const time = timings(input);
  const lines = [
    `Multiplier ranking evaluation · ${prepared.repository.topLevel} @ ${prepared.repository.head.slice(0, 7)}`,
    `History: ${prepared.history.commits.length.toLocaleString('en-US')} commits (merges left out), the last on ${isoDay(input.lastCommit)}`,
    ...(prepared.excludedPaths.length > 0 ? [`Left out of history, as asked: ${prepared.excludedPaths.join(', ')}`] : []),
    `Areas: ${prepared.areas.why} (${prepared.areas.rules} rules)`,
    cutoffs.length > 0
      ? `Cut-offs: ${cutoffs.length}, every ${plan.everyDays} days from ${isoDay(cutoffs[0] as number)} to ${isoDay(cutoffs[cutoffs.length - 1] as number)}; each scored on the ${plan.horizonDays} days after`
      : `Cut-offs: none: history is shorter than the ${plan.horizonDays}-day horizon`,
    `Cases (area × cut-off with changes afterwards): ${result.cases.length}, of which ${answerable} answerable`,
    '',
    `${''.padEnd(labelWidth)}${`all ${result.cases.length} cases`.padStart(groupWidth)}${GAP}${`${answerable} answerable`.padStart(groupWidth)}${GAP}${'empty'.padStart(5)}`,
    `${'method'.padEnd(labelWidth)}${SCORE_HEADINGS}${GAP}${SCORE_HEADINGS}${GAP}${'lists'.padStart(5)}`,
    ...rows,
    '',
    HIT_DEFINITION,
    `Time: history ${seconds(time.history)} · line counts ${prepared.lineCounts ? seconds(time.lineCounts) : 'not read (--no-lines)'} · evaluation ${seconds(time.evaluation)} · total ${seconds(time.total)}`,
  ];
  return `${lines.join('\n')}\n`;
}
