/**
 * The evaluation on a generated history whose right answer is known: Rita maintains payments
 * now; Oscar wrote most of it and stopped 300 days before the cut-off; Dan made one drive-by
 * change just before the cut-off. Only the extension's ranking names Rita; each baseline names
 * someone who is gone.
 */
import { strict as assert } from 'node:assert';
import { runEvaluationCli } from '../../../src/cli/evaluationCommand';
import { evaluateRankings, type EvaluationCase, type EvaluationResult } from '../../../src/core/evaluation/evaluateRankings';
import { prepareEvaluation, type PreparedEvaluation } from '../../../src/core/evaluation/prepareEvaluation';
import { resolveGitBinary } from '../../../src/core/git/gitBinary';
import { SimpleGitRunner } from '../../../src/core/git/simpleGitRunner';
import { nodeWorkspaceFiles } from '../../../src/core/workspaceFiles';
import { createTestDir, createTestRepo, daysAgo, FIXED_NOW, fixtureGitEnv, removeTestRepos, type Person, type TestRepo } from '../../helpers/gitFixture';

const OSCAR: Person = { name: 'Oscar Old', email: 'oscar@acme.com' };
const RITA: Person = { name: 'Rita Recent', email: 'rita@acme.com' };
const DAN: Person = { name: 'Dan Driveby', email: 'dan@example.org' };
const NORA: Person = { name: 'Nora New', email: 'nora@acme.com' };
const TESS: Person = { name: 'Tess Tools', email: 'tess@acme.com' };
const FRED: Person = { name: 'Fred Former', email: 'fred@acme.com' };
const GAIL: Person = { name: 'Gail Guest', email: 'gail@acme.com' };
const DEPENDABOT: Person = { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' };

const CUTOFF_DAYS_AGO = 100;
const seconds = (date: Date): number => Math.floor(date.getTime() / 1000);
const manyLines = (n: number, tag: string): string => Array.from({ length: n }, (_, i) => `${tag} line ${i}`).join('\n') + '\n';

function paymentsHistory(): TestRepo {
  const repo = createTestRepo();
  repo.commit({ author: OSCAR, date: daysAgo(800), message: 'Payments', files: { 'payments/capture.ts': manyLines(300, 'c'), 'payments/ledger.ts': manyLines(300, 'l'), 'docs/guide.md': 'guide\n' } });
  for (let i = 0; i < 20; i++) repo.commit({ author: OSCAR, date: daysAgo(790 - i), files: { 'payments/ledger.ts': manyLines(301 + i, 'l') } });
  repo.commit({ author: OSCAR, date: daysAgo(400), message: 'Last words', files: { 'docs/guide.md': 'guide 2\n' } });
  repo.commit({ author: RITA, date: daysAgo(300), message: 'Fraud checks', files: { 'payments/fraud.ts': 'f\n' } });
  for (let i = 0; i < 5; i++) repo.commit({ author: RITA, date: daysAgo(180 - i * 15), files: { 'payments/capture.ts': `${manyLines(300, 'c')}rita ${i}\n` } });
  repo.commit({ author: DAN, date: daysAgo(CUTOFF_DAYS_AGO + 1), message: 'Typo', files: { 'payments/fraud.ts': 'f (typo fixed)\n' } });
  // After the cut-off: the answer. Rita keeps working; a bot and a newcomer show up too.
  for (const days of [80, 60, 40]) repo.commit({ author: RITA, date: daysAgo(days), files: { 'payments/fraud.ts': `f ${days}\n` } });
  repo.commit({ author: DEPENDABOT, date: daysAgo(70), files: { 'payments/deps.ts': 'bump\n' } });
  repo.commit({ author: NORA, date: daysAgo(50), message: 'First contribution', files: { 'docs/guide.md': 'guide 3\n' } });
  return repo;
}

function prepare(repo: TestRepo): Promise<PreparedEvaluation> {
  const env = fixtureGitEnv();
  const gitPath = resolveGitBinary(env);
  return prepareEvaluation({
    folder: repo.dir,
    makeRunner: (cwd) => new SimpleGitRunner({ gitPath, cwd, env, timeoutMs: 30_000 }),
    filesAt: nodeWorkspaceFiles,
    areaSource: 'auto',
    withLineCounts: true,
    excludePaths: [],
    clock: () => 0,
  });
}

/** One cut-off, CUTOFF_DAYS_AGO, scored on the 90 days after it. */
function evaluateAtTheCutoff(prepared: PreparedEvaluation): EvaluationResult {
  return evaluateRankings({ ...prepared, cutoffs: [seconds(daysAgo(CUTOFF_DAYS_AGO))], horizonDays: 90 });
}

function caseFor(cases: readonly EvaluationCase[], area: string): EvaluationCase {
  const found = cases.find((c) => c.area === area);
  assert.ok(found, `a case for ${area} in ${cases.map((c) => c.area).join(', ')}`);
  return found;
}

describe('ranking evaluation on a history with a known answer', function () {
  after(removeTestRepos);

  it('finds the maintainer where the recent-committer, commit-count and lines baselines name people who are gone', async () => {
    const prepared = await prepare(paymentsHistory());
    assert.equal(prepared.areas.source, 'directories');
    const result = evaluateAtTheCutoff(prepared);
    assert.deepEqual(result.methods, ['multiplier', 'mostRecentCommitter', 'mostCommitsEver', 'mostLinesAdded']);

    const payments = caseFor(result.cases, '/payments/');
    assert.deepEqual(payments.changedBy, ['rita@acme.com'], 'the bot’s change is not an answer');
    assert.equal(payments.answerable, true);
    assert.deepEqual(payments.rankings.multiplier, ['rita@acme.com', 'dan@example.org', 'oscar@acme.com'], 'Oscar, inactive for the whole window, comes after the active people');
    assert.equal(payments.rankings.mostRecentCommitter?.[0], 'dan@example.org');
    assert.equal(payments.rankings.mostCommitsEver?.[0], 'oscar@acme.com');
    assert.equal(payments.rankings.mostLinesAdded?.[0], 'oscar@acme.com');

    const docs = caseFor(result.cases, '/docs/');
    assert.deepEqual(docs.changedBy, ['nora@acme.com']);
    assert.equal(docs.answerable, false, 'nobody can name a first-time contributor');
    assert.deepEqual(docs.rankings.multiplier, ['oscar@acme.com'], 'Oscar, the only one who knows docs, is inactive but still named');

    const multiplier = result.summary.multiplier;
    assert.deepEqual(
      { all: [multiplier?.all.cases, multiplier?.all.hitAt1, multiplier?.all.meanReciprocalRank], answerable: [multiplier?.answerable.cases, multiplier?.answerable.hitAt1] },
      { all: [2, 0.5, 0.5], answerable: [1, 1] },
    );
    assert.equal(result.summary.mostRecentCommitter?.answerable.hitAt1, 0);
    assert.equal(result.summary.mostRecentCommitter?.answerable.meanReciprocalRank, 1 / 2, 'Rita comes second, after Dan');
    assert.equal(result.summary.mostCommitsEver?.answerable.hitAt1, 0);
  });
});

/**
 * A second known answer, for the rules about people not active in the window: Tess built tools
 * 150 days before the cut-off and nobody has touched it since; Fred built search long ago and
 * has not committed for 600 days; Gail changed one search file 100 days before the cut-off and
 * works elsewhere in the window. Tess and Gail are the ones who come back.
 */
function quietAreasHistory(): TestRepo {
  const repo = createTestRepo();
  const searchFiles = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`search/index${i}.ts`, `index ${i}\n`]));
  repo.commit({ author: FRED, date: daysAgo(900), message: 'Search', files: searchFiles });
  repo.commit({ author: FRED, date: daysAgo(700), message: 'Last words', files: { 'search/index0.ts': 'index 0, tuned\n' } });
  repo.commit({ author: TESS, date: daysAgo(250), message: 'Tools', files: { 'tools/build.sh': 'build\n', 'tools/lint.sh': 'lint\n' } });
  repo.commit({ author: GAIL, date: daysAgo(200), message: 'Search fix', files: { 'search/index1.ts': 'index 1, fixed\n' } });
  repo.commit({ author: GAIL, date: daysAgo(150), message: 'App', files: { 'app/main.ts': 'main\n' } });
  // After the cut-off: the answer.
  repo.commit({ author: TESS, date: daysAgo(60), files: { 'tools/build.sh': 'build 2\n' } });
  repo.commit({ author: GAIL, date: daysAgo(50), files: { 'search/index2.ts': 'index 2, faster\n' } });
  return repo;
}

