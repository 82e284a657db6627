/**
 * A `git` first on PATH that records every call carrying Multiplier's safety recipe
 * (`core.hooksPath=/dev/null`) and then runs the real git. Suites read the record to prove git
 * ran (trusted) or did not (Restricted Mode). Runs in the test runner, before VS Code starts.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { resolveGitBinary } from '../../../src/core/git/gitBinary';

export const GIT_CALL_LOG_ENV = 'MULTIPLIER_TEST_GIT_CALLS';

export interface GitShim {
  /** Absolute path of the shim, for the `git.path` setting (which the extension honours). */
  readonly gitPath: string;
  /** PATH with the shim first, and where the shim records calls. */
  readonly env: Record<string, string>;
}

/**
 * The extension asks VS Code's git extension for the binary (which honours `git.path`) and falls
 * back to PATH; the remote extension host takes PATH from the login shell, so suites set both.
 */
export function createGitShim(): GitShim {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'multiplier-git-shim-'));
  const realGit = resolveGitBinary(process.env);
  const log = path.join(dir, 'calls.log');
  fs.writeFileSync(
    path.join(dir, 'git'),
    ['#!/bin/sh', 'case " $* " in', `  *" core.hooksPath=/dev/null "*) echo "$*" >> ${JSON.stringify(log)} ;;`, 'esac', `exec ${JSON.stringify(realGit)} "$@"`, ''].join('\n'),
    { mode: 0o755 },
  );
  return { gitPath: path.join(dir, 'git'), env: { PATH: `${dir}${path.delimiter}${process.env.PATH ?? ''}`, [GIT_CALL_LOG_ENV]: log } };
}

/** The recorded git calls (inside the extension host). */
export function recordedGitCalls(): string[] {
  const log = process.env[GIT_CALL_LOG_ENV];
  if (!log) throw new Error(`${GIT_CALL_LOG_ENV} is not set: the suite's fixture must export gitShimEnv() as env`);
  return fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
}
