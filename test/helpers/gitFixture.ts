/**
 * The one way tests build git repositories: real `git` in a temp folder, with a private HOME,
 * fixed identities and dates, and no signing or auto-gc, so every run produces the same shas.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface Person {
  readonly name: string;
  readonly email: string;
}

export interface CommitSpec {
  readonly author: Person;
  /** ISO date or a Date; the committer date is the same unless `committerDate` is given. */
  readonly date: string | Date;
  readonly committer?: Person;
  readonly committerDate?: string | Date;
  readonly message?: string;
  readonly coAuthors?: readonly Person[];
  /** File contents to write; `null` deletes the file. Paths use `/`. */
  readonly files?: Readonly<Record<string, string | null>>;
  /** Renames done with `git mv` before writing `files`. */
  readonly renames?: ReadonlyArray<readonly [from: string, to: string]>;
  readonly allowEmpty?: boolean;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The fixed "now" scenario tests evaluate at; commits are placed relative to it. */
export const FIXED_NOW = new Date('2026-06-01T12:00:00Z');

export function daysAgo(days: number, now: Date = FIXED_NOW): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

let fixtureHome: string | undefined;

/** A HOME with a gitconfig that makes every repository deterministic and quiet. */
function deterministicHome(): string {
  if (fixtureHome) return fixtureHome;
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'multiplier-home-'));
  fs.writeFileSync(
    path.join(home, '.gitconfig'),
    [
      '[user]',
      '\tname = Fixture Default',
      '\temail = fixture@example.invalid',
      '[init]',
      '\tdefaultBranch = main',
      '[commit]',
      '\tgpgsign = false',
      '[tag]',
      '\tgpgsign = false',
      '[gc]',
      '\tauto = 0',
      '[core]',
      '\tautocrlf = false',
      '',
    ].join('\n'),
  );
  fixtureHome = home;
  return home;
}

function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('GIT_')) env[key] = value;
  }
  return {
    ...env,
    HOME: deterministicHome(),
    XDG_CONFIG_HOME: path.join(deterministicHome(), '.config'),
    GIT_CONFIG_NOSYSTEM: '1',
    TZ: 'UTC',
    ...extra,
  };
}

function isoDate(date: string | Date): string {
  return (typeof date === 'string' ? new Date(date) : date).toISOString();
}

export class TestRepo {
  constructor(readonly dir: string) {}

  /** Runs git in the repository and returns stdout; throws with stderr on failure. */
  git(args: readonly string[], extraEnv: Record<string, string> = {}): string {
    return execFileSync('git', args, {
      cwd: this.dir,
      env: gitEnv(extraEnv),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 256 * 1024 * 1024,
    });
  }

  /** Runs git and returns stdout as bytes, optionally feeding `input` on stdin. */
  gitBytes(args: readonly string[], input?: Buffer, extraEnv: Record<string, string> = {}): Buffer {
    return execFileSync('git', args, {
      cwd: this.dir,
      env: gitEnv(extraEnv),
      input,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      maxBuffer: 256 * 1024 * 1024,
    });
  }

  write(relPath: string, content: string | Uint8Array): void {
    const full = path.join(this.dir, relPath);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }

  /** Sets a key in the repository's own `.git/config` (the file a repository's author controls). */
  config(key: string, value: string): void {
    this.git(['config', key, value]);
  }

  /** The repository's git directory (`.git`, or where a linked worktree's `.git` file points). */
  gitDir(): string {
    return path.resolve(this.dir, this.git(['rev-parse', '--git-dir']).trim());
  }

  /**
   * Replaces HEAD with a copy of its commit object rewritten byte for byte by `edit` (for what
   * `git commit` refuses to write: signatures, non-UTF-8 author names). Returns the new sha.
   */
  rewriteHead(edit: (commitObject: Buffer) => Buffer): string {
    const original = this.gitBytes(['cat-file', 'commit', 'HEAD']);
    const sha = this.gitBytes(['hash-object', '-t', 'commit', '-w', '--stdin'], edit(original)).toString('utf8').trim();
    this.git(['update-ref', '-m', 'rewrite', 'HEAD', sha]);
    return sha;
  }

