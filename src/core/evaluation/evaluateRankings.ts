import { analyzeHistory } from './analyzeHistory';
import { AreaIndex } from '../analysis/areas';
import { createAreaLookup, type InferredAreas } from '../areas/areaLookup';
import { buildContributions, type Contribution } from '../history/contributions';
import type { MultiplierSettings } from '../config/settings';
import { createPathFilter } from '../history/pathFilter';
import type { RepositoryHistory } from '../history/repositoryHistory';
import { createAgentMatcher } from '../identity/agents';
import { createBotMatcher } from '../identity/bots';
import { buildMyIdentity } from '../identity/myIdentity';
import { personKey } from '../identity/person';
import type { OwnershipResolverInput } from '../ownership/ownershipResolver';
import { areaStatsBefore, areaTouches, changedByArea, firstCommitTimes, type AreaTouch } from './areaTimeline';
import { BASELINES, baselineRanking, type Baseline } from './baselines';
import { DAY_SECONDS } from './cutoffs';
import { historyAtCutoff } from './historyAtCutoff';
import type { LineCountIndex } from './lineCounts';
import type { RepositoryAnalysis } from '../analysis/repositoryAnalysis';
import { scoreRanking, summarizeScores, type ScoreSummary } from './rankingMetrics';

/** The extension's ranking (`rankSuggestions` through `analyzeHistory`) and the baselines. */
export type RankingMethod = 'multiplier' | Baseline;

export interface EvaluationInput {
  /** All of history, read once; every cut-off is a slice of it. */
  readonly history: RepositoryHistory;
  /** Line counts for all of history; without them the lines baseline is left out. */
  readonly lineCounts?: LineCountIndex;
  readonly ownership: OwnershipResolverInput;
  /** With `areas.inferFromHistory` on, areas are inferred at each cut-off from the tree then. */
  readonly settings: MultiplierSettings;
  /** Shas from `.git-blame-ignore-revs`. */
  readonly ignoredRevisions: readonly string[];
  /** Cut-off times in seconds. */
  readonly cutoffs: readonly number[];
  /** Days after each cut-off whose changes are the answer. */
  readonly horizonDays: number;
  /** Called after each cut-off, for a progress display (each one replays all earlier history). */
  readonly onCutoff?: (done: number, total: number) => void;
}

/** One area at one cut-off that someone changed during the horizon. */
export interface EvaluationCase {
  readonly cutoff: number;
  readonly areaKey: string;
  readonly area: string;
  /** Person keys of who changed the area in the horizon: the answer. */
  readonly changedBy: readonly string[];
  /**
   * Whether anyone in the answer had a counted commit anywhere before the cut-off. When nobody
   * had, no method that reads history can name them: newcomers make a case unanswerable.
   */
  readonly answerable: boolean;
  readonly rankings: Readonly<Partial<Record<RankingMethod, readonly string[]>>>;
}

export interface MethodSummary {
  readonly all: ScoreSummary;
  readonly answerable: ScoreSummary;
}

export interface EvaluationResult {
  readonly methods: readonly RankingMethod[];
  readonly cases: readonly EvaluationCase[];
  readonly summary: Readonly<Partial<Record<RankingMethod, MethodSummary>>>;
}

/**
 * Nobody is "me": with an empty identity the ranking skips no one as the user, so every person
 * who later changed an area can be found. Inferred team members never include me either way.
 */
const NOBODY = buildMyIdentity({ configured: [], aliases: [] });

/**
 * Replays history up to each cut-off, ranks every area with the extension's own code (`nowSeconds` =
 * the cut-off), ranks it again with each baseline, and scores all of them against who changed
 * the area in the horizon that followed. Pure: no git, no clock.
 */
