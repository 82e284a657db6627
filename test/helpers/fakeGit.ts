/**
 * Stand-ins for the git binary, for faults a real git cannot be made to show on demand (an old
 * version, a command that hangs): a shell script named `git` first on PATH, which may hand
 * anything it does not fake to the real git.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveGitBinary } from '../../src/core/git/gitBinary';
import { createTestDir, fixtureGitEnv } from './gitFixture';

/** The real git, as the fixtures and the CLI find it. */
export const REAL_GIT = resolveGitBinary(process.env);

/** The fixture environment with a `git` made of `body` (shell) first on PATH. */
export function envWithFakeGit(body: string): NodeJS.ProcessEnv {
  const dir = createTestDir('multiplier-fake-git-');
  fs.writeFileSync(path.join(dir, 'git'), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  const env = fixtureGitEnv();
  return { ...env, PATH: `${dir}${path.delimiter}${env.PATH ?? ''}` };
}

/** A git that answers `git version` with `version` and runs nothing else. */
export function envWithGitVersion(version: string): NodeJS.ProcessEnv {
  return envWithFakeGit(`case "$*" in\n  *version*) echo "git version ${version}" ;;\n  *) echo "fatal: this fake git only knows its version" >&2; exit 128 ;;\nesac`);
}

/** The real git, except that commands whose arguments contain ` <subcommand> ` never finish. */
export function envWithHangingGit(subcommand: string): NodeJS.ProcessEnv {
  return envWithFakeGit(`case " $* " in\n  *" ${subcommand} "*) exec sleep 60 ;;\nesac\nexec ${JSON.stringify(REAL_GIT)} "$@"`);
}