  /** Adds a (fake) signature of the given format to HEAD: enough for git to run the verifier. */
  signHead(format: 'openpgp' | 'ssh' | 'x509'): string {
    const armor = { openpgp: 'PGP SIGNATURE', ssh: 'SSH SIGNATURE', x509: 'SIGNED MESSAGE' }[format];
    const signature = `gpgsig -----BEGIN ${armor}-----\n \n AAAA\n -----END ${armor}-----\n`;
    return this.rewriteHead((commit) => {
      const text = commit.toString('latin1');
      const headerEnd = text.indexOf('\n\n');
      return Buffer.from(`${text.slice(0, headerEnd + 1)}${signature}${text.slice(headerEnd + 1)}`, 'latin1');
    });
  }

  remove(relPath: string): void {
    fs.rmSync(path.join(this.dir, relPath), { force: true });
  }

  /** Makes one commit and returns its sha. */
  commit(spec: CommitSpec): string {
    for (const [from, to] of spec.renames ?? []) {
      fs.mkdirSync(path.dirname(path.join(this.dir, to)), { recursive: true });
      this.git(['mv', '--', from, to]);
    }
    for (const [relPath, content] of Object.entries(spec.files ?? {})) {
      if (content === null) this.git(['rm', '-q', '--', relPath]);
      else {
        this.write(relPath, content);
        this.git(['add', '--', relPath]);
      }
    }
    const committer = spec.committer ?? spec.author;
    const trailers = (spec.coAuthors ?? []).map((p) => `Co-authored-by: ${p.name} <${p.email}>`);
    const message = [spec.message ?? 'change', ...(trailers.length ? ['', trailers.join('\n')] : [])].join('\n');
    this.git(['commit', '-q', ...(spec.allowEmpty ? ['--allow-empty'] : []), '-m', message], {
      GIT_AUTHOR_NAME: spec.author.name,
      GIT_AUTHOR_EMAIL: spec.author.email,
      GIT_AUTHOR_DATE: isoDate(spec.date),
      GIT_COMMITTER_NAME: committer.name,
      GIT_COMMITTER_EMAIL: committer.email,
      GIT_COMMITTER_DATE: isoDate(spec.committerDate ?? spec.date),
    });
    return this.head();
  }

  head(): string {
    return this.git(['rev-parse', 'HEAD']).trim();
  }

  /** Creates a merge commit of `branch` into the current branch with `--no-ff`. */
  merge(branch: string, author: Person, date: string | Date): string {
    this.git(['merge', '-q', '--no-ff', '-m', `Merge ${branch}`, branch], {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_AUTHOR_DATE: isoDate(date),
      GIT_COMMITTER_NAME: author.name,
      GIT_COMMITTER_EMAIL: author.email,
      GIT_COMMITTER_DATE: isoDate(date),
    });
    return this.head();
  }

  /** Sets the identity `git config user.*` reports for this repository ("me"). */
  setIdentity(person: Person): void {
    this.git(['config', 'user.name', person.name]);
    this.git(['config', 'user.email', person.email]);
  }
}

const created: string[] = [];

/** Creates an empty repository on branch `main` in a fresh temp folder. */
export function createTestRepo(options: { bare?: boolean; dirName?: string } = {}): TestRepo {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'multiplier-repo-'));
  created.push(parent);
  const dir = path.join(parent, options.dirName ?? 'repo');
  fs.mkdirSync(dir, { recursive: true });
  const repo = new TestRepo(dir);
  repo.git(['init', '-q', ...(options.bare ? ['--bare'] : []), '.']);
  return repo;
}

/**
 * A clone of `source` in a fresh temp folder, made with the fixture's deterministic git; `args`
 * go before the source (`--depth`, `--filter`, `--no-checkout`). Local clones of fixtures are
 * allowed to use the file protocol, which git restricts for submodules.
 */
export function cloneTestRepo(source: TestRepo, args: readonly string[] = [], dirName = 'clone'): TestRepo {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'multiplier-clone-'));
  created.push(parent);
  const dir = path.join(parent, dirName);
  execFileSync('git', ['-c', 'protocol.file.allow=always', 'clone', '-q', ...args, `file://${source.dir}`, dir], { env: gitEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  return new TestRepo(dir);
}

/** A fresh temp folder that removeTestRepos() removes, for things next to repositories (payloads, markers). */
export function createTestDir(prefix = 'multiplier-dir-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** The environment fixtures run git with, for tests that spawn git themselves. */
export function fixtureGitEnv(): NodeJS.ProcessEnv {
  return gitEnv();
}

/** Removes every repository this process created; wired as a root mocha hook. */
export function removeTestRepos(): void {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}
