/**
 * `npm run eval`: scores the extension's pairing ranking on a repository's own past. Output goes
 * to stdout, progress to stderr; errors are one line on stderr and a non-zero exit.
 */
import * as path from 'node:path';
import { DEFAULT_CUTOFF_PLAN, evaluationCutoffs, lastCommitTime } from '../core/evaluation/cutoffs';
import { evaluateRankings } from '../core/evaluation/evaluateRankings';
import { prepareEvaluation } from '../core/evaluation/prepareEvaluation';
import { GitFailure } from '../core/git/gitFailure';
import { resolveGitBinary } from '../core/git/gitBinary';
import { SimpleGitRunner } from '../core/git/simpleGitRunner';
import { nodeWorkspaceFiles } from '../core/workspaceFiles';
import { EVALUATION_USAGE, EvaluationUsageError, parseEvaluationArguments, type EvaluationArguments } from './evaluationArguments';
import { evaluationJson, evaluationText } from './evaluationReport';

/** Whole-history walks of large repositories (rails: ~100k commits) take minutes, not seconds. */
const GIT_TIMEOUT_MS = 30 * 60 * 1000;

export interface EvaluationIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Milliseconds, for timings only: cut-offs come from the history, never from the clock. */
  readonly clock: () => number;
  /** Progress lines (stderr for a terminal; tests leave it out). */
  readonly progress?: (message: string) => void;
}

/** Runs one evaluation and returns its exit code: 0 done, 1 failed, 2 bad usage. */
export async function runEvaluationCli(argv: readonly string[], io: EvaluationIo): Promise<number> {
  let args: EvaluationArguments;
  try {
    args = parseEvaluationArguments(argv, io.cwd);
  } catch (error) {
    io.stderr(`multiplier eval: ${(error as Error).message} See "npm run eval -- --help".\n`);
    return 2;
  }
  if (args.help) {
    io.stdout(`${EVALUATION_USAGE}\n`);
    return 0;
  }
  try {
    const gitPath = resolveGitBinary(io.env);
    const prepared = await prepareEvaluation({
      folder: path.resolve(io.cwd, args.repo),
      makeRunner: (cwd) => new SimpleGitRunner({ gitPath, cwd, env: io.env, timeoutMs: GIT_TIMEOUT_MS }),
      filesAt: nodeWorkspaceFiles,
      areaSource: args.areas,
      withLineCounts: args.withLineCounts,
      excludePaths: args.excludePaths,
      clock: io.clock,
      onProgress: io.progress,
    });
    const plan = DEFAULT_CUTOFF_PLAN;
    const lastCommit = lastCommitTime(prepared.history.commits);
    const cutoffs = evaluationCutoffs(lastCommit, plan);
    const started = io.clock();
    const result = evaluateRankings({
      history: prepared.history,
      lineCounts: prepared.lineCounts,
      ownerOf: prepared.ownerOf,
      settings: prepared.settings,
      ignoredRevisions: prepared.ignoredRevisions,
      cutoffs,
      horizonDays: plan.horizonDays,
      onCutoff: (done, total) => io.progress?.(`Ranking at cut-off ${done} of ${total}…`),
    });
    const report = { prepared, result, plan, cutoffs, lastCommit, evaluationMs: io.clock() - started };
    io.stdout(args.json ? `${JSON.stringify(evaluationJson(report), null, 2)}\n` : evaluationText(report));
    return 0;
  } catch (error) {
    if (error instanceof GitFailure || error instanceof EvaluationUsageError) {
      io.stderr(`multiplier eval: error: ${error.message}\n`);
      return 1;
    }
    io.stderr(`multiplier eval: internal error: ${String((error as Error)?.message ?? error).split('\n')[0]}\n`);
    return 1;
  }
}
