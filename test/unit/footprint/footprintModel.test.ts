import { strict as assert } from 'node:assert';
import type { AreaReport } from '../../../src/core/analysis/areaReport';
import { decideNudge, type AreaNumbers } from '../../../src/core/analysis/nudgeDecision';
import type { Assist } from '../../../src/core/assists/timeBoxes';
import { chartDescription } from '../../../src/core/footprint/areaView';
import { buildFootprintModel, isOwnArea, QUESTION, type FootprintFolderInput, type FootprintInput } from '../../../src/core/footprint/footprintModel';
import type { AnalysisSnapshot } from '../../../src/core/scan/analysisSnapshot';
import { NO_SHADOW_SIGNALS } from '../../helpers/areaSignals';

const DAY_MS = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 5, 1, 12);
const NOW_S = NOW / 1000;
const WEEK_STARTS = [NOW_S - 21 * 86400, NOW_S - 14 * 86400, NOW_S - 7 * 86400];

function report(area: string, overrides: Partial<AreaReport> = {}): AreaReport {
  return {
    ...NO_SHADOW_SIGNALS,
    key: `codeowners\0${area}`,
    area,
    owners: ['@acme/team'],
    source: 'codeowners',
    sourcePath: '.github/CODEOWNERS',
    commits: 0,
    myCommits: 0,
    pairedCommits: 0,
    lines: 0,
    myLines: 0,
    commitShare: 0,
    lineShare: 0,
    myShare: 0,
    level: 'none',
    reasons: [`You have not changed ${area} in the last 21 days.`],
    suggestions: [],
    membersInferred: false,
    files: 4,
    myKnownFiles: 0,
    mySoleKnownFiles: 0,
    ...overrides,
    soloCommits: overrides.soloCommits ?? (overrides.myCommits ?? 0) - (overrides.pairedCommits ?? 0),
  };
}

const PAYMENTS = report('/src/payments/', {
  owners: ['@acme/payments'],
  commits: 8,
  myCommits: 6,
  lines: 20,
  myLines: 16,
  commitShare: 0.75,
  lineShare: 0.8,
  myShare: 0.8,
  level: 'nudge',
  files: 5,
  myKnownFiles: 3,
  mySoleKnownFiles: 2,
  suggestions: [
    { name: 'Alice <b>Doe</b>', email: 'alice@acme.com', reason: 'Knows 1 of 4 files in /src/payments/.', inferred: false },
    { name: 'Priya Patel', email: 'priya@acme.com', reason: '1 change there in the last 21 days.', inferred: false },
  ],
});
const SEARCH = report('/src/search/', { owners: ['@acme/search'], commits: 5, myCommits: 1, commitShare: 0.2, myShare: 0.2, level: 'info', suggestions: [{ name: 'Sam', email: 's@a', reason: 'r', inferred: true }], membersInferred: true });
const PLATFORM = report('/src/platform/', { owners: ['@acme/platform'] });
const DOCS = report('/docs/', { owners: ['@lee'], commits: 1, myCommits: 1, commitShare: 1, myShare: 1, reasons: ['This area is yours: you are listed as an owner (@lee in .github/CODEOWNERS).'] });

function snapshot(areas: AreaReport[]): AnalysisSnapshot {
  return {
    areas,
    windowDays: 21,
    footprint: { weekStarts: WEEK_STARTS, areas: [{ areaKey: PAYMENTS.key, mine: [1, 0, 5], all: [1, 0, 7] }] },
    balance: { own: 1, paired: 0, teamSolo: 6, unowned: 0 },
  } as Partial<AnalysisSnapshot> as AnalysisSnapshot;
}

const FOLDER = 'file:///work/shop';
const ready = (areas: AreaReport[], extra: Partial<FootprintFolderInput> = {}): FootprintFolderInput => ({ uri: FOLDER, name: 'shop', status: { kind: 'ready', warnings: [] }, snapshot: snapshot(areas), ...extra });
const assist = (overrides: Partial<Assist> = {}): Assist => ({ folder: FOLDER, areaKey: PAYMENTS.key, areaName: '/src/payments/', startedAt: NOW - DAY_MS, until: NOW + DAY_MS, reason: 'launch week', endNotified: false, ...overrides });

function model(overrides: Partial<FootprintInput> = {}): ReturnType<typeof buildFootprintModel> {
  return buildFootprintModel({
    workspaceFolders: 1,
    trusted: true,
    folders: [ready([SEARCH, PLATFORM, DOCS, PAYMENTS])],
    assists: [],
    handoffs: [],
    nowMs: NOW,
    formatTime: (ms) => (ms === NOW + DAY_MS ? 'Tue 12:00' : String(ms)),
    formatDay: (ms) => new Date(ms).toISOString().slice(5, 10),
    formatMonth: (ms) => new Date(ms).toISOString().slice(5, 7),
    ...overrides,
  });
}

