/**
 * The fixed way every git process is started (see shared/docs/git-safety.md): the repository is
 * attacker-controlled data, so its config must not be able to run programs, rewrite files or
 * change the output format our parsers rely on.
 */

/** `-c key=value` pairs put in front of every command, as `[key, value]`. */
export const SAFE_CONFIG: ReadonlyArray<readonly [string, string]> = [
  ['core.fsmonitor', 'false'],
  ['core.hooksPath', '/dev/null'],
  ['log.showSignature', 'false'],
  ['safe.bareRepository', 'explicit'],
  ['i18n.logOutputEncoding', 'UTF-8'],
  ['color.ui', 'false'],
  ['core.quotePath', 'false'],
  // Parsers read file names from history; these keep the output shape fixed.
  ['diff.noprefix', 'false'],
  ['diff.mnemonicPrefix', 'false'],
  ['log.follow', 'false'],
  // Without it the root commit lists no files, and its author knows nothing of them.
  ['log.showRoot', 'true'],
  // A missing order file fails every diff, and a FIFO or /dev/zero one never ends.
  ['diff.orderFile', '/dev/null'],
  // A tiny threshold would make every file "binary" and every line count unknown.
  ['core.bigFileThreshold', '512m'],
];

/** Options placed after the subcommand of every diff-producing command. */
export const SAFE_DIFF_OPTIONS: readonly string[] = ['--no-ext-diff', '--no-textconv', '--no-color', '--no-relative'];

/** Inherited variables that could redirect git or start a program. */
const DROPPED_VARIABLES = new Set(['PAGER', 'EDITOR', 'VISUAL', 'SSH_ASKPASS']);

/** Variables the recipe sets on top of the scrubbed environment. */
export const RECIPE_VARIABLES: Readonly<Record<string, string>> = {
  GIT_ALLOW_PROTOCOL: '',
  GIT_NO_LAZY_FETCH: '1',
  GIT_TERMINAL_PROMPT: '0',
  GIT_OPTIONAL_LOCKS: '0',
};

/** The environment for a git child: the inherited one without GIT_* and friends, plus the recipe. */
export function safeGitEnvironment(inherited: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(inherited)) {
    if (value === undefined) continue;
    if (key.toUpperCase().startsWith('GIT_') || DROPPED_VARIABLES.has(key.toUpperCase())) continue;
    env[key] = value;
  }
  return { ...env, ...RECIPE_VARIABLES, LC_ALL: 'C' };
}

/**
 * Filter drivers have no global off switch; a worktree read (`status`, `diff` against the
 * worktree) must blank every driver the config defines. Returns undefined for a driver name
 * that cannot be overridden safely with `-c` (it contains `=` or a newline), so the caller
 * can refuse the worktree read instead of running the driver.
 */
export function filterDriverOverrides(driverNames: readonly string[]): Array<readonly [string, string]> | undefined {
  const overrides: Array<readonly [string, string]> = [];
  for (const name of driverNames) {
    if (/[=\n\0]/.test(name)) return undefined;
    overrides.push([`filter.${name}.clean`, ''], [`filter.${name}.smudge`, ''], [`filter.${name}.process`, ''], [`filter.${name}.required`, 'false']);
  }
  return overrides;
}
