import type { MultiplierSettings } from '../config/settings';
import { analyzeIndex } from '../analysis/analyzeIndex';
import { recentHistoryStartSeconds, windowStartSeconds } from '../analysis/analysisWindow';
import type { RepositoryAnalysis } from '../analysis/repositoryAnalysis';
import { indexRules } from '../index/indexRules';
import { createPathFilter } from '../history/pathFilter';
import { parseIgnoreRevs } from '../history/contributions';
import type { HistoryIndex, IndexHorizon } from '../index/historyIndex';
import { indexKey, type IndexCache } from '../index/indexCache';
import { INDEX_FORMAT_VERSION } from '../index/indexCodec';
import { readHistoryIndex, updateHistoryIndex } from '../index/readHistoryIndex';
import type { GitRunner } from '../git/gitCommand';
import { openRepository, type RepositoryInfo, type RunnerFactory } from '../git/openRepository';
import { hasIdentity, type MyIdentity } from '../identity/myIdentity';
import { mailmapInPlay } from '../identity/mailmap';
import { loadCodeowners } from '../ownership/codeownersLocation';
import { ownershipRulesFromSettings, type OwnershipResolverInput } from '../ownership/ownershipResolver';
import type { CodeownersFlavor, CodeownersProblem } from '../ownership/types';
import type { WorkspaceFiles } from '../workspaceFiles';
import { resolveMyIdentity } from './resolveMyIdentity';
import type { ScanMemory } from './scanMemory';

export interface ScanOptions {
  /** Any folder inside the repository. */
  readonly folder: string;
  readonly makeRunner: RunnerFactory;
  /** Reads worktree files (CODEOWNERS, ignore-revs) under the repository's top level. */
  readonly filesAt: (topLevel: string) => WorkspaceFiles;
  /** Settings, or a function that loads them once the top level is known. */
  readonly settings: MultiplierSettings | ((files: WorkspaceFiles) => Promise<MultiplierSettings>);
  /** Emails named explicitly as me (CLI `--me`); empty means git config's identity. */
  readonly me: readonly string[];
  /** When the scan judges, in seconds since the epoch. */
  readonly nowSeconds: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (message: string) => void;
  /** Keeps the history index between runs (the extension's storage); none reads all history each time. */
  readonly cache?: IndexCache;
  /** What a long-lived session remembers between scans (git's version, each path's answers); none starts afresh. */
  readonly memory?: ScanMemory;
}

export interface CodeownersReport {
  readonly flavor: CodeownersFlavor;
  readonly sourcePath: string | undefined;
  readonly problems: readonly CodeownersProblem[];
  readonly skippedReason: string | undefined;
}

export interface ScanResult {
  readonly repository: RepositoryInfo;
  readonly runner: GitRunner;
  readonly settings: MultiplierSettings;
  readonly me: MyIdentity;
  readonly codeowners: CodeownersReport | undefined;
  /** The rules areas were resolved with, so a path can be looked up elsewhere (another thread). */
  readonly ownership: OwnershipResolverInput;
  readonly analysis: RepositoryAnalysis;
  readonly index: HistoryIndex;
  /** How the index was obtained: all history read, only new commits read, or the cache as is. */
  readonly read: 'full' | 'incremental' | 'cached';
  /** Things the user should know that did not stop the scan (shallow clone, no identity). */
  readonly warnings: readonly string[];
}

const MAX_IGNORE_REVS_BYTES = 1024 * 1024;
const MAX_MAILMAP_BYTES = 4 * 1024 * 1024;

/** The main job: open the repository, read its history once, and judge every owned area. */
export async function scanRepository(options: ScanOptions): Promise<ScanResult> {
  const { signal } = options;
  const { memory } = options;
  const { runner, info, config } = await openRepository(options.folder, options.makeRunner, signal, memory);
  const files = options.filesAt(info.topLevel);
  const settings = typeof options.settings === 'function' ? await options.settings(files) : options.settings;
  const usesMailmap = await mailmapInPlay(files, config);
  // Independent: my identity (a git process, where there is a mailmap) while the worktree's files are read.
  const [me, codeowners, ignoredRevisions, mailmap] = await Promise.all([
    resolveMyIdentity(runner, { explicit: options.me, aliases: settings.identities, config, signal, mailmapInPlay: usesMailmap }),
    settings.codeowners.enabled ? loadCodeowners((p) => files.read(p, CODEOWNERS_READ_LIMIT), settings.codeowners.flavor, (p) => files.exists(p)) : undefined,
    readIgnoredRevisions(files, config.get('blame.ignorerevsfile')),
    files.read('.mailmap', MAX_MAILMAP_BYTES).then((file) => file?.text ?? ''),
  ]);
  const rules: OwnershipResolverInput = {
    settingsRules: ownershipRulesFromSettings(settings.ownershipMap),
    codeownersRules: codeowners?.rules ?? [],
    flavor: codeowners?.flavor ?? 'github',
  };
  const ownership = memory ? memory.sameOwnership(rules) : rules;
  // One filter for the replay and the analysis: each path's answer is worked out once per scan (once per session with a memory).
  const countsPath = memory ? memory.pathFilter(settings.ignore) : createPathFilter(settings.ignore);
  const key = indexKey({ format: INDEX_FORMAT_VERSION, ignore: settings.ignore, bots: settings.bots, agents: settings.agents, ignoredRevisions, mailmap });
  const { index, read } = await obtainIndex(runner, info, {
    key,
    horizon: {
      recentSinceSeconds: recentHistoryStartSeconds(settings.windowDays, options.nowSeconds),
      linesSinceSeconds: windowStartSeconds(settings.windowDays, options.nowSeconds),
    },
    rules: indexRules(settings, ignoredRevisions, countsPath),
    mailmapInPlay: usesMailmap,
    cache: options.cache,
    signal,
    onProgress: options.onProgress,
  });
  const analysis = analyzeIndex(index, { settings, ownership, me, nowSeconds: options.nowSeconds, pathFilter: countsPath });
  return {
    repository: info,
    runner,
    settings,
    me,
    codeowners: codeowners && {
      flavor: codeowners.flavor,
      sourcePath: codeowners.sourcePath,
      problems: codeowners.problems,
      skippedReason: codeowners.skippedReason,
    },
    ownership,
    analysis,
    index,
    read,
    warnings: scanWarnings(info, me, ownership, settings),
  };
}

