import { simpleGit, type SimpleGit } from 'simple-git';
import type { GitCommand, GitRunner, GitStreamCommand, RunOptions } from './gitCommand';
import { GitFailure, classifyGitError } from './gitFailure';
import { RECIPE_VARIABLES, SAFE_CONFIG, safeGitEnvironment } from './safetyRecipe';

/** The tail of each repository folder's command queue, per lane. */
const queues = new Map<string, Promise<void>>();

/**
 * Which queue a runner's commands wait in. A repository runs at most one git process per lane:
 * `background` for history reads, `interactive` for what a person waits on (a handoff note, an
 * identity report), so a long read never holds up an answer. Both lanes only ever read.
 */
export type GitLane = 'background' | 'interactive';

export interface SimpleGitRunnerOptions {
  /** Absolute path of the git binary. */
  readonly gitPath: string;
  /** The validated top level of the repository. */
  readonly cwd: string;
  /** The environment to inherit from (scrubbed before use). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Hard deadline per command. */
  readonly timeoutMs: number;
  /** The queue to wait in; `background` unless said otherwise. */
  readonly lane?: GitLane;
}

/**
 * Runs git through simple-git with the safety recipe, one process at a time per repository and
 * lane (several only inside a `concurrently` turn), each with a hard deadline and cancellation.
 * simple-git's own guards cover arguments; the recipe covers the repository's config, which
 * simple-git leaves alone.
 */
export class SimpleGitRunner implements GitRunner {
  private readonly env: Record<string, string>;

  constructor(private readonly options: SimpleGitRunnerOptions) {
    this.env = safeGitEnvironment(options.env);
  }

  get cwd(): string {
    return this.options.cwd;
  }

  run<T>(command: GitCommand<T>, options: RunOptions = {}): Promise<T> {
    return this.enqueue(() => this.runNow(command, options));
  }

  stream<T>(command: GitStreamCommand<T>, options: RunOptions = {}): Promise<T> {
    return this.enqueue(() => this.streamNow(command, options));
  }

  concurrently<T>(width: number, task: (parallel: GitRunner) => Promise<T>): Promise<T> {
    return this.enqueue(() => task(this.parallelRunner(Math.max(1, Math.floor(width)))));
  }

  /** A runner for inside one turn: no queue, at most `width` processes at once. */
  private parallelRunner(width: number): GitRunner {
    const limit = concurrencyLimit(width);
    const parallel: GitRunner = {
      cwd: this.cwd,
      run: (command, options = {}) => limit(() => this.runNow(command, options)),
      stream: (command, options = {}) => limit(() => this.streamNow(command, options)),
      concurrently: (_width, task) => task(parallel),
    };
    return parallel;
  }

  private async runNow<T>(command: GitCommand<T>, options: RunOptions): Promise<T> {
    const { stdout } = await this.execute(command.args, options, undefined, command.acceptExitCodes ?? [], command.input);
    return command.parse(stdout);
  }

  private async streamNow<T>(command: GitStreamCommand<T>, options: RunOptions): Promise<T> {
    const parser = command.createParser();
    await this.execute(command.args, options, (chunk) => parser.push(chunk), [], command.input);
    return parser.end();
  }

  /** A runner for the same repository whose commands wait in the other lane. */
  inLane(lane: GitLane): SimpleGitRunner {
    return new SimpleGitRunner({ ...this.options, lane });
  }

  /**
   * Serialises commands per repository folder and lane, across every runner of this thread: a
   * repository never has two of our git processes in one lane at once, except the processes of
   * one `concurrently` turn, which is a single task here.
   */
  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const queue = `${this.cwd}\0${this.options.lane ?? 'background'}`;
    const previous = queues.get(queue) ?? Promise.resolve();
    const result = previous.then(task, task);
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    queues.set(queue, settled);
    void settled.then(() => {
      if (queues.get(queue) === settled) queues.delete(queue);
    });
    return result;
  }

  private async execute(
    args: readonly string[],
    options: RunOptions,
    onChunk: ((chunk: Uint8Array) => void) | undefined,
    acceptExitCodes: readonly number[],
    input: Uint8Array | undefined,
  ): Promise<{ stdout: string }> {
    if (options.signal?.aborted) throw cancelled();
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs;
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
    let chunkError: unknown;
    let failure: GitFailure | undefined;
    const git = this.createClient(signal, timeoutMs, options.extraConfig ?? [], acceptExitCodes, input, (f) => (failure = f));
    if (onChunk) {
      git.outputHandler((_command, stdout) => {
        // simple-git buffers all of stdout; detach its collector so a long history is parsed as
        // it streams instead of being held whole (its timeout listeners attach after this).
        stdout.removeAllListeners('data');
        stdout.on('data', (chunk: Buffer) => {
          if (chunkError !== undefined) return;
          try {
            onChunk(chunk);
          } catch (error) {
            chunkError = error;
          }
        });
      });
    }
    try {
      const stdout = await git.raw([...args]);
      if (chunkError !== undefined) throw chunkError;
      return { stdout };
    } catch (error) {
      if (options.signal?.aborted) throw cancelled();
      if (deadline.aborted) {
        throw new GitFailure('timeout', `Git took longer than ${Math.round(timeoutMs / 1000)} s (git ${args[0] ?? ''}) and was stopped.`);
      }
      if (chunkError !== undefined) throw chunkError;
      // simple-git wraps what `errors` returns; rethrow our own classification unwrapped.
      if (failure) throw failure;
      throw classifyGitError(String((error as Error)?.message ?? error), this.cwd);
    }
  }

  private createClient(
    signal: AbortSignal,
    timeoutMs: number,
    extraConfig: ReadonlyArray<readonly [string, string]>,
    acceptExitCodes: readonly number[],
    input: Uint8Array | undefined,
    onFailure: (failure: GitFailure) => void,
  ): SimpleGit {
    const cwd = this.cwd;
    return simpleGit({
      baseDir: cwd,
      binary: this.options.gitPath,
      maxConcurrentProcesses: 1,
      config: [...SAFE_CONFIG, ...extraConfig].map(([key, value]) => `${key}=${value}`),
      abort: signal,
      timeout: { block: timeoutMs },
      allowEnvironment: Object.keys(RECIPE_VARIABLES),
      // simple-git guards `-c` keys that could start programs. Ours only switch them off
      // (fsmonitor, hooks, and worktree reads' blanked filter drivers): the safe direction.
      unsafe: { allowUnsafeFsMonitor: true, allowUnsafeHooksPath: true, allowUnsafeFilter: true, allowUnsafeCustomBinary: true },
      // Stdin is always ended: with no input git never waits on it; with input (commit ids for
      // `--stdin`) it reads exactly those bytes.
      input: () => (input ? Buffer.from(input.buffer, input.byteOffset, input.byteLength) : Buffer.alloc(0)),
      errors(error, result) {
        if (result.exitCode === 0 && error === undefined) return undefined;
        if (acceptExitCodes.includes(result.exitCode)) return undefined;
        const stderr = Buffer.concat(result.stdErr).toString('utf8');
        const failure = classifyGitError(stderr || String(error ?? `exit code ${result.exitCode}`), cwd);
        onFailure(failure);
        return failure;
      },
    }).env(this.env);
  }
}

/** Runs at most `width` tasks at once, the others in the order they were given. */
function concurrencyLimit(width: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    // A finishing task hands its slot straight to the next waiting one.
    if (running >= width) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

function cancelled(): GitFailure {
  return new GitFailure('cancelled', 'Reading git history was cancelled.');
}

