/**
 * Repositories that try to make a reader run their code: every vector of git-safety.md's table,
 * each with its own payload that appends to a marker file named after the vector. The marker
 * folder lies outside the repository, so a payload that ran is seen however the repository
 * changed. All repositories are made through gitFixture; the vectors are armed after the commits,
 * so the fixture's own git never runs a payload.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cloneTestRepo, createTestDir, createTestRepo, daysAgo, TestRepo, type Person } from './gitFixture';

export const LEE: Person = { name: 'Lee Leader', email: 'lee@acme.com' };
export const PRIYA: Person = { name: 'Priya Patel', email: 'priya@acme.com' };

/** Every hook git knows; any of them running is a payload running. */
const HOOK_NAMES = [
  'applypatch-msg', 'pre-applypatch', 'post-applypatch', 'pre-commit', 'pre-merge-commit', 'prepare-commit-msg', 'commit-msg',
  'post-commit', 'pre-rebase', 'post-checkout', 'post-merge', 'pre-push', 'pre-receive', 'update', 'proc-receive', 'post-receive',
  'post-update', 'reference-transaction', 'push-to-checkout', 'pre-auto-gc', 'post-rewrite', 'sendemail-validate',
  'fsmonitor-watchman', 'p4-changelist', 'p4-prepare-changelist', 'p4-post-changelist', 'p4-pre-submit', 'post-index-change',
];

/** The vectors `armRepository` sets up, each named after the marker its payload writes. */
export const REPOSITORY_VECTORS = [
  'fsmonitor',
  'fsmonitor-via-include',
  'hooks',
  'hooksPath',
  'textconv',
  'external-diff',
  'filter',
  'signature',
  'other-programs',
] as const;

export type RepositoryVector = (typeof REPOSITORY_VECTORS)[number];

/** Where payloads write; one file per vector that ran, holding the arguments of each run. */
export class MarkerBox {
  readonly dir: string;
  private readonly payloads: string;

  constructor(parent: string = createTestDir('multiplier-markers-')) {
    this.dir = path.join(parent, 'markers');
    this.payloads = path.join(parent, 'payloads');
    fs.mkdirSync(this.dir, { recursive: true });
    fs.mkdirSync(this.payloads, { recursive: true });
  }

  /** An executable that records a run under `name` and exits 0 (printing nothing). */
  payload(name: string): string {
    const file = path.join(this.payloads, `${name}.sh`);
    if (!fs.existsSync(file)) {
      fs.writeFileSync(file, `#!/bin/sh\necho "$0 $*" >> ${JSON.stringify(path.join(this.dir, name))}\nexit 0\n`, { mode: 0o755 });
    }
    return file;
  }

  /** Names of the vectors whose payload ran, sorted. */
  found(): string[] {
    return fs.readdirSync(this.dir).sort();
  }

  /** What each payload that ran was called with, for a failure message. */
  describe(): string {
    return this.found()
      .map((name) => `${name}: ${fs.readFileSync(path.join(this.dir, name), 'utf8').trim()}`)
      .join('\n');
  }

  clear(): void {
    for (const name of this.found()) fs.rmSync(path.join(this.dir, name));
  }
}

/**
 * Arms an existing repository (after its commits) with the vectors that live in its `.git` and
 * worktree. `.gitattributes` must already route every path to the `evil` drivers (see
 * `EVIL_ATTRIBUTES`); signatures need signed commits (see `signHead`).
 */
export function armRepository(repo: TestRepo, markers: MarkerBox, vectors: readonly RepositoryVector[] = REPOSITORY_VECTORS): void {
  const gitDir = repo.gitDir();
  const has = (vector: RepositoryVector): boolean => vectors.includes(vector);
  if (has('fsmonitor')) repo.config('core.fsmonitor', markers.payload('fsmonitor'));
  if (has('fsmonitor-via-include')) {
    const included = path.join(gitDir, 'evil-include.cfg');
    fs.writeFileSync(included, `[core]\n\tfsmonitor = ${markers.payload('fsmonitor-via-include')}\n`);
    repo.config('include.path', included);
  }
  if (has('hooks')) installHooks(path.join(gitDir, 'hooks'), markers.payload('hooks'));
  if (has('hooksPath')) {
    const hooksDir = path.join(path.dirname(markers.dir), 'hooks-path');
    installHooks(hooksDir, markers.payload('hooksPath'));
    repo.config('core.hooksPath', hooksDir);
  }
  if (has('textconv')) {
    repo.config('diff.evil.textconv', markers.payload('textconv'));
    repo.config('diff.evil.cachetextconv', 'false');
  }
  if (has('external-diff')) {
    repo.config('diff.evil.command', markers.payload('external-diff'));
    repo.config('diff.external', markers.payload('external-diff'));
  }
  if (has('filter')) {
    for (const kind of ['clean', 'smudge', 'process']) repo.config(`filter.evil.${kind}`, markers.payload('filter'));
    repo.config('filter.evil.required', 'true');
  }
  if (has('signature')) {
    repo.config('log.showSignature', 'true');
    for (const key of ['gpg.program', 'gpg.openpgp.program', 'gpg.ssh.program', 'gpg.x509.program']) repo.config(key, markers.payload('signature'));
  }
  if (has('other-programs')) {
    const program = markers.payload('other-programs');
    for (const key of ['core.pager', 'pager.log', 'pager.status', 'pager.diff', 'core.editor', 'sequence.editor', 'core.askPass', 'core.sshCommand', 'core.gitProxy', 'core.alternateRefsCommand']) {
      repo.config(key, program);
    }
    repo.config('credential.helper', `!${program}`);
    repo.config('protocol.ext.allow', 'always');
    repo.config('remote.origin.uploadpack', program);
    repo.config('remote.origin.receivepack', program);
  }
  // Also through the attributes git reads from inside .git, not only from the worktree.
  fs.mkdirSync(path.join(gitDir, 'info'), { recursive: true });
  fs.writeFileSync(path.join(gitDir, 'info', 'attributes'), EVIL_ATTRIBUTES);
}