describe('footprint: the model the webview receives', () => {
  it('lists the areas I work in, primary authorship first, with share, numbers, knowledge, people and a chart', () => {
    const { question, answer, folders, notices, empty } = model();
    assert.equal(question, QUESTION);
    assert.equal(empty, undefined);
    assert.deepEqual(notices, []);
    assert.equal(answer, 'Not yet: you are the primary author in /src/payments/ and the only one who knows 2 of its files. Pairing with the owners or a handoff note would let them keep moving without you.');
    assert.equal(folders.length, 1);
    const [folder] = folders;
    assert.equal(folder?.name, undefined, 'no folder name in a single-folder workspace');
    assert.deepEqual(folder?.areas.map((a) => a.name), ['/src/payments/', '/src/search/']);
    const payments = folder?.areas[0];
    assert.equal(payments?.folder, FOLDER);
    assert.equal(payments?.areaKey, PAYMENTS.key);
    assert.equal(payments?.shortName, 'payments');
    assert.equal(payments?.owners, '@acme/payments');
    assert.equal(payments?.share, '80%');
    assert.deepEqual(payments?.badges, ['Primary author']);
    assert.equal(payments?.detail, 'You made 6 of 8 changes (75%) and 16 of 20 changed lines (80%) in the last 21 days.');
    assert.equal(payments?.knowledge, 'Only you know 2 of its 5 files (you know 3 in all).');
    assert.equal(payments?.soleKnown, true);
    assert.deepEqual(payments?.suggestions[0], { name: 'Alice <b>Doe</b>', reason: 'Knows 1 of 4 files in /src/payments/.' }, 'names pass as data; the webview inserts them as text');
    assert.equal(payments?.handoffLabel, 'Write the handoff note for /src/payments/');
    assert.equal(payments?.whyLabel, 'Ownership details for /src/payments/');
    assert.deepEqual(payments?.chart.weeks, [
      { label: '05-11', mine: 1, all: 1 },
      { label: '05-18', mine: 0, all: 0 },
      { label: '05-25', mine: 5, all: 7 },
    ]);
    assert.equal(payments?.chart.max, 7);
    assert.equal(payments?.chart.description, 'Changes in /src/payments/ per week in the last 21 days, yours of all: week of 05-11, 1 of 1; week of 05-25, 5 of 7. No changes in the other week.');
    const search = folder?.areas[1];
    assert.equal(search?.chart.max, 0, 'an area without buckets gets empty weeks');
    assert.equal(search?.chart.description, 'No changes in /src/search/ in the last 21 days.');
    assert.equal(search?.suggestionsNote, 'Team members inferred from history: list them in multiplier.teams to be sure.');
    assert.equal(search?.detail, 'You made 1 of 5 changes (20%) in the last 21 days.', 'no line numbers when none are known');
  });

  it('lists my own areas apart, not as footprint, and areas I have no part in by name', () => {
    const [folder] = model().folders;
    assert.deepEqual(folder?.ownAreas, [{ name: '/docs/', owners: '@lee', note: 'yours, so not counted as footprint · you made 1 of 1 change in the last 21 days' }]);
    assert.deepEqual(folder?.quietAreas, [{ name: '/src/platform/', owners: '@acme/platform', note: 'no changes or files of yours in the last 21 days' }]);
  });

  it('recognises an area as mine exactly when the nudge decision says so', () => {
    const numbers: AreaNumbers = { area: '/docs/', windowDays: 90, commits: 3, soloCommits: 3, pairedCommits: 0, lines: 0, mySoloLines: 0, mineBecause: undefined, shareThreshold: 0.5, minCommits: 3 };
    const asReport = (n: AreaNumbers): AreaReport => report('/docs/', decideNudge(n));
    assert.equal(isOwnArea(asReport({ ...numbers, mineBecause: 'you are listed as an owner (@lee in CODEOWNERS)' })), true);
    assert.equal(isOwnArea(asReport({ ...numbers, mineBecause: 'you are a member of @acme/docs, which owns it' })), true);
    assert.equal(isOwnArea(asReport(numbers)), false);
    assert.equal(isOwnArea(asReport({ ...numbers, soloCommits: 0 })), false);
  });

  it('shows active assists, on their area and in their own list; ended ones are gone', () => {
    const { assists, folders } = model({ assists: [assist(), assist({ areaKey: 'gone', areaName: '/old/', until: NOW + 2 * DAY_MS, reason: '' }), assist({ areaKey: SEARCH.key, until: NOW - 1 })] });
    assert.deepEqual(
      assists.map((a) => [a.text, a.reason, a.canOpen]),
      [
        ['Helping in /src/payments/ until Tue 12:00', 'launch week', true],
        [`Helping in /old/ until ${NOW + 2 * DAY_MS}`, '', false],
      ],
    );
    assert.deepEqual(folders[0]?.areas[0]?.badges, ['Primary author', 'Helping until Tue 12:00']);
    assert.deepEqual(folders[0]?.areas[1]?.badges, []);
  });

  it('lists an area I only assist in, even without changes of mine', () => {
    const { folders } = model({ assists: [assist({ areaKey: PLATFORM.key, areaName: '/src/platform/' })] });
    assert.deepEqual(folders[0]?.areas.map((a) => a.name), ['/src/payments/', '/src/search/', '/src/platform/']);
  });

  it('names other areas where only I know files', () => {
    const { answer } = model({ folders: [ready([PAYMENTS, { ...SEARCH, mySoleKnownFiles: 1 }])] });
    assert.equal(answer, 'Not yet: you are the primary author in /src/payments/ and the only one who knows 3 files in /src/payments/, /src/search/. Pairing with the owners or a handoff note would let them keep moving without you.');
    const sole = model({ folders: [ready([{ ...SEARCH, mySoleKnownFiles: 1 }])] }).answer;
    assert.match(sole ?? '', /^Not yet: you are the only one who knows 1 file in \/src\/search\/\. /);
  });

  it('answers warmly when nothing depends on me alone', () => {
    const { answer } = model({ folders: [ready([SEARCH, PLATFORM])] });
    assert.match(answer ?? '', /^Most likely: you are not the primary author of any team’s area/);
  });

  it('has a friendly empty state without a workspace, outside local folders and without owned areas', () => {
    assert.equal(model({ workspaceFolders: 0, folders: [] }).empty, 'Open a folder with a git repository to see your footprint.');
    assert.match(model({ folders: [] }).empty ?? '', /^Multiplier reads only folders on disk/);
    const none = model({ folders: [ready([])] });
    assert.match(none.empty ?? '', /^No team owns an area here yet/);
    assert.equal(none.answer, undefined);
    assert.deepEqual(none.folders, []);
  });

  it('says so in Restricted Mode and shows no data', () => {
    const restricted = model({ trusted: false, assists: [assist()] });
    assert.deepEqual(restricted.folders, []);
    assert.deepEqual(restricted.assists, []);
    assert.equal(restricted.answer, undefined);
    assert.match(restricted.notices[0]?.text ?? '', /^Restricted Mode: Multiplier reads no history/);
  });

  it('says what each folder is doing while loading, off, outside git or failing, naming folders in a multi-root workspace', () => {
    const loading = model({ folders: [{ uri: FOLDER, name: 'shop', status: { kind: 'loading', message: 'Reading history… 5,000 commits' }, snapshot: undefined }] });
    assert.deepEqual(loading.notices, [{ kind: 'loading', text: 'Reading history… 5,000 commits' }]);
    assert.equal(loading.answer, undefined);
    assert.equal(loading.empty, undefined);
    const multi = model({
      folders: [
        ready([PAYMENTS], { status: { kind: 'ready', warnings: ['This is a shallow clone.'] } }),
        { uri: 'file:///b', name: 'docs-site', status: { kind: 'error', message: 'Git took too long.' }, snapshot: undefined },
        { uri: 'file:///c', name: 'scratch', status: { kind: 'no-repository', message: '/c is not a git repository.' }, snapshot: undefined },
        { uri: 'file:///d', name: 'old', status: { kind: 'disabled' }, snapshot: undefined },
      ],
    });
    assert.deepEqual(multi.notices.map((n) => n.text), [
      'shop: This is a shallow clone.',
      'docs-site: Multiplier could not read this repository: Git took too long. See Multiplier: Show Log.',
      'scratch: Not a git repository: /c is not a git repository.',
      'old: Multiplier is turned off here (multiplier.enabled).',
    ]);
    assert.equal(multi.folders[0]?.name, 'shop');
  });

  it('describes the chart in words, leaving out quiet weeks', () => {
    assert.equal(chartDescription('/a/', [{ label: 'x', mine: 2, all: 3 }], 90), 'Changes in /a/ per week in the last 90 days, yours of all: week of x, 2 of 3.');
  });
});
