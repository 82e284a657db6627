/**
 * Git commands as data: the arguments and the pure parser of their output. Runners execute them;
 * parsers never see a process, so they are tested on literal output.
 */

/** A command whose whole (small) stdout is parsed at once. */
export interface GitCommand<T> {
  readonly args: readonly string[];
  readonly parse: (stdout: string) => T;
  /** Non-zero exit codes that are an answer rather than a failure (e.g. `config --get` → 1). */
  readonly acceptExitCodes?: readonly number[];
  /** Bytes for git's stdin (commit ids for `--stdin`); without it stdin is empty and closed. */
  readonly input?: Uint8Array;
}

/** Receives stdout chunk by chunk, so long histories are never held whole in memory. */
export interface StreamParser<T> {
  push(chunk: Uint8Array): void;
  end(): T;
}

/** A command whose stdout is parsed as it streams. */
export interface GitStreamCommand<T> {
  readonly args: readonly string[];
  readonly createParser: () => StreamParser<T>;
  /** Bytes for git's stdin (commit ids for `--stdin`); without it stdin is empty and closed. */
  readonly input?: Uint8Array;
}

export interface RunOptions {
  /** Cancels the command: the process is killed and the promise rejects with kind `cancelled`. */
  readonly signal?: AbortSignal;
  /** Overrides the runner's hard deadline for this command. */
  readonly timeoutMs?: number;
  /** Extra `-c key=value` pairs for this command only (e.g. blanked filter drivers). */
  readonly extraConfig?: ReadonlyArray<readonly [string, string]>;
}

/** The port the core reads git through; the CLI and the extension hand one in. */
export interface GitRunner {
  /** The repository's top level every command runs in. */
  readonly cwd: string;
  run<T>(command: GitCommand<T>, options?: RunOptions): Promise<T>;
  stream<T>(command: GitStreamCommand<T>, options?: RunOptions): Promise<T>;
  /**
   * Runs `task` as one turn of the repository's queue, during which the runner it is handed runs
   * up to `width` git processes at once: for a read split over several cores. Commands given to
   * this runner outside the task wait for the whole turn, as they wait for any other command.
   */
  concurrently<T>(width: number, task: (parallel: GitRunner) => Promise<T>): Promise<T>;
}