/** Routes every path through the `evil` diff and filter drivers. */
export const EVIL_ATTRIBUTES = '* diff=evil filter=evil\n';

function installHooks(dir: string, payload: string): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const hook of HOOK_NAMES) fs.copyFileSync(payload, path.join(dir, hook));
  for (const hook of HOOK_NAMES) fs.chmodSync(path.join(dir, hook), 0o755);
}

export interface HostileRepo {
  readonly repo: TestRepo;
  readonly markers: MarkerBox;
}

/**
 * A team repository where Lee is the primary author in payments, armed with `vectors`, with
 * signed commits of every format, an upstream (so unpushed commits are read), and uncommitted
 * changes in the owned area (so the handoff reads the working tree).
 */
export function createHostileRepo(options: { vectors?: readonly RepositoryVector[]; dirName?: string; markers?: MarkerBox; now?: Date } = {}): HostileRepo {
  const markers = options.markers ?? new MarkerBox();
  const ago = (days: number): Date => daysAgo(days, options.now);
  const repo = createTestRepo({ dirName: options.dirName ?? 'hostile' });
  repo.commit({
    author: PRIYA,
    date: ago(300),
    message: 'Payments',
    files: {
      '.github/CODEOWNERS': '/src/payments/ @acme/payments\n',
      '.gitattributes': EVIL_ATTRIBUTES,
      'src/payments/capture.ts': 'export const capture = 1;\n',
      'src/payments/refund.ts': 'export const refund = 1;\n',
      'README.md': '# hostile\n',
    },
  });
  const formats = ['openpgp', 'ssh', 'x509'] as const;
  for (let i = 0; i < 4; i++) {
    repo.commit({ author: LEE, date: ago(20 - i), message: `Capture tweak ${i}`, files: { 'src/payments/capture.ts': `export const capture = ${i};\n// TODO: retry budget ${i}\n` } });
    const format = formats[i];
    if (format) repo.signHead(format);
  }
  // An upstream one commit behind, so the handoff reads unpushed commits too.
  repo.git(['update-ref', 'refs/remotes/origin/main', 'HEAD~1']);
  repo.config('branch.main.remote', 'origin');
  repo.config('branch.main.merge', 'refs/heads/main');
  repo.config('remote.origin.url', 'ext::sh -c false');
  repo.config('remote.origin.fetch', '+refs/heads/*:refs/remotes/origin/*');
  repo.setIdentity(LEE);
  armRepository(repo, markers, options.vectors ?? REPOSITORY_VECTORS);
  repo.write('src/payments/capture.ts', 'export const capture = 99;\n// FIXME: uncommitted work\n');
  repo.write('src/payments/wip.ts', 'export const wip = true; // TODO: finish\n');
  return { repo, markers };
}

/**
 * Commands that do run each vector's payload when git is run the ordinary way (no recipe): the
 * proof that a vector is live, so that "no marker" in a test means something. `touch` first
 * changes a tracked file's time without its content, so a status refreshes (rewrites) the index.
 */
export const VECTOR_TRIGGERS: Record<RepositoryVector, { readonly touch?: string; readonly args: readonly string[] }> = {
  fsmonitor: { args: ['status'] },
  'fsmonitor-via-include': { args: ['status'] },
  hooks: { touch: 'README.md', args: ['status'] },
  hooksPath: { touch: 'README.md', args: ['status'] },
  textconv: { args: ['log', '-p', '-2'] },
  'external-diff': { args: ['diff', 'HEAD'] },
  filter: { touch: 'README.md', args: ['status'] },
  signature: { args: ['log', '--format=%H'] },
  'other-programs': { args: ['ls-remote', 'ssh://example.invalid/repo'] },
};

