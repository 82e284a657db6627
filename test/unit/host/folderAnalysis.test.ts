/**
 * FolderAnalysis, the one door to the worker, outside VS Code: real worker thread, real git,
 * real repositories. Reads coalesce; questions never wait for a background read; "not read yet"
 * and "nothing to read" are answered in one place.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { DEFAULT_SETTINGS } from '../../../src/core/config/settings';
import type { MultiplierSettings, SettingProblem } from '../../../src/core/config/settingTypes';
import { resolveGitBinary } from '../../../src/core/git/gitBinary';
import { AnalysisUnavailable } from '../../../src/core/worker/analysisErrors';
import { FolderAnalysis, type FolderAnalysisPorts, type FolderAnalysisState } from '../../../src/vscode/folderAnalysis';
import type { Logger } from '../../../src/vscode/logger';
import { createSyntheticRepo } from '../../bench/syntheticRepo';
import { LEE, SAMPLE_SETTINGS, createSampleTeamRepo } from '../../fixtures/sampleTeamRepo';
import { CountingWorkerClient } from '../../helpers/analysisWorker';
import { rejection } from '../../helpers/rejection';
import { FIXED_NOW, createTestDir, fixtureGitEnv, removeTestRepos } from '../../helpers/gitFixture';
import { englishL10n } from '../../helpers/englishL10n';

const SAMPLE: MultiplierSettings = { ...DEFAULT_SETTINGS, teams: SAMPLE_SETTINGS['multiplier.teams'], identities: [...SAMPLE_SETTINGS['multiplier.identities'], LEE.email] };

interface Harness {
  readonly analysis: FolderAnalysis;
  readonly worker: CountingWorkerClient;
  readonly waits: string[];
  readonly reported: SettingProblem[][];
  readonly log: string[];
  settings: MultiplierSettings;
  problems: SettingProblem[];
  trusted: boolean;
}

function logger(lines: string[]): Logger {
  const self: Logger = {
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m, e) => lines.push(`error ${m}${e instanceof Error ? `: ${e.message}` : ''}`),
    show: () => undefined,
    child: () => self,
  };
  return self;
}


describe('host: FolderAnalysis, the one door to the worker', function () {
  this.timeout(120_000);
  const made: Harness[] = [];
  /** A history large enough that its cold read outlasts twenty ref updates (shared: it takes seconds to make). */
  let large: string;
  before(() => {
    large = createSyntheticRepo(40_000, Math.floor(FIXED_NOW.getTime() / 1000));
  });
  after(() => {
    for (const h of made) {
      h.analysis.dispose();
      h.worker.dispose();
    }
    fs.rmSync(large, { recursive: true, force: true });
    removeTestRepos();
  });

  function harness(dir: string, options: { clockMs?: number; settings?: MultiplierSettings } = {}): Harness {
    const worker = new CountingWorkerClient();
    const h: Harness = {
      worker,
      waits: [],
      reported: [],
      log: [],
      settings: options.settings ?? SAMPLE,
      problems: [],
      trusted: true,
      analysis: undefined as unknown as FolderAnalysis,
    };
    const ports: FolderAnalysisPorts = {
      folder: { name: 'repo', uri: { fsPath: dir } },
      worker,
      readSettings: () => ({ settings: h.settings, problems: h.problems }),
      isTrusted: () => h.trusted,
      gitPath: async () => resolveGitBinary(fixtureGitEnv()),
      cacheDir: undefined,
      logger: logger(h.log),
      clock: () => options.clockMs ?? FIXED_NOW.getTime(),
      reportSettingProblems: (fresh) => h.reported.push([...fresh]),
      whileWaiting: (title, task) => {
        h.waits.push(title);
        return task(() => undefined, new AbortController().signal);
      },
      l10n: englishL10n,
    };
    (h as { analysis: FolderAnalysis }).analysis = new FolderAnalysis(ports);
    made.push(h);
    return h;
  }

  it('reads history and publishes a loading state, then the reading, with the settings it was read with', async () => {
    const repo = createSampleTeamRepo({ now: FIXED_NOW });
    const h = harness(repo.dir);
    const kinds: string[] = [];
    h.analysis.onDidChange((state) => kinds.push(state.status.kind));
    await h.analysis.refresh('opened');
    assert.equal(kinds.at(-1), 'ready');
    assert.ok(kinds.length >= 2 && kinds.slice(0, -1).every((kind) => kind === 'loading'), kinds.join(', '));
    const { scan, settings } = h.analysis.state;
    assert.equal(scan?.repository.head, repo.head());
    assert.equal(settings, h.settings);
    assert.equal(h.analysis.state.areaOf('src/payments/capture.ts')?.level, 'nudge');
  });

  it('coalesces 20 HEAD changes during a cold read into at most one more read, which sees the final HEAD', async () => {
    const dir = large;
    const git = (...args: string[]): string => execFileSync('git', ['-C', dir, ...args], { env: fixtureGitEnv(), encoding: 'utf8' }).trim();
    // Twenty commits on top of main, made beforehand; during the read HEAD moves through them.
    const base = git('rev-parse', 'HEAD');
    const tree = git('rev-parse', 'HEAD^{tree}');
    const tips: string[] = [];
    let parent = base;
    for (let i = 0; i < 20; i++) {
      parent = git('commit-tree', tree, '-p', parent, '-m', `tip ${i}`);
      tips.push(parent);
    }
    const h = harness(dir, { settings: DEFAULT_SETTINGS });
    let coldReadDone = false;
    const cold = h.analysis.refresh('opened').then(() => (coldReadDone = true));
    const during: Array<Promise<void>> = [];
    for (const tip of tips) {
      git('update-ref', 'refs/heads/main', tip);
      during.push(h.analysis.refresh('HEAD changed'));
    }
    assert.equal(coldReadDone, false, 'the cold read ended before the HEAD changes: the history is too small for this test');
    await Promise.all([cold, ...during]);
    assert.ok(h.worker.scans <= 2, `${h.worker.scans} reads`);
    assert.equal(h.analysis.state.scan?.repository.head, tips[19]);
  });

  it('answers a question about the last reading while a cold read of a large history runs', async () => {
    const h = harness(large, { settings: { ...DEFAULT_SETTINGS, identities: ['dev3-1@synthetic.example'] } });
    await h.analysis.refresh('opened');
    const area = h.analysis.state.scan?.areas.find((a) => a.myCommits > 0);
    assert.ok(area, 'an area with my commits');
    const order: string[] = [];
    const cold = h.analysis.refresh('Read History Again', { fresh: true }).then(() => order.push('read'));
    const note = h.analysis.ask('handoff', { areaKey: area.key }).then((text) => {
      order.push('note');
      return text;
    });
    await Promise.all([cold, note]);
    assert.deepEqual(order, ['note', 'read'], 'the handoff note did not wait for the read');
    assert.match(await note, /^# Handoff: /);
    assert.equal(h.worker.scans, 2);
  });

  it('publishes the nudge areas’ replaced lines once the worker has read them after the scan, and reads another area’s on demand', async () => {
    const repo = createSampleTeamRepo({ now: FIXED_NOW });
    const h = harness(repo.dir);
    const payments = (state: FolderAnalysisState) => state.scan?.areas.find((area) => area.area === '/src/payments/');
    const filled = new Promise<FolderAnalysisState>((resolve) => h.analysis.onDidChange((state) => payments(state)?.othersLinesReplaced && resolve(state)));
    await h.analysis.refresh('opened');
    const state = await filled;
    const priya = { total: 1, byPerson: [{ name: 'Priya Patel', email: 'priya@acme.example', lines: 1 }], complete: true };
    assert.deepEqual(payments(state)?.othersLinesReplaced, priya);
    assert.deepEqual(state.areaOf('src/payments/capture.ts')?.othersLinesReplaced, priya, 'the status bar’s lookup has them too');
    const search = state.scan?.areas.find((area) => area.area === '/src/search/');
    assert.ok(search && search.level === 'info' && search.othersLinesReplaced === null, 'not read where there is no nudge');
    assert.deepEqual(await h.analysis.ask('linesReplaced', { areaKeys: [search.key] }), [
      { areaKey: search.key, linesReplaced: { total: 1, byPerson: [{ name: 'Omar Ortiz', email: 'omar@acme.example', lines: 1 }], complete: true } },
    ]);
    assert.equal(h.worker.scans, 1);
  });

  it('waits, saying so, for the first reading before answering a question', async () => {
    const repo = createSampleTeamRepo({ now: FIXED_NOW });
    const h = harness(repo.dir);
    void h.analysis.refresh('opened');
    const report = await h.analysis.ask('identity', {});
    assert.deepEqual(h.waits, ['Multiplier: reading the history of repo']);
    assert.ok(report.entries.some((entry) => entry.value === LEE.email));
  });

  it('asks again about the current reading when the worker lost the one asked about (a restart)', async () => {
    const repo = createSampleTeamRepo({ now: FIXED_NOW });
    const h = harness(repo.dir);
    await h.analysis.refresh('opened');
    const before = h.analysis.state.scan?.scanId;
    h.worker.dispose(); // the worker thread ends; the next request starts a new one, without the scan
    const report = await h.analysis.ask('teamsDraft', {});
    assert.ok(report.teams.length > 0);
    assert.equal(h.worker.scans, 2, 'history was read again for the new worker');
    assert.notEqual(h.analysis.state.scan?.scanId, before);
  });

  it('runs no git when Multiplier is off or the folder is untrusted, and says why when asked', async () => {
    const repo = createSampleTeamRepo({ now: FIXED_NOW });
    const off = harness(repo.dir, { settings: { ...SAMPLE, enabled: false } });
    await off.analysis.refresh('opened');
    assert.equal(off.analysis.state.status.kind, 'disabled');
    const disabled = await rejection(off.analysis.ask('identity', {}));
    assert.ok(disabled instanceof AnalysisUnavailable && disabled.reason === 'disabled', disabled.message);
    assert.match(disabled.message, /switched off for repo \(multiplier\.enabled\)/);

    const untrusted = harness(repo.dir);
    untrusted.trusted = false;
    await untrusted.analysis.refresh('opened');
    assert.equal(untrusted.analysis.state.status.kind, 'restricted');
    const restricted = await rejection(untrusted.analysis.ask('handoff', { areaKey: 'x' }));
    assert.ok(restricted instanceof AnalysisUnavailable && restricted.reason === 'restricted', restricted.message);
    assert.equal(off.worker.scans + untrusted.worker.scans, 0, 'no read was asked of the worker');
  });

  it('says a folder outside any repository is not one, when asked', async () => {
    const h = harness(createTestDir());
    await h.analysis.refresh('opened');
    assert.equal(h.analysis.state.status.kind, 'no-repository');
    const error = await rejection(h.analysis.ask('identity', {}));
    assert.ok(error instanceof AnalysisUnavailable && error.reason === 'no-repository', error.message);
    assert.match(error.message, /^repo is not in a git repository\. .* is not inside a git repository\.$/);
  });

  it('reports each bad setting once per session, however often history is read', async () => {
    const repo = createSampleTeamRepo({ now: FIXED_NOW });
    const h = harness(repo.dir);
    h.problems = [{ key: 'multiplier.windowDays', message: 'must be a whole number between 1 and 3650, got "x"' }];
    await h.analysis.refresh('opened');
    await h.analysis.refresh('settings changed');
    h.problems = [...h.problems, { key: 'multiplier.ignore[0]', message: 'must not be empty' }];
    await h.analysis.refresh('settings changed');
    assert.deepEqual(h.reported.map((batch) => batch.map((p) => p.key)), [['multiplier.windowDays'], ['multiplier.ignore[0]']]);
  });
});
