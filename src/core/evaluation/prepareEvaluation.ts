import type { OwnerLookup } from '../analysis/areas';
import { DEFAULT_SETTINGS, type MultiplierSettings } from '../config/settings';
import { openRepository, type RepositoryInfo, type RunnerFactory } from '../git/openRepository';
import { configValue } from '../git/repositoryCommands';
import { CODEOWNERS_READ_LIMIT, readIgnoredRevisions } from '../scan/scanRepository';
import { createPathFilter } from '../history/pathFilter';
import { readHistory } from '../history/readHistory';
import type { RepositoryHistory } from '../history/repositoryHistory';
import { loadCodeowners } from '../ownership/codeownersLocation';
import { createOwnershipResolver } from '../ownership/ownershipResolver';
import type { WorkspaceFiles } from '../workspaceFiles';
import { chooseAreaSource, ownedFileCount, topLevelDirectoryRules, type AreaChoice, type AreaSource } from './evaluationAreas';
import { readAllLineCounts, type LineCountIndex } from './lineCounts';

export interface PrepareEvaluationOptions {
  /** Any folder inside the repository. */
  readonly folder: string;
  readonly makeRunner: RunnerFactory;
  readonly filesAt: (topLevel: string) => WorkspaceFiles;
  readonly areaSource: AreaSource;
  /** Read line counts for all of history (the slow part) for the lines baseline. */
  readonly withLineCounts: boolean;
  /** Paths from the top of the repository to leave out of history (blobs the clone lacks). */
  readonly excludePaths: readonly string[];
  /** Milliseconds, for the timings in the report. */
  readonly clock: () => number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (message: string) => void;
}

/** Everything `evaluateRankings` needs, read from git once. */
export interface PreparedEvaluation {
  readonly repository: RepositoryInfo;
  readonly history: RepositoryHistory;
  readonly lineCounts: LineCountIndex | undefined;
  readonly ownerOf: OwnerLookup;
  readonly areas: AreaChoice & { readonly rules: number };
  readonly ignoredRevisions: readonly string[];
  /** Paths left out of history, as asked. */
  readonly excludedPaths: readonly string[];
  /**
   * The extension's defaults (90-day window, built-in bots and ignores). The repository's own
   * `.vscode/settings.json` is not read, so every repository is ranked the same way.
   */
  readonly settings: MultiplierSettings;
  readonly timings: { readonly historyMs: number; readonly lineCountsMs: number };
}

/**
 * A `--since` beyond any commit (9999-12-31), so `readHistory` reads no window line counts of its
 * own: the evaluation reads them for all of history once, or not at all.
 */
const NO_WINDOW_LINES = 253_402_300_799;

export async function prepareEvaluation(options: PrepareEvaluationOptions): Promise<PreparedEvaluation> {
  const { signal, clock } = options;
  const { runner, info } = await openRepository(options.folder, options.makeRunner, signal);
  const files = options.filesAt(info.topLevel);
  const settings = DEFAULT_SETTINGS;

  let started = clock();
  options.onProgress?.('Reading history…');
  const history = await readHistory(runner, {
    head: info.head,
    shallow: info.shallow,
    linesSince: NO_WINDOW_LINES,
    excludePaths: options.excludePaths,
    signal,
    onProgress: (count) => options.onProgress?.(`Reading history… ${count.toLocaleString('en-US')} commits`),
  });
  const historyMs = clock() - started;

  started = clock();
  let lineCounts: LineCountIndex | undefined;
  if (options.withLineCounts) {
    options.onProgress?.('Reading line counts of all history…');
    lineCounts = await readAllLineCounts(runner, info.head, options.excludePaths, signal);
  }
  const lineCountsMs = clock() - started;

  const { ownerOf, areas } = await evaluationAreas(options.areaSource, files, history, settings);
  const ignoredRevisions = await readIgnoredRevisions(files, await runner.run(configValue('blame.ignoreRevsFile'), { signal }));
  return { repository: info, history, lineCounts, ownerOf, areas, ignoredRevisions, excludedPaths: options.excludePaths, settings, timings: { historyMs, lineCountsMs } };
}

async function evaluationAreas(
  requested: AreaSource,
  files: WorkspaceFiles,
  history: RepositoryHistory,
  settings: MultiplierSettings,
): Promise<{ ownerOf: OwnerLookup; areas: AreaChoice & { rules: number } }> {
  const codeowners = await loadCodeowners((p) => files.read(p, CODEOWNERS_READ_LIMIT), settings.codeowners.flavor, (p) => files.exists(p));
  const fromCodeowners = createOwnershipResolver({ settingsRules: [], codeownersRules: codeowners.rules, flavor: codeowners.flavor });
  const coverage = ownedFileCount(history.files, createPathFilter(settings.ignore), (path) => fromCodeowners.ownerOf(path)?.owners);
  const choice = chooseAreaSource(requested, { path: codeowners.sourcePath, ownedFiles: coverage.owned }, coverage.counted);
  if (choice.source === 'codeowners') {
    return { ownerOf: (path) => fromCodeowners.ownerOf(path), areas: { ...choice, rules: codeowners.rules.length } };
  }
  const rules = topLevelDirectoryRules(everyPath(history));
  const fromDirectories = createOwnershipResolver({ settingsRules: rules, codeownersRules: [], flavor: 'github' });
  return { ownerOf: (path) => fromDirectories.ownerOf(path), areas: { ...choice, rules: rules.length } };
}

/** HEAD's files and every path history touched: directories that are gone were areas once. */
function everyPath(history: RepositoryHistory): Set<string> {
  const paths = new Set(history.files);
  for (const commit of history.commits) for (const change of commit.changes) paths.add(change.path);
  return paths;
}

