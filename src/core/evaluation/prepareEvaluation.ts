import { areaDirectories } from '../areas/areaDirectories';
import { DEFAULT_SETTINGS, type MultiplierSettings } from '../config/settings';
import { openRepository, type RepositoryInfo, type RunnerFactory } from '../git/openRepository';
import { configValue } from '../git/repositoryCommands';
import { CODEOWNERS_READ_LIMIT, readIgnoredRevisions } from '../scan/scanRepository';
import { createPathFilter } from '../history/pathFilter';
import { readHistory } from '../history/readHistory';
import type { RepositoryHistory } from '../history/repositoryHistory';
import { loadCodeowners } from '../ownership/codeownersLocation';
import { createOwnershipResolver, type OwnershipResolverInput } from '../ownership/ownershipResolver';
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
  /** The rules areas come from (none for `history`: then every area is inferred). */
  readonly ownership: OwnershipResolverInput;
  readonly areas: AreaChoice & { readonly rules: number };
  readonly ignoredRevisions: readonly string[];
  /** Paths left out of history, as asked. */
  readonly excludedPaths: readonly string[];
  /**
   * The extension's defaults (90-day window, built-in bots and ignores), with areas inferred from
   * history only when they are what is evaluated. The repository's own `.vscode/settings.json`
   * is not read, so every repository is ranked the same way.
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
  const defaults = DEFAULT_SETTINGS;

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

  const { ownership, areas } = await evaluationAreas(options.areaSource, files, history, defaults);
  // Rule areas are scored as the rules draw them; inferred areas only when they are asked for.
  const settings: MultiplierSettings = { ...defaults, areas: { inferFromHistory: areas.source === 'history' ? 'auto' : 'off' } };
  const ignoredRevisions = await readIgnoredRevisions(files, await runner.run(configValue('blame.ignoreRevsFile'), { signal }));
  return { repository: info, history, lineCounts, ownership, areas, ignoredRevisions, excludedPaths: options.excludePaths, settings, timings: { historyMs, lineCountsMs } };
}

async function evaluationAreas(
  requested: AreaSource,
  files: WorkspaceFiles,
  history: RepositoryHistory,
  settings: MultiplierSettings,
): Promise<{ ownership: OwnershipResolverInput; areas: AreaChoice & { rules: number } }> {
  if (requested === 'history') {
    const folders = areaDirectories(history.files.filter(createPathFilter(settings.ignore))).length;
    const why = 'folders inferred from history, as the extension draws them where no rule applies, as asked';
    return { ownership: { settingsRules: [], codeownersRules: [], flavor: 'github' }, areas: { source: 'history', why, rules: folders } };
  }
  const codeowners = await loadCodeowners((p) => files.read(p, CODEOWNERS_READ_LIMIT), settings.codeowners.flavor, (p) => files.exists(p));
  const fromCodeowners = createOwnershipResolver({ settingsRules: [], codeownersRules: codeowners.rules, flavor: codeowners.flavor });
  const coverage = ownedFileCount(history.files, createPathFilter(settings.ignore), (path) => fromCodeowners.ownerOf(path)?.owners);
  const choice = chooseAreaSource(requested, { path: codeowners.sourcePath, ownedFiles: coverage.owned }, coverage.counted);
  if (choice.source === 'codeowners') {
    return { ownership: { settingsRules: [], codeownersRules: codeowners.rules, flavor: codeowners.flavor }, areas: { ...choice, rules: codeowners.rules.length } };
  }
  const rules = topLevelDirectoryRules(everyPath(history));
  return { ownership: { settingsRules: rules, codeownersRules: [], flavor: 'github' }, areas: { ...choice, rules: rules.length } };
}

/** HEAD's files and every path history touched: directories that are gone were areas once. */
function everyPath(history: RepositoryHistory): Set<string> {
  const paths = new Set(history.files);
  for (const commit of history.commits) for (const change of commit.changes) paths.add(change.path);
  return paths;
}