interface ObtainOptions {
  readonly key: string;
  readonly horizon: IndexHorizon;
  readonly rules: ReturnType<typeof indexRules>;
  readonly mailmapInPlay: boolean;
  readonly cache: IndexCache | undefined;
  readonly signal: AbortSignal | undefined;
  readonly onProgress: ((message: string) => void) | undefined;
}

/**
 * The cached index when it is for this HEAD; an incremental read when HEAD descends from the
 * cached one; otherwise (no cache, a rewritten history, a window reaching further back) a full
 * read. A cache that cannot be saved costs the next run a full read, nothing more.
 */
async function obtainIndex(runner: GitRunner, info: RepositoryInfo, options: ObtainOptions): Promise<{ index: HistoryIndex; read: ScanResult['read'] }> {
  const { signal } = options;
  const cached = await options.cache?.load(info.topLevel, options.key);
  const { horizon } = options;
  const reaches = (index: HistoryIndex): boolean => index.linesSinceSeconds <= horizon.linesSinceSeconds && index.recentSinceSeconds <= horizon.recentSinceSeconds;
  const usable = cached && reaches(cached) ? cached : undefined;
  if (usable && usable.head === info.head) return { index: usable, read: 'cached' };
  const progress = (count: number): void => options.onProgress?.(`Reading history… ${count.toLocaleString('en-US')} commits`);
  const read = { head: info.head, shallow: info.shallow, rules: options.rules, mailmapInPlay: options.mailmapInPlay, ...horizon, signal, onProgress: progress };
  if (usable) options.onProgress?.('Reading new commits…');
  const update = usable && (await updateHistoryIndex(runner, { ...read, previous: usable }));
  if (!update) options.onProgress?.('Reading history…');
  const index = update ?? (await readHistoryIndex(runner, read));
  await options.cache?.save(info.topLevel, options.key, index);
  return { index, read: update ? 'incremental' : 'full' };
}

/** CODEOWNERS files over 3 MB are ignored (as GitHub does); read a little more to tell. */
export const CODEOWNERS_READ_LIMIT = 3 * 1024 * 1024;

/** `.git-blame-ignore-revs` and the file `blame.ignoreRevsFile` names, when it is inside the worktree. */
export async function readIgnoredRevisions(files: WorkspaceFiles, configured: string | undefined): Promise<string[]> {
  const paths = new Set(['.git-blame-ignore-revs', ...(configured ? [configured] : [])]);
  const revisions: string[] = [];
  for (const path of paths) {
    const file = await files.read(path, MAX_IGNORE_REVS_BYTES);
    if (file?.text) revisions.push(...parseIgnoreRevs(file.text));
  }
  return revisions;
}

function scanWarnings(info: RepositoryInfo, me: MyIdentity, ownership: OwnershipResolverInput, settings: MultiplierSettings): string[] {
  const warnings: string[] = [];
  if (info.shallow) warnings.push('This is a shallow clone: older history is missing, so knowledge and shares cover only what was fetched.');
  if (!hasIdentity(me)) {
    warnings.push('No identity for you: set git config user.email, multiplier.identities, or pass --me.');
  }
  // A CODEOWNERS of comments only (curl's) has no rules either.
  if (ownership.settingsRules.length === 0 && ownership.codeownersRules.length === 0) {
    warnings.push(
      settings.areas.inferFromHistory === 'off'
        ? 'No ownership rules, and reading areas from history is off (multiplier.areas.inferFromHistory): add a CODEOWNERS file or multiplier.ownershipMap, so Multiplier knows which team owns what.'
        : 'No ownership rules: the areas are read from history (folders and the people who built them). Add a CODEOWNERS file or multiplier.ownershipMap to say who owns what.',
    );
  }
  return warnings;
}
