/**
 * The host's client and the worker thread, speaking the worker protocol for real: a scan of a
 * real repository, questions about it by scan id, stale ids, cancellation, a worker that dies.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS } from '../../../src/core/config/settings';
import { resolveGitBinary } from '../../../src/core/git/gitBinary';
import { toSeconds } from '../../../src/core/time';
import { RequestCancelled, StaleScan, WorkerStopped } from '../../../src/core/worker/analysisErrors';
import type { ScanRequest } from '../../../src/core/worker/workerProtocol';
import { AnalysisWorkerClient } from '../../../src/vscode/analysisWorkerClient';
import { LEE, SAMPLE_SETTINGS, createSampleTeamRepo } from '../../fixtures/sampleTeamRepo';
import { CountingWorkerClient, recordingLog } from '../../helpers/analysisWorker';
import { rejection } from '../../helpers/rejection';
import { FIXED_NOW, createTestDir, fixtureGitEnv, removeTestRepos } from '../../helpers/gitFixture';


describe('host: the analysis worker client and the worker protocol', function () {
  this.timeout(60_000);
  const clients: AnalysisWorkerClient[] = [];
  const client = (): CountingWorkerClient => {
    const made = new CountingWorkerClient();
    clients.push(made);
    return made;
  };
  after(() => {
    clients.forEach((c) => c.dispose());
    removeTestRepos();
  });

  const request = (folder: string): ScanRequest => ({
    folder,
    settings: { ...DEFAULT_SETTINGS, teams: SAMPLE_SETTINGS['multiplier.teams'], identities: [...SAMPLE_SETTINGS['multiplier.identities'], LEE.email] },
    nowSeconds: toSeconds(FIXED_NOW.getTime()),
    gitPath: resolveGitBinary(fixtureGitEnv()),
    cacheDir: undefined,
  });

  it('scans a repository in the worker and answers questions about that scan by its id', async () => {
    const repo = createSampleTeamRepo({ now: FIXED_NOW });
    const worker = client();
    const progress: string[] = [];
    const snapshot = await worker.scan(request(repo.dir), new AbortController().signal, (message) => progress.push(message));
    assert.match(snapshot.scanId, /^[0-9a-f]{8}-1$/);
    assert.equal(snapshot.repository.head, repo.head());
    const payments = snapshot.areas.find((area) => area.area === '/src/payments/');
    assert.equal(payments?.level, 'nudge');
    assert.ok(progress.includes('Reading history…'), progress.join(' | '));
    const teams = await worker.ask(snapshot.scanId, 'teamsDraft', {});
    assert.deepEqual(teams.teams.map((team) => team.team).sort(), ['@acme/payments', '@acme/platform', '@acme/search']);
    const note = await worker.ask(snapshot.scanId, 'handoff', { areaKey: payments?.key ?? '' });
    assert.match(note, /^# Handoff: /);
    assert.match(note, /Payments: faster capture path/);
    // The nudge area's replaced lines, read in the background after the scan, are in the note.
    assert.match(note, /^My changes replaced 1 line Priya Patel wrote\.$/m);
  });

  it('fails every question about a replaced or unknown scan the same way, with StaleScan', async () => {
    const repo = createSampleTeamRepo({ now: FIXED_NOW });
    const worker = client();
    const first = await worker.scan(request(repo.dir), new AbortController().signal, () => undefined);
    const second = await worker.scan(request(repo.dir), new AbortController().signal, () => undefined);
    assert.notEqual(first.scanId, second.scanId);
    for (const kind of ['teamsDraft', 'identity'] as const) {
      const error = await rejection(worker.ask(first.scanId, kind, {}));
      assert.ok(error instanceof StaleScan, `${kind}: ${error.message}`);
      assert.equal(error.scanId, first.scanId);
    }
    assert.ok((await rejection(worker.ask('made-up-1', 'teamsDraft', {}))) instanceof StaleScan);
    assert.equal((await worker.ask(second.scanId, 'identity', {})).windowDays, 90);
  });

  it('cancels a scan: the promise rejects with RequestCancelled and the worker goes on serving', async () => {
    const repo = createSampleTeamRepo({ now: FIXED_NOW });
    const worker = client();
    const aborted = new AbortController();
    aborted.abort();
    assert.ok((await rejection(worker.scan(request(repo.dir), aborted.signal, () => undefined))) instanceof RequestCancelled);
    const during = new AbortController();
    const cancelled = worker.scan(request(repo.dir), during.signal, () => undefined);
    during.abort();
    assert.ok((await rejection(cancelled)) instanceof RequestCancelled);
    const snapshot = await worker.scan(request(repo.dir), new AbortController().signal, () => undefined);
    assert.equal(snapshot.repository.head, repo.head());
  });

  it('rejects what is pending with WorkerStopped when the worker dies, and starts a new one for the next request', async () => {
    // A worker that answers questions and dies on a scan: the client, not git, is under test here.
    const script = path.join(createTestDir(), 'dying-worker.js');
    fs.writeFileSync(
      script,
      `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (m) => {
  if (m.type === 'scan') process.exit(3);
  parentPort.postMessage({ type: 'log', level: 'info', message: 'asked ' + m.kind });
  parentPort.postMessage({ type: 'answer', id: m.id, kind: m.kind, answer: { windowDays: 7 } });
});`,
    );
    const log = recordingLog();
    const worker = new AnalysisWorkerClient(script, log);
    clients.push(worker);
    const stopped = await rejection(worker.scan(request('/nowhere'), new AbortController().signal, () => undefined));
    assert.ok(stopped instanceof WorkerStopped, stopped.message);
    assert.match(stopped.message, /exit code 3/);
    const answer = await worker.ask('any', 'identity', {});
    assert.equal(answer.windowDays, 7, 'a new worker answered');
    assert.deepEqual(log.lines, ['info asked identity']);
  });

  it('rejects an answer of the wrong kind instead of passing it on', async () => {
    const script = path.join(createTestDir(), 'confused-worker.js');
    fs.writeFileSync(script, `require('node:worker_threads').parentPort.on('message', (m) => require('node:worker_threads').parentPort.postMessage({ type: 'answer', id: m.id, kind: 'handoff', answer: 'x' }));`);
    const worker = new AnalysisWorkerClient(script, recordingLog());
    clients.push(worker);
    const error = await rejection(worker.ask('any', 'identity', {}));
    assert.match(error.message, /answered the question "handoff" when asked "identity"/);
  });
});
