import { strict as assert } from 'node:assert';
import { relativeToBest } from '../../../src/core/analysis/suggestions';
import { parseEvaluationArguments } from '../../../src/cli/evaluationArguments';
import { baselineRanking } from '../../../src/core/evaluation/baselines';
import { DAY_SECONDS, evaluationCutoffs, lastCommitTime } from '../../../src/core/evaluation/cutoffs';
import { chooseAreaSource, ROOT_FILES_OWNER, topLevelDirectoryRules } from '../../../src/core/evaluation/evaluationAreas';
import { filesAfter, historyAtCutoff } from '../../../src/core/evaluation/historyAtCutoff';
import { scoreRanking, summarizeScores } from '../../../src/core/evaluation/rankingMetrics';
import type { HistoryCommit, RepositoryHistory } from '../../../src/core/history/repositoryHistory';
import { createOwnershipResolver } from '../../../src/core/ownership/ownershipResolver';

const commit = (sha: string, time: number, changes: HistoryCommit['changes']): HistoryCommit => ({
  sha,
  time,
  author: { name: 'A', email: 'a@x' },
  coAuthors: [],
  aiAttributed: false,
  subject: sha,
  changes,
});

describe('evaluation: cut-offs', () => {
  it('every 30 days over two years, the newest a full 90-day horizon before the last commit, oldest first', () => {
    const last = 1_000 * DAY_SECONDS;
    const cutoffs = evaluationCutoffs(last);
    assert.equal(cutoffs.length, 22);
    assert.equal(cutoffs[cutoffs.length - 1], last - 90 * DAY_SECONDS);
    assert.equal(cutoffs[0], last - 720 * DAY_SECONDS);
    assert.ok(cutoffs.every((cutoff, i) => i === 0 || cutoff - (cutoffs[i - 1] as number) === 30 * DAY_SECONDS));
  });

  it('has none when history is shorter than the horizon would need', () => {
    assert.deepEqual(evaluationCutoffs(10 * DAY_SECONDS, { everyDays: 30, spanDays: 60, horizonDays: 90 }), []);
    assert.equal(lastCommitTime([{ time: 5 }, { time: 9 }, { time: 7 }]), 9);
  });
});

describe('evaluation: scoring a ranking', () => {
  it('hit@k when any of the first k changed the area; reciprocal rank of the first one', () => {
    const changed = new Set(['c', 'x']);
    assert.deepEqual(scoreRanking(['c', 'a'], changed), { hitAt1: true, hitAt3: true, reciprocalRank: 1 });
    assert.deepEqual(scoreRanking(['a', 'b', 'c', 'x'], changed), { hitAt1: false, hitAt3: true, reciprocalRank: 1 / 3 });
    assert.deepEqual(scoreRanking(['a', 'b', 'd', 'x'], changed), { hitAt1: false, hitAt3: false, reciprocalRank: 1 / 4 });
    assert.deepEqual(scoreRanking([], changed), { hitAt1: false, hitAt3: false, reciprocalRank: 0 }, 'saying nothing is a miss');
  });

  it('summarises rates and counts empty rankings', () => {
    const summary = summarizeScores([
      { score: scoreRanking(['c'], new Set(['c'])), rankedNobody: false },
      { score: scoreRanking(['a', 'c'], new Set(['c'])), rankedNobody: false },
      { score: scoreRanking([], new Set(['c'])), rankedNobody: true },
    ]);
    assert.deepEqual(summary, { cases: 3, hitAt1: 1 / 3, hitAt3: 2 / 3, meanReciprocalRank: 0.5, emptyRankings: 1 });
    assert.deepEqual(summarizeScores([]), { cases: 0, hitAt1: 0, hitAt3: 0, meanReciprocalRank: 0, emptyRankings: 0 });
  });
});

describe('evaluation: history at a cut-off', () => {
  const history: RepositoryHistory = {
    head: 'h',
    commits: [
      commit('4', 40, [{ status: 'M', path: 'b/new.ts' }]),
      commit('3', 30, [{ status: 'R', oldPath: 'b/old.ts', path: 'b/new.ts' }, { status: 'D', path: 'a/gone.ts' }]),
      commit('2', 20, [{ status: 'A', path: 'a/gone.ts' }, { status: 'M', path: 'b/old.ts' }]),
      commit('1', 10, [{ status: 'A', path: 'b/old.ts' }, { status: 'A', path: 'README' }]),
    ],
    files: ['README', 'b/new.ts'],
    linesSince: 0,
    shallow: false,
  };

  it('replays adds, deletes and renames into the tree of the moment', () => {
    assert.deepEqual(filesAfter(history.commits), ['README', 'b/new.ts']);
    assert.deepEqual(filesAfter(history.commits.slice(2)), ['README', 'a/gone.ts', 'b/old.ts']);
  });

  it('keeps commits authored before the cut-off, with line counts only inside the window before it', () => {
    const lineCounts = new Map([
      ['2', new Map([['b/old.ts', { added: 3, removed: 1 }]])],
      ['1', new Map([['b/old.ts', { added: 9, removed: 0 }]])],
    ]);
    const at = historyAtCutoff(history, 30, { windowStart: 15, lineCounts });
    assert.deepEqual(at.commits.map((c) => c.sha), ['2', '1']);
    assert.deepEqual(at.files, ['README', 'a/gone.ts', 'b/old.ts']);
    assert.deepEqual(at.commits[0]?.changes.map((c) => c.lines), [0, 4], 'no numstat row counts 0, as readHistory does');
    assert.deepEqual(at.commits[1]?.changes.map((c) => c.lines), [undefined, undefined], 'before the window: no line counts');
    assert.equal(at.linesSince, 15);
  });
});

