/**
 * How a ranking is scored against what happened. A ranking is a list of person keys, best first;
 * the answer is the set of people who changed the area in the horizon after the cut-off.
 *
 * - hit@k: any of the first k ranked people is in the answer. The product suggests up to three
 *   people and any one of them is a good person to pair with, so "any", not "the first one".
 * - reciprocal rank: 1 / position of the first ranked person in the answer, 0 when none is.
 *   An empty ranking scores 0 everywhere: saying nothing is a miss, not an abstention.
 */
export interface RankingScore {
  readonly hitAt1: boolean;
  readonly hitAt3: boolean;
  readonly reciprocalRank: number;
}

export function scoreRanking(ranking: readonly string[], changedBy: ReadonlySet<string>): RankingScore {
  const position = ranking.findIndex((person) => changedBy.has(person));
  return {
    hitAt1: position === 0,
    hitAt3: position >= 0 && position < 3,
    reciprocalRank: position < 0 ? 0 : 1 / (position + 1),
  };
}

/** Rates over a set of cases (0 when there are none). */
export interface ScoreSummary {
  readonly cases: number;
  readonly hitAt1: number;
  readonly hitAt3: number;
  readonly meanReciprocalRank: number;
  /** Cases where the method ranked nobody at all. */
  readonly emptyRankings: number;
}

export function summarizeScores(scored: ReadonlyArray<{ readonly score: RankingScore; readonly rankedNobody: boolean }>): ScoreSummary {
  const cases = scored.length;
  const rate = (count: number): number => (cases === 0 ? 0 : count / cases);
  return {
    cases,
    hitAt1: rate(scored.filter(({ score }) => score.hitAt1).length),
    hitAt3: rate(scored.filter(({ score }) => score.hitAt3).length),
    meanReciprocalRank: rate(scored.reduce((sum, { score }) => sum + score.reciprocalRank, 0)),
    emptyRankings: scored.filter(({ rankedNobody }) => rankedNobody).length,
  };
}
