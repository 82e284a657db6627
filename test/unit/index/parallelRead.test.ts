/**
 * The history read in pieces, at once, must be the single read exactly: the joined output is the
 * bytes one `git log --reverse` writes, and the index built from it is the one a single process
 * gives, with merges and renames on both sides of every split point.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { indexRules } from '../../../src/core/index/indexRules';
import { DEFAULT_SETTINGS } from '../../../src/core/config/settings';
import { resolveGitBinary } from '../../../src/core/git/gitBinary';
import { GitFailure } from '../../../src/core/git/gitFailure';
import { commitIdsOldestFirst, nameStatusLog, nameStatusLogOfCommits } from '../../../src/core/git/repositoryCommands';
import { SimpleGitRunner } from '../../../src/core/git/simpleGitRunner';
import type { HistoryIndex } from '../../../src/core/index/historyIndex';
import { encodeIndex } from '../../../src/core/index/indexCodec';
import { readHistoryIndex } from '../../../src/core/index/readHistoryIndex';
import { splitCommitIds, type ReadPlan } from '../../../src/core/index/readPlan';
import { createTestRepo, daysAgo, fixtureGitEnv, removeTestRepos, type TestRepo } from '../../helpers/gitFixture';

const ANA = { name: 'Ana', email: 'ana@example.com' };
const BO = { name: 'Bo', email: 'bo@example.com' };
const CY = { name: 'Cy', email: 'cy@example.com' };

/** One process, `git log --reverse`: the single read every split must reproduce. */
const SINGLE: ReadPlan = { processes: 1, minPieceCommits: 1 };
/** As many pieces as the plan allows (12 for 3 processes), so every few commits are a split point. */
const SPLIT: ReadPlan = { processes: 3, minPieceCommits: 1 };

/**
 * Two branches that fork, rename on both sides and merge twice; a file deleted and re-added; a
 * co-author; recent commits with line counts. Dates interleave across branches, so the walk's
 * order is not the branch order.
 */
function branchyHistory(): TestRepo {
  const repo = createTestRepo();
  repo.commit({ author: ANA, date: daysAgo(200), files: { 'src/a.ts': 'a\n', 'src/b.ts': 'b\n', 'docs/x.md': 'x\n' } });
  repo.commit({ author: BO, date: daysAgo(190), files: { 'src/a.ts': 'a2\n' } });
  repo.git(['checkout', '-q', '-b', 'feature']);
  repo.commit({ author: CY, date: daysAgo(185), renames: [['src/b.ts', 'lib/b.ts']] });
  repo.commit({ author: CY, date: daysAgo(150), files: { 'lib/b.ts': 'b2\n', 'lib/c.ts': 'c\n' } });
  repo.git(['checkout', '-q', 'main']);
  repo.commit({ author: ANA, date: daysAgo(170), renames: [['docs/x.md', 'docs/guide.md']] });
  repo.commit({ author: BO, date: daysAgo(140), files: { 'src/a.ts': 'a3\n' }, coAuthors: [CY] });
  repo.merge('feature', ANA, daysAgo(130));
  repo.git(['checkout', '-q', 'feature']);
  repo.commit({ author: CY, date: daysAgo(120), renames: [['lib/c.ts', 'lib/see.ts']] });
  repo.commit({ author: CY, date: daysAgo(60), files: { 'lib/see.ts': 'see\nmore\n' } });
  repo.git(['checkout', '-q', 'main']);
  repo.commit({ author: BO, date: daysAgo(100), files: { 'src/a.ts': null } });
  repo.commit({ author: ANA, date: daysAgo(50), files: { 'src/a.ts': 'back\n' } });
  repo.commit({ author: BO, date: daysAgo(40), renames: [['src/a.ts', 'src/alpha.ts']], files: { 'src/alpha.ts': 'back\nagain\n' } });
  repo.merge('feature', BO, daysAgo(30));
  for (let i = 0; i < 6; i++) repo.commit({ author: [ANA, BO, CY][i % 3] ?? ANA, date: daysAgo(20 - i), files: { [`lib/n${i}.ts`]: `${i}\n`, 'lib/see.ts': `see ${i}\n` } });
  return repo;
}

function runnerFor(repo: TestRepo): SimpleGitRunner {
  const env = fixtureGitEnv();
  return new SimpleGitRunner({ gitPath: resolveGitBinary(env), cwd: repo.dir, env, timeoutMs: 30_000 });
}

function readIndex(repo: TestRepo, plan: ReadPlan, previous?: HistoryIndex): Promise<HistoryIndex> {
  return readHistoryIndex(runnerFor(repo), {
    head: repo.head(),
    shallow: false,
    rules: indexRules(DEFAULT_SETTINGS, []),
    recentSinceSeconds: Math.floor(daysAgo(365).getTime() / 1000),
    linesSinceSeconds: Math.floor(daysAgo(90).getTime() / 1000),
    previous,
    plan,
  });
}

