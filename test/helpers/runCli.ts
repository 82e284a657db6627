import { runCli } from '../../src/cli';
import { FIXED_NOW, fixtureGitEnv } from './gitFixture';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in this process, as `multiplier ...args` in `cwd`, with the fixtures' git environment. */
export async function runCliInProcess(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; now?: Date }): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: options.env ?? fixtureGitEnv(),
    cwd: options.cwd,
    clock: () => (options.now ?? FIXED_NOW).getTime(),
  });
  return { code, stdout, stderr };
}