describe('ranking evaluation: people not active in the window', function () {
  after(removeTestRepos);

  it('names someone away rather than no one, and puts a former builder after an active one', async () => {
    const prepared = await prepare(quietAreasHistory());
    const result = evaluateAtTheCutoff(prepared);
    const tools = caseFor(result.cases, '/tools/');
    assert.deepEqual(tools.changedBy, ['tess@acme.com']);
    assert.deepEqual(tools.rankings.multiplier, ['tess@acme.com'], 'Tess has made no commit in the window, and is still the one who knows tools');

    const search = caseFor(result.cases, '/search/');
    assert.deepEqual(search.changedBy, ['gail@acme.com']);
    assert.deepEqual(search.rankings.multiplier, ['gail@acme.com', 'fred@acme.com'], 'Fred knows 9 of 10 files but left 600 days ago');
    assert.equal(search.rankings.mostCommitsEver?.[0], 'fred@acme.com');

    assert.deepEqual(
      [result.summary.multiplier?.all.cases, result.summary.multiplier?.all.hitAt1, result.summary.multiplier?.all.emptyRankings],
      [2, 1, 0],
    );
  });
});

describe('npm run eval', function () {
  after(removeTestRepos);

  async function evalCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await runEvaluationCli(args, {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      env: fixtureGitEnv(),
      cwd: createTestDir(),
      clock: () => FIXED_NOW.getTime(),
    });
    return { code, stdout, stderr };
  }

  it('--json prints every method’s rates on all and on answerable cases', async () => {
    const repo = paymentsHistory();
    const { code, stdout, stderr } = await evalCli(['--repo', repo.dir, '--json']);
    assert.equal(stderr, '');
    assert.equal(code, 0);
    const report = JSON.parse(stdout);
    assert.equal(report.head, repo.head());
    assert.equal(report.cutoffs.count, 22);
    assert.equal(report.areas.source, 'directories');
    assert.deepEqual(Object.keys(report.methods), ['multiplier', 'mostRecentCommitter', 'mostCommitsEver', 'mostLinesAdded']);
    assert.ok(report.cases > 0);
    for (const method of Object.values(report.methods) as Array<{ all: { hitAt1: number; hitAt3: number } }>) {
      assert.deepEqual(Object.keys(method.all), ['cases', 'hitAt1', 'hitAt3', 'mrr', 'emptyRankings']);
      assert.ok(method.all.hitAt1 <= method.all.hitAt3 && method.all.hitAt3 <= 1);
    }
  });

  it('prints tables by default and leaves the lines baseline out with --no-lines', async () => {
    const { code, stdout } = await evalCli(['--repo', paymentsHistory().dir, '--no-lines']);
    assert.equal(code, 0);
    assert.match(stdout, /^Multiplier ranking +\d+\.\d%/m);
    assert.match(stdout, /^most recent committer +\d+\.\d%/m);
    assert.doesNotMatch(stdout, /most lines added/);
    assert.match(stdout, /line counts not read/);
  });

  it('--exclude-path leaves a path out of history, and the report says so', async () => {
    const repo = paymentsHistory();
    const whole = JSON.parse((await evalCli(['--repo', repo.dir, '--json'])).stdout);
    const { code, stdout } = await evalCli(['--repo', repo.dir, '--json', '--exclude-path', 'payments/ledger.ts']);
    assert.equal(code, 0);
    const report = JSON.parse(stdout);
    assert.deepEqual(report.excludedPaths, ['payments/ledger.ts']);
    assert.equal(whole.commits - report.commits, 20, 'the 20 commits that changed only the ledger are left out');
    const text = await evalCli(['--repo', repo.dir, '--no-lines', '--exclude-path', 'payments/ledger.ts']);
    assert.match(text.stdout, /^Left out of history, as asked: payments\/ledger\.ts$/m);
  });

  it('fails with one line: bad usage exits 2, a folder outside git exits 1', async () => {
    const usage = await evalCli(['--areas', 'teams']);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /^multiplier eval: --areas must be one of auto, codeowners, directories, got "teams"\. See "npm run eval -- --help"\.\n$/);
    const outside = await evalCli(['--repo', createTestDir()]);
    assert.equal(outside.code, 1);
    assert.equal(outside.stdout, '');
    assert.match(outside.stderr, /^multiplier eval: error: .*\n$/);
  });
});
