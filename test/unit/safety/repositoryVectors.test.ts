/**
 * git-safety.md's attack table, through every git-running path of the CLI: each vector's payload
 * writes a marker, each test first proves the vector is live (plain git runs it), then runs
 * `scan`, `scan --json` and `handoff` (with uncommitted changes, an upstream and signed commits)
 * and asserts that no marker appeared and that the repository is byte-for-byte unchanged.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { createTestDir, fixtureGitEnv, removeTestRepos, type TestRepo } from '../../helpers/gitFixture';
import {
  createEmbeddedBareRepo,
  createHostileRepo,
  createPartialClone,
  createSubmoduleRepo,
  LEE,
  PRIYA,
  REPOSITORY_VECTORS,
  VECTOR_TRIGGERS,
  type MarkerBox,
} from '../../helpers/hostileRepo';
import { runCliInProcess, type CliRun } from '../../helpers/runCli';
import { treeDigests } from '../../helpers/treeDigest';

/** Every command of the CLI that runs git, as a user would type it in the repository. */
const CLI_COMMANDS: ReadonlyArray<readonly string[]> = [
  ['scan'],
  ['scan', '--json'],
  ['footprint', '--json'],
  ['handoff', 'src/payments/capture.ts'],
  ['handoff', 'src/payments/'],
];

/** Runs git the ordinary way (the fixture's git, no recipe); a failure is fine, the marker is what counts. */
function runPlainGit(repo: TestRepo, args: readonly string[], touch?: string): void {
  if (touch) {
    const file = path.join(repo.dir, touch);
    const later = new Date(fs.statSync(file).mtimeMs + 5000);
    fs.utimesSync(file, later, later);
  }
  try {
    repo.git(args);
  } catch {
    // A payload that prints nothing makes some commands fail after running it.
  }
}

/** Runs a CLI command and checks the three promises: no payload ran, nothing was written, and the answer. */
async function runUnharmed(repo: TestRepo, markers: MarkerBox, args: readonly string[], watched: readonly string[] = [repo.dir]): Promise<CliRun> {
  const before = treeDigests(watched);
  const run = await runCliInProcess(args, { cwd: repo.dir });
  assert.deepEqual(markers.found(), [], `multiplier ${args.join(' ')} ran repository code:\n${markers.describe()}`);
  assert.deepEqual(treeDigests(watched), before, `multiplier ${args.join(' ')} wrote to the repository`);
  return run;
}

