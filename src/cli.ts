/**
 * The command-line front end: the same core as the extension, for terminals and CI. Output goes
 * to stdout; every error is one line on stderr and a non-zero exit; nothing is ever written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GitFailure } from './core/git/gitFailure';
import { resolveGitBinary } from './core/git/gitBinary';
import { SimpleGitRunner } from './core/git/simpleGitRunner';
import { draftHandoffNote } from './core/handoff/draftHandoff';
import { HandoffError } from './core/handoff/handoffTarget';
import { codeownersProblemText } from './core/ownership/codeownersProblemText';
import { loadRepositorySettings, loadSettingsFile, SettingsFileError, type LoadedSettings } from './core/scan/loadSettings';
import { scanRepository } from './core/scan/scanRepository';
import { nodeWorkspaceFiles, type WorkspaceFiles } from './core/workspaceFiles';
import { parseCliArguments, USAGE, type CliArguments } from './cli/cliArguments';
import { handoffTarget } from './cli/handoffPath';
import { homeFolder } from './cli/homePath';
import { scanJson, scanText } from './cli/scanReport';
import { footprintJson, footprintText } from './cli/footprintReport';
import { nudgeAreas, withLinesReplaced } from './core/replaced/readLinesReplaced';

const VERSION = '0.1.0';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly clock: () => number;
}

/** Runs one CLI invocation and returns its exit code: 0 done, 1 failed, 2 bad usage. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let args: CliArguments;
  try {
    args = parseCliArguments(argv, io.cwd, io.clock);
  } catch (error) {
    io.stderr(`multiplier: ${(error as Error).message} See "multiplier --help".\n`);
    return 2;
  }
  if (args.command === 'help') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (args.command === 'version') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const folder = path.resolve(io.cwd, args.repo);
  try {
    const explicitConfig = args.config ? await loadSettingsFile(path.resolve(io.cwd, args.config)) : undefined;
    const gitPath = resolveGitBinary(io.env);
    const problems: LoadedSettings['problems'][number][] = [];
    const scanned = await scanRepository({
      folder,
      makeRunner: (cwd) => new SimpleGitRunner({ gitPath, cwd, env: io.env, timeoutMs: args.timeoutMs }),
      filesAt: nodeWorkspaceFiles,
      settings: async (files: WorkspaceFiles) => {
        const loaded = explicitConfig ?? (await loadRepositorySettings(files));
        problems.push(...loaded.problems);
        return args.windowDays === undefined ? loaded.settings : { ...loaded.settings, windowDays: args.windowDays };
      },
      me: args.me,
      nowSeconds: args.nowSeconds,
    });
    // Scan and footprint read the lines others wrote that my changes replaced, in nudge areas;
    // the handoff note reads them for its own area.
    const replaced = args.command === 'handoff' ? { scan: scanned, warnings: [] } : await withLinesReplaced(scanned, nudgeAreas(scanned.analysis.areas));
    const result = replaced.scan;
    for (const problem of problems) io.stderr(`multiplier: warning: setting ${problem.key} ${problem.message}\n`);
    for (const problem of result.codeowners?.problems ?? []) io.stderr(`multiplier: warning: ${codeownersProblemText(result.codeowners?.sourcePath, problem)}\n`);
    for (const warning of [...result.warnings, ...replaced.warnings]) io.stderr(`multiplier: warning: ${warning}\n`);
    if (args.command === 'scan') {
      io.stdout(args.json ? `${JSON.stringify(scanJson(result), null, 2)}\n` : scanText(result, homeFolder(io.env)));
      return 0;
    }
    if (args.command === 'footprint') {
      io.stdout(args.json ? `${JSON.stringify(footprintJson(result), null, 2)}\n` : footprintText(result, homeFolder(io.env)));
      return 0;
    }
    io.stdout(await draftHandoffNote(result, handoffTarget(result.repository.topLevel, folder, args.path ?? '.')));
    return 0;
  } catch (error) {
    if (error instanceof GitFailure) {
      io.stderr(`multiplier: error: ${gitFailureMessage(error, folder, args.timeoutMs)}\n`);
      return 1;
    }
    if (error instanceof SettingsFileError || error instanceof HandoffError) {
      io.stderr(`multiplier: error: ${error.message}\n`);
      return 1;
    }
    io.stderr(`multiplier: internal error: ${String((error as Error)?.message ?? error).split('\n')[0]}\n`);
    return 1;
  }
}

/** The failure's own sentence, plus what only the command line can offer. */
function gitFailureMessage(error: GitFailure, folder: string, timeoutMs: number): string {
  if (error.kind === 'timeout') return `${error.message} Raise the limit with --timeout SECONDS (it was ${timeoutMs / 1000} s).`;
  if (error.kind === 'not-a-repository') {
    const repositories = childRepositories(folder);
    if (repositories.length > 0) {
      const shown = repositories.slice(0, 5).join(', ') + (repositories.length > 5 ? ', …' : '');
      return `${error.message.replace(/\.$/, '')}, but it holds ${repositories.length === 1 ? 'a repository' : `${repositories.length} repositories`} (${shown}): pass one with --repo, one run per repository.`;
    }
  }
  return error.message;
}

/** Folders right below `folder` that are repositories (a multi-root checkout). */
function childRepositories(folder: string): string[] {
  try {
    return fs
      .readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(folder, entry.name, '.git')))
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    clock: Date.now,
  }).then((code) => {
    process.exitCode = code;
  });
}