describe('evaluation: areas', () => {
  it('makes one synthetic team per top-level directory, and one for files at the top', () => {
    const rules = topLevelDirectoryRules(['README', 'lib/a.js', 'lib/x/b.js', 'test/t.js', 'we*rd/f']);
    assert.deepEqual(rules.map((r) => [r.pattern, r.owners]), [
      ['/*', [ROOT_FILES_OWNER]],
      ['/lib/', ['@area/lib']],
      ['/test/', ['@area/test']],
      ['/we\\*rd/', ['@area/we*rd']],
    ]);
    const resolver = createOwnershipResolver({ settingsRules: rules, codeownersRules: [], flavor: 'github' });
    assert.equal(resolver.ownerOf('lib/x/b.js')?.area, '/lib/');
    assert.equal(resolver.ownerOf('Makefile')?.area, '/*');
    assert.equal(resolver.ownerOf('weird/f'), undefined, 'a * in a directory name is literal');
  });

  it('takes CODEOWNERS only when it owns at least half of the files', () => {
    assert.equal(chooseAreaSource('auto', { path: undefined, ownedFiles: 0 }, 10).source, 'directories');
    assert.deepEqual(chooseAreaSource('auto', { path: '.github/CODEOWNERS', ownedFiles: 1 }, 300), {
      source: 'directories',
      why: 'top-level directories: .github/CODEOWNERS gives owners to only 0% of files',
    });
    assert.equal(chooseAreaSource('auto', { path: 'CODEOWNERS', ownedFiles: 5 }, 10).source, 'codeowners');
    assert.equal(chooseAreaSource('codeowners', { path: 'CODEOWNERS', ownedFiles: 0 }, 10).source, 'codeowners');
    assert.equal(chooseAreaSource('directories', { path: 'CODEOWNERS', ownedFiles: 10 }, 10).source, 'directories');
  });
});

describe('evaluation: baselines', () => {
  const people = new Map([
    ['old', { commits: 40, lastTime: 100, linesAdded: 5_000 }],
    ['new', { commits: 3, lastTime: 900, linesAdded: 20 }],
    ['mid', { commits: 10, lastTime: 500, linesAdded: 9_000 }],
  ]);

  it('ranks by latest commit, by commit count, and by lines added', () => {
    assert.deepEqual(baselineRanking(people, 'mostRecentCommitter'), ['new', 'mid', 'old']);
    assert.deepEqual(baselineRanking(people, 'mostCommitsEver'), ['old', 'mid', 'new']);
    assert.deepEqual(baselineRanking(people, 'mostLinesAdded'), ['mid', 'old', 'new']);
    assert.deepEqual(baselineRanking(undefined, 'mostCommitsEver'), []);
  });
});

describe('ranking: counts relative to the best candidate, on a log scale', () => {
  it('is 1 for the best and 0 for none, with diminishing returns in between', () => {
    assert.equal(relativeToBest(416, 416), 1);
    assert.equal(relativeToBest(0, 416), 0);
    assert.equal(relativeToBest(1, 1), 1);
    // Someone changing the area every week (21 changes, 4 known files) now outranks a mass
    // editor who knows 416 files and changed it once; linearly it was 0.01 + 1 against 1 + 0.05.
    const weekly = relativeToBest(4, 416) + relativeToBest(21, 21);
    const massEditor = relativeToBest(416, 416) + relativeToBest(1, 21);
    assert.ok(weekly > massEditor, `${weekly} > ${massEditor}`);
  });
});

describe('evaluation: arguments', () => {
  it('defaults to the current folder, tables, automatic areas and line counts', () => {
    assert.deepEqual(parseEvaluationArguments([], '/here'), { help: false, repo: '/here', json: false, areas: 'auto', withLineCounts: true, excludePaths: [] });
    assert.deepEqual(parseEvaluationArguments(['--repo', 'r', '--json', '--areas', 'directories', '--no-lines'], '/here'), {
      help: false,
      repo: 'r',
      json: true,
      areas: 'directories',
      withLineCounts: false,
      excludePaths: [],
    });
    assert.throws(() => parseEvaluationArguments(['extra'], '/here'), /Unexpected argument 'extra'/);
  });

  it('takes --exclude-path more than once, from the top of the repository, and refuses an empty one', () => {
    assert.deepEqual(parseEvaluationArguments(['--exclude-path', 'docs/big.tif', '--exclude-path', '/lib/x.bin'], '/here').excludePaths, ['docs/big.tif', 'lib/x.bin']);
    assert.throws(() => parseEvaluationArguments(['--exclude-path', '/'], '/here'), /^Error: --exclude-path needs a path inside the repository, got "\/"\.$/);
  });
});
