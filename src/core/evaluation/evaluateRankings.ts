import { analyzeHistory } from './analyzeHistory';
import { AreaIndex, type OwnerLookup } from '../analysis/areas';
import { buildContributions } from '../history/contributions';
import type { MultiplierSettings } from '../config/settings';
import { createPathFilter } from '../history/pathFilter';
import type { RepositoryHistory } from '../history/repositoryHistory';
import { createAgentMatcher } from '../identity/agents';
import { createBotMatcher } from '../identity/bots';
import { buildMyIdentity } from '../identity/myIdentity';
import { personKey } from '../identity/person';
import type { OwnershipMatch } from '../ownership/types';
import { areaStatsBefore, areaTouches, changedByArea, firstCommitTimes } from './areaTimeline';
import { BASELINES, baselineRanking, type Baseline } from './baselines';
import { DAY_SECONDS } from './cutoffs';
import { historyAtCutoff } from './historyAtCutoff';
import type { LineCountIndex } from './lineCounts';
import { scoreRanking, summarizeScores, type ScoreSummary } from './rankingMetrics';

/** The extension's ranking (`rankSuggestions` through `analyzeHistory`) and the baselines. */
export type RankingMethod = 'multiplier' | Baseline;

export interface EvaluationInput {
  /** All of history, read once; every cut-off is a slice of it. */
  readonly history: RepositoryHistory;
  /** Line counts for all of history; without them the lines baseline is left out. */
  readonly lineCounts?: LineCountIndex;
  readonly ownerOf: OwnerLookup;
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
  const ownerOf = cachedLookup(input.ownerOf);
  const areas = new AreaIndex(ownerOf);
  const { contributions } = buildContributions(input.history.commits, {
    isBot: createBotMatcher(input.settings.bots, input.settings.agents),
    isAgent: createAgentMatcher(input.settings.agents),
    countsPath: createPathFilter(input.settings.ignore),
    ignoredRevisions: input.ignoredRevisions,
  });
  const touches = areaTouches(contributions, (path) => areas.areaOf(path), input.lineCounts);
  const firstCommits = firstCommitTimes(contributions);
  const baselines = BASELINES.filter((baseline) => baseline !== 'mostLinesAdded' || input.lineCounts !== undefined);
  const methods: RankingMethod[] = ['multiplier', ...baselines];

  const cases: EvaluationCase[] = [];
  input.cutoffs.forEach((cutoff, index) => {
    const changed = changedByArea(touches, cutoff, cutoff + input.horizonDays * DAY_SECONDS);
    if (changed.size > 0) {
      const ranked = multiplierRankings(input, ownerOf, cutoff);
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

/** Area key → the extension's full ranking (person keys) as it would have been at `cutoff`. */
function multiplierRankings(input: EvaluationInput, ownerOf: OwnerLookup, cutoff: number): Map<string, string[]> {
  const windowStart = cutoff - input.settings.windowDays * DAY_SECONDS;
  const analysis = analyzeHistory({
    history: historyAtCutoff(input.history, cutoff, { windowStart, lineCounts: input.lineCounts }),
    settings: input.settings,
    ownerOf,
    me: NOBODY,
    ignoredRevisions: input.ignoredRevisions,
    nowSeconds: cutoff,
    // The whole ranking, not the three the product shows, so reciprocal rank sees every position.
    suggestionLimit: Number.POSITIVE_INFINITY,
  });
  return new Map(analysis.areas.map((area) => [area.key, area.suggestions.map((suggestion) => personKey(suggestion.email))]));
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

/** Paths repeat across every cut-off; resolve each against the rules once. */
function cachedLookup(lookup: OwnerLookup): OwnerLookup {
  const cache = new Map<string, OwnershipMatch | undefined>();
  return (path) => {
    if (!cache.has(path)) cache.set(path, lookup(path));
    return cache.get(path);
  };
}
