import { analyzeIndex } from '../analysis/analyzeIndex';
import { windowStartSeconds } from '../analysis/analysisWindow';
import type { AnalysisContext, RepositoryAnalysis } from '../analysis/repositoryAnalysis';
import type { HistoryCommit, RepositoryHistory } from '../history/repositoryHistory';
import { HistoryIndexBuilder } from '../index/historyIndex';
import { indexRules } from '../index/indexRules';

export interface HistoryAnalysisInput extends AnalysisContext {
  readonly history: RepositoryHistory;
  /** Shas from `.git-blame-ignore-revs`. */
  readonly ignoredRevisions: readonly string[];
}

/**
 * The analysis of a history held whole (newest first, as git logs it), as the extension would
 * have made it from its index: the evaluation replays past cut-offs this way. Pure.
 */
export function analyzeHistory(input: HistoryAnalysisInput): RepositoryAnalysis {
  const windowStart = windowStartSeconds(input.settings.windowDays, input.nowSeconds);
  const builder = new HistoryIndexBuilder(indexRules(input.settings, input.ignoredRevisions), { recentSinceSeconds: windowStart, linesSinceSeconds: windowStart });
  for (let i = input.history.commits.length - 1; i >= 0; i--) builder.add(input.history.commits[i] as HistoryCommit);
  return analyzeIndex(builder.build(input.history.head, input.history.files, input.history.shallow), input);
}