/**
 * Puts a bare repository inside `outer`'s working tree at `relPath` (a clone of `outer` itself,
 * so it has signed commits when `outer` has), armed so that plain `git log` inside it runs a
 * payload. Opening that folder must not make git use it. Returns its path.
 */
export function embedBareRepo(outer: TestRepo, markers: MarkerBox, relPath = 'vendor/evil.git'): string {
  const bareDir = path.join(outer.dir, relPath);
  fs.mkdirSync(path.dirname(bareDir), { recursive: true });
  outer.git(['clone', '-q', '--bare', '.', bareDir]);
  armRepository(new TestRepo(bareDir), markers, ['fsmonitor', 'hooks', 'signature', 'other-programs']);
  return bareDir;
}

/** A repository with a bare repository committed inside it (`vendor/evil.git`), see `embedBareRepo`. */
export function createEmbeddedBareRepo(markers: MarkerBox = new MarkerBox()): HostileRepo & { bareDir: string } {
  const outer = createTestRepo({ dirName: 'outer' });
  outer.commit({ author: PRIYA, date: daysAgo(10), message: 'Outer', files: { 'README.md': '# outer\n', '.github/CODEOWNERS': '* @acme/platform\n' } });
  outer.signHead('openpgp');
  const bareDir = embedBareRepo(outer, markers);
  outer.git(['add', 'vendor']);
  outer.commit({ author: PRIYA, date: daysAgo(9), message: 'Vendor a bare repository' });
  return { repo: outer, markers, bareDir };
}

/**
 * A superproject whose submodule `libs/sub` has its own fsmonitor, hooks and filter driver in
 * `.git/modules/libs/sub/config`, with uncommitted changes inside the submodule (so a status
 * that recursed into it would run them) and in the superproject.
 */
export function createSubmoduleRepo(markers: MarkerBox = new MarkerBox(), now?: Date): HostileRepo & { submodule: TestRepo } {
  const library = createTestRepo({ dirName: 'library' });
  library.commit({ author: PRIYA, date: daysAgo(40, now), message: 'Library', files: { 'lib.ts': 'export const lib = 1;\n', '.gitattributes': EVIL_ATTRIBUTES } });
  const repo = createTestRepo({ dirName: 'super' });
  repo.commit({ author: PRIYA, date: daysAgo(30, now), message: 'Super', files: { '.github/CODEOWNERS': '* @acme/platform\n/src/ @acme/app\n', 'src/app.ts': 'export const app = 1;\n' } });
  repo.git(['-c', 'protocol.file.allow=always', 'submodule', '--quiet', 'add', `file://${library.dir}`, 'libs/sub']);
  repo.commit({ author: LEE, date: daysAgo(20, now), message: 'Add the library as a submodule' });
  for (let i = 0; i < 3; i++) repo.commit({ author: LEE, date: daysAgo(10 - i, now), message: `App ${i}`, files: { 'src/app.ts': `export const app = ${i + 2};\n` } });
  repo.setIdentity(LEE);
  const submodule = new TestRepo(path.join(repo.dir, 'libs', 'sub'));
  armRepository(submodule, markers, ['fsmonitor', 'hooks', 'hooksPath', 'filter', 'textconv']);
  submodule.write('lib.ts', 'export const lib = 2; // uncommitted in the submodule\n');
  repo.write('src/app.ts', 'export const app = 0; // TODO: uncommitted\n');
  return { repo, markers, submodule };
}

/**
 * A partial clone (`--filter=blob:none`) whose promisor remote runs a payload as its
 * upload-pack: any read that needs a missing blob would fetch it by running that program.
 */
export function createPartialClone(markers: MarkerBox = new MarkerBox(), now?: Date): HostileRepo {
  const origin = createTestRepo({ dirName: 'origin' });
  origin.commit({ author: PRIYA, date: daysAgo(300, now), message: 'Payments', files: { '.github/CODEOWNERS': '/src/payments/ @acme/payments\n', 'src/payments/capture.ts': 'v0\n' } });
  for (let i = 0; i < 4; i++) origin.commit({ author: LEE, date: daysAgo(20 - i, now), message: `Capture ${i}`, files: { 'src/payments/capture.ts': `v${i + 1}\n` } });
  origin.config('uploadpack.allowFilter', 'true');
  const repo = cloneTestRepo(origin, ['--filter=blob:none'], 'partial');
  repo.config('remote.origin.uploadpack', markers.payload('uploadpack'));
  repo.setIdentity(LEE);
  return { repo, markers };
}