export function evaluateRankings(input: EvaluationInput): EvaluationResult {
  const { contributions } = buildContributions(input.history.commits, {
    isBot: createBotMatcher(input.settings.bots, input.settings.agents),
    isAgent: createAgentMatcher(input.settings.agents),
    countsPath: createPathFilter(input.settings.ignore),
    ignoredRevisions: input.ignoredRevisions,
  });
  const areasAt = areaTimelines(input, contributions);
  const firstCommits = firstCommitTimes(contributions);
  const baselines = BASELINES.filter((baseline) => baseline !== 'mostLinesAdded' || input.lineCounts !== undefined);
  const methods: RankingMethod[] = ['multiplier', ...baselines];

  // Rule areas are the same at every cut-off; inferred ones are those the tree had then.
  const ruleAreas = input.settings.areas.inferFromHistory === 'off' ? areasAt({ mode: 'off', directories: [] }) : undefined;
  const cases: EvaluationCase[] = [];
  input.cutoffs.forEach((cutoff, index) => {
    let analysis = ruleAreas ? undefined : multiplierAnalysis(input, cutoff);
    const { areas, touches } = ruleAreas ?? areasAt((analysis as RepositoryAnalysis).inferredAreas);
    const changed = changedByArea(touches, cutoff, cutoff + input.horizonDays * DAY_SECONDS);
    if (changed.size > 0) {
      analysis ??= multiplierAnalysis(input, cutoff);
      const ranked = new Map(analysis.areas.map((area) => [area.key, area.suggestions.map((suggestion) => personKey(suggestion.email))]));
      const stats = areaStatsBefore(touches, cutoff);
      for (const [areaKey, people] of changed) {
        const rankings: Partial<Record<RankingMethod, readonly string[]>> = { multiplier: ranked.get(areaKey) ?? [] };
        for (const baseline of baselines) rankings[baseline] = baselineRanking(stats.get(areaKey), baseline);
        cases.push({
          cutoff,
          areaKey,
          area: areas.match(areaKey)?.area ?? areaKey,
          changedBy: [...people].sort(),
          answerable: [...people].some((person) => (firstCommits.get(person) ?? Infinity) < cutoff),
          rankings,
        });
      }
    }
    input.onCutoff?.(index + 1, input.cutoffs.length);
  });
  return { methods, cases, summary: summarize(cases, methods) };
}

/** The extension's analysis as it would have been at `cutoff`, with its full rankings. */
function multiplierAnalysis(input: EvaluationInput, cutoff: number): RepositoryAnalysis {
  const windowStart = cutoff - input.settings.windowDays * DAY_SECONDS;
  return analyzeHistory({
    history: historyAtCutoff(input.history, cutoff, { windowStart, lineCounts: input.lineCounts }),
    settings: input.settings,
    ownership: input.ownership,
    me: NOBODY,
    ignoredRevisions: input.ignoredRevisions,
    nowSeconds: cutoff,
    // The whole ranking, not the three the product shows, so reciprocal rank sees every position.
    suggestionLimit: Number.POSITIVE_INFINITY,
  });
}

/**
 * Every counted contribution by area, for the areas of one cut-off. Paths are looked up once per
 * set of area folders: rule areas never change, and inferred folders only when the tree crossed
 * a size, so consecutive cut-offs share the same touches.
 */
function areaTimelines(input: EvaluationInput, contributions: readonly Contribution[]): (inferred: InferredAreas) => { areas: AreaIndex; touches: AreaTouch[] } {
  let latest: { id: string; areas: AreaIndex; touches: AreaTouch[] } | undefined;
  return (inferred) => {
    const id = inferred.directories.join('\0');
    if (latest?.id !== id) {
      const areas = new AreaIndex(createAreaLookup(input.ownership, inferred));
      latest = { id, areas, touches: areaTouches(contributions, (path) => areas.areaOf(path), input.lineCounts) };
    }
    return latest;
  };
}

function summarize(cases: readonly EvaluationCase[], methods: readonly RankingMethod[]): Partial<Record<RankingMethod, MethodSummary>> {
  const summary: Partial<Record<RankingMethod, MethodSummary>> = {};
  for (const method of methods) {
    const scored = cases.map((evaluationCase) => {
      const ranking = evaluationCase.rankings[method] ?? [];
      return { answerable: evaluationCase.answerable, score: scoreRanking(ranking, new Set(evaluationCase.changedBy)), rankedNobody: ranking.length === 0 };
    });
    summary[method] = { all: summarizeScores(scored), answerable: summarizeScores(scored.filter((s) => s.answerable)) };
  }
  return summary;
}