describe('safety: no code from the repository ever runs (git-safety.md attack table)', function () {
  this.timeout(120_000);
  after(removeTestRepos);

  for (const vector of REPOSITORY_VECTORS) {
    const trigger = VECTOR_TRIGGERS[vector];
    describe(`vector ${vector}`, () => {
      it(`is live: plain \`git ${trigger.args.join(' ')}\` runs its payload`, () => {
        const { repo, markers } = createHostileRepo({ vectors: [vector] });
        runPlainGit(repo, trigger.args, trigger.touch);
        assert.deepEqual(markers.found(), [vector]);
      });

      it('scan, scan --json, footprint and handoff with uncommitted changes (diff-tree and blame of the nudge area included) run no payload, write nothing and still answer', async () => {
        const { repo, markers } = createHostileRepo({ vectors: [vector] });
        for (const args of CLI_COMMANDS) {
          const run = await runUnharmed(repo, markers, args);
          assert.equal(run.code, 0, `multiplier ${args.join(' ')}: ${run.stderr}`);
        }
      });
    });
  }

  describe('every vector armed at once', () => {
    it('scan finds the nudge as in a harmless repository, and runs no payload', async () => {
      const { repo, markers } = createHostileRepo();
      const run = await runUnharmed(repo, markers, ['scan', '--json']);
      assert.equal(run.code, 0, run.stderr);
      const report = JSON.parse(run.stdout);
      assert.deepEqual(report.me, [LEE.email]);
      const payments = report.areas.find((area: { area: string }) => area.area === '/src/payments/');
      assert.deepEqual({ level: payments.level, commits: payments.commits, myCommits: payments.myCommits }, { level: 'nudge', commits: 4, myCommits: 4 });
      // Blame of the nudge area ran too: Lee's first change replaced Priya's one line.
      assert.deepEqual(payments.othersLinesReplaced, { total: 1, byPerson: [{ name: PRIYA.name, email: PRIYA.email, lines: 1 }], complete: true });
    });

    it('handoff runs no payload and lists the unpushed work and my open threads', async () => {
      const { repo, markers } = createHostileRepo();
      const run = await runUnharmed(repo, markers, ['handoff', 'src/payments/']);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /Not pushed yet:[\s\S]*Capture tweak 3/);
      assert.match(run.stdout, /TODO: retry budget 3/);
    });

    it('handoff reads the uncommitted work with every filter driver blanked, and runs no payload', async () => {
      const { repo, markers } = createHostileRepo();
      const run = await runUnharmed(repo, markers, ['handoff', 'src/payments/']);
      assert.equal(run.code, 0, run.stderr);
      assert.doesNotMatch(run.stdout, /working tree was not read/);
      assert.match(run.stdout, /Not pushed yet:[\s\S]*Capture tweak 3/);
      assert.match(run.stdout, /Uncommitted:[\s\S]*wip\.ts/);
      assert.match(run.stdout, /FIXME: uncommitted work/);
      assert.match(run.stdout, /TODO: retry budget 3/);
    });
  });

  describe('vector: blame.ignoreRevsFile naming a FIFO (git blame would wait on it for ever)', () => {
    it('is live: plain `git blame REV` of the repository never finishes', () => {
      const { repo } = createHostileRepo({ vectors: [] });
      const fifo = path.join(createTestDir(), 'revs.fifo');
      execFileSync('mkfifo', [fifo]);
      repo.config('blame.ignoreRevsFile', fifo);
      const plain = spawnSync('git', ['blame', '--porcelain', 'HEAD~1', '--', 'src/payments/capture.ts'], { cwd: repo.dir, env: fixtureGitEnv(), timeout: 3000 });
      assert.equal(plain.signal, 'SIGTERM', 'killed by the timeout, still waiting on the FIFO');
    });

    it('scan reads the replaced lines anyway: the configured file is dropped, never opened', async () => {
      const { repo, markers } = createHostileRepo({ vectors: [] });
      const fifo = path.join(createTestDir(), 'revs.fifo');
      execFileSync('mkfifo', [fifo]);
      repo.config('blame.ignoreRevsFile', fifo);
      const run = await runUnharmed(repo, markers, ['scan', '--json']);
      assert.equal(run.code, 0, run.stderr);
      const payments = JSON.parse(run.stdout).areas.find((area: { area: string }) => area.area === '/src/payments/');
      assert.deepEqual(payments.othersLinesReplaced?.total, 1);
    });
  });

  describe('vector: an embedded bare repository opened as the folder', () => {
    it('is live: plain `git log` inside it runs its signature program', () => {
      const { repo, markers, bareDir } = createEmbeddedBareRepo();
      repo.git(['-C', bareDir, 'log', '--format=%H']);
      assert.deepEqual(markers.found(), ['signature']);
    });

    for (const inside of ['', 'refs']) {
      it(`scan --repo ${inside ? 'a folder inside it' : 'it'} refuses with a specific message and runs no payload`, async () => {
        const { repo, markers, bareDir } = createEmbeddedBareRepo();
        const folder = path.join(bareDir, inside);
        const run = await runUnharmed(repo, markers, ['scan', '--repo', folder]);
        assert.equal(run.code, 1);
        assert.equal(run.stderr, `multiplier: error: ${folder} is a bare repository or lies inside one (it has no working tree). Multiplier reads a clone with a working tree; open or pass one instead.\n`);
      });
    }

    it('scanning the repository around it works and runs no payload', async () => {
      const { repo, markers } = createEmbeddedBareRepo();
      const run = await runUnharmed(repo, markers, ['scan', '--json']);
      assert.equal(run.code, 0, run.stderr);
    });
  });

  describe('vector: a submodule with its own fsmonitor, hooks and filter', () => {
    it('is live: plain `git status` in the superproject runs the submodule’s payloads', () => {
      const { repo, markers } = createSubmoduleRepo();
      runPlainGit(repo, ['status']);
      assert.ok(markers.found().includes('fsmonitor'), markers.describe());
    });

    it('scan and handoff in the superproject run none of them and write nothing there or in the submodule', async () => {
      const { repo, markers, submodule } = createSubmoduleRepo();
      const watched = [repo.dir, submodule.gitDir()];
      for (const args of [['scan'], ['scan', '--json'], ['handoff', 'src/app.ts']]) {
        const run = await runUnharmed(repo, markers, args, watched);
        assert.equal(run.code, 0, run.stderr);
      }
    });

    it('scan --repo on the submodule itself reads its history and runs no payload', async () => {
      const { repo, markers, submodule } = createSubmoduleRepo();
      const run = await runUnharmed(repo, markers, ['scan', '--json', '--repo', submodule.dir], [repo.dir, submodule.gitDir()]);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(JSON.parse(run.stdout).repo, fs.realpathSync(submodule.dir));
    });
  });

  describe('vector: a partial clone whose promisor remote runs upload-pack', () => {
    it('is live: plain `git log --numstat` fetches a missing blob by running the payload', () => {
      const { repo, markers } = createPartialClone();
      runPlainGit(repo, ['log', '--numstat', '--format=%H']);
      assert.deepEqual(markers.found(), ['uploadpack']);
    });

    it('scan and handoff never fetch: they stop with a specific message and run no payload', async () => {
      const { repo, markers } = createPartialClone();
      for (const args of [['scan'], ['handoff', 'src/payments/capture.ts']]) {
        const run = await runUnharmed(repo, markers, args);
        assert.equal(run.code, 1);
        assert.match(
          run.stderr,
          /^multiplier: error: This is a partial clone: reading its history needs objects that were never downloaded \(could not fetch [0-9a-f]{7} from promisor remote\), and Multiplier never downloads anything\. Fetch the full history yourself, or use a full clone\.\n$/,
        );
      }
    });
  });
});