const asData = (index: HistoryIndex): unknown => encodeIndex(index, 'key');

describe('history index: the parallel read', function () {
  after(removeTestRepos);

  it('splits the commit list into consecutive pieces that add up to it, in order', () => {
    const ids = Buffer.from(Array.from({ length: 10 }, (_, i) => `${String(i).repeat(40)}\n`).join(''));
    const pieces = splitCommitIds(ids, { processes: 2, minPieceCommits: 1 });
    assert.equal(pieces.length, 8);
    assert.deepEqual(Buffer.concat(pieces), ids);
    for (const piece of pieces) assert.ok(piece.length % 41 === 0 && piece.length >= 41, 'whole lines, none empty');
    assert.deepEqual(splitCommitIds(ids, { processes: 2, minPieceCommits: 4 }).length, 2, 'never smaller than the minimum');
    assert.deepEqual(splitCommitIds(ids, { processes: 1, minPieceCommits: 1 }), [ids]);
    assert.deepEqual(splitCommitIds(new Uint8Array(0), SPLIT), []);
  });

  it('the pieces’ logs, joined in order, are byte for byte the single `git log --reverse`', async () => {
    const repo = branchyHistory();
    const ids = await runnerFor(repo).stream(commitIdsOldestFirst({ revision: 'HEAD' }));
    const pieces = splitCommitIds(ids, SPLIT);
    assert.equal(pieces.length, 12);
    const single = repo.gitBytes(nameStatusLog({ revision: 'HEAD', reverse: true }, () => undefined).args);
    const joined = Buffer.concat(pieces.map((piece) => repo.gitBytes(nameStatusLogOfCommits(piece, { push: () => undefined, end: () => undefined }).args, Buffer.from(piece))));
    assert.ok(single.length > 0);
    assert.equal(joined.toString('latin1'), single.toString('latin1'));
  });

  it('builds the same index from twelve pieces read at once as from one read, merges and renames across every split', async () => {
    const repo = branchyHistory();
    const single = await readIndex(repo, SINGLE);
    const split = await readIndex(repo, SPLIT);
    assert.deepEqual(asData(split), asData(single));
    // What the history holds, so that the comparison is about something.
    assert.equal(single.commitCount, 17);
    assert.deepEqual([...single.knowledge.keys()].sort(), ['docs/guide.md', 'lib/b.ts', 'lib/n0.ts', 'lib/n1.ts', 'lib/n2.ts', 'lib/n3.ts', 'lib/n4.ts', 'lib/n5.ts', 'lib/see.ts', 'src/alpha.ts']);
    assert.ok(single.recent.some((c) => c.changes.some((change) => change.lines === 2)), 'window commits carry their line counts');
  });

  it('continues a split read’s index with the new commits (an update reads them in one process) exactly as a cold read', async () => {
    const repo = branchyHistory();
    const before = await readIndex(repo, SPLIT);
    repo.git(['checkout', '-q', '-b', 'late']);
    repo.commit({ author: CY, date: daysAgo(9), renames: [['lib/see.ts', 'lib/sea.ts']] });
    repo.git(['checkout', '-q', 'main']);
    for (let i = 0; i < 4; i++) repo.commit({ author: ANA, date: daysAgo(8 - i), files: { 'docs/guide.md': `v${i}\n` } });
    repo.merge('late', BO, daysAgo(2));
    const earlier = asData(before);
    const incremental = await readIndex(repo, SPLIT, before);
    assert.deepEqual(asData(incremental), asData(await readIndex(repo, SPLIT)));
    assert.deepEqual(asData(incremental), asData(await readIndex(repo, SINGLE)));
    assert.ok(incremental.knowledge.has('lib/sea.ts'));
    assert.deepEqual(asData(before), earlier, 'the earlier index (shared, and cached) is left as it was');
  });

  it('fails as a whole when one piece cannot be read, and frees the repository’s git queue', async () => {
    const repo = branchyHistory();
    // The tree of a commit in the middle of history, older than the window: only the piece that
    // diffs that commit fails, while the other pieces and the window's line counts read fine.
    const tree = repo.git(['rev-parse', 'HEAD~11^{tree}']).trim();
    const file = path.join(repo.gitDir(), 'objects', tree.slice(0, 2), tree.slice(2));
    fs.chmodSync(file, 0o644);
    fs.writeFileSync(file, 'not zlib');
    const failure = await readIndex(repo, SPLIT).then(
      () => assert.fail('the read should fail'),
      (error: unknown) => error,
    );
    assert.ok(failure instanceof GitFailure, String(failure));
    assert.equal(failure.kind, 'corrupt-repository');
    // A later command on the repository runs (it would wait forever if the turn had not ended).
    assert.equal(await runnerFor(repo).run({ args: ['rev-parse', 'HEAD'], parse: (out) => out.trim() }), repo.head());
  });
});
