/**
 * The pairing and handoff ranking on real repositories, one rule per test: never empty while
 * someone else knows or changed the area, former people last, and the signals beyond knowledge
 * and recent changes (freshness of the last change there, activity anywhere in the repository).
 */
import { strict as assert } from 'node:assert';
import type { AreaReport } from '../../../src/core/analysis/areaReport';
import { FORMER_AFTER_DAYS, presenceOf } from '../../../src/core/analysis/presence';
import { freshness } from '../../../src/core/analysis/suggestions';
import { DAY_SECONDS } from '../../../src/core/time';
import { createTestRepo, daysAgo, removeTestRepos, type Person, type TestRepo } from '../../helpers/gitFixture';
import { areaNamed, scanFixture } from '../../helpers/scan';

const LEE: Person = { name: 'Lee Leader', email: 'lee@acme.com' };
const PRIYA: Person = { name: 'Priya Patel', email: 'priya@acme.com' };
const ALICE: Person = { name: 'Alice Doe', email: 'alice@acme.com' };
const OMAR: Person = { name: 'Omar Ortiz', email: 'omar@acme.com' };
const FRED: Person = { name: 'Fred Former', email: 'fred@acme.com' };
const RENOVATE: Person = { name: 'renovate[bot]', email: '29139614+renovate[bot]@users.noreply.github.com' };

const CODEOWNERS = '/search/ @acme/search\n/tools/ @acme/tools\n/legacy/ @acme/legacy\n';


function repoWithCodeowners(): TestRepo {
  const repo = createTestRepo();
  repo.commit({ author: OMAR, date: daysAgo(1000), message: 'Ownership', files: { CODEOWNERS } });
  return repo;
}

const emails = (report: AreaReport): string[] => report.suggestions.map((s) => s.email);

describe('ranking: who is around', () => {
  const now = 1_000_000_000;
  const windowStart = now - 90 * DAY_SECONDS;

  it('is active with a commit in the window, away for up to a year, former after that', () => {
    assert.equal(presenceOf(windowStart, windowStart, now), 'active');
    assert.equal(presenceOf(windowStart - 1, windowStart, now), 'away');
    assert.equal(presenceOf(now - FORMER_AFTER_DAYS * DAY_SECONDS, windowStart, now), 'away');
    assert.equal(presenceOf(now - FORMER_AFTER_DAYS * DAY_SECONDS - 1, windowStart, now), 'former');
    assert.equal(FORMER_AFTER_DAYS, 365);
  });

  it('dates knowledge by the last change, halving every window', () => {
    assert.equal(freshness(now, now, 90), 1);
    assert.equal(freshness(now - 90 * DAY_SECONDS, now, 90), 0.5);
    assert.equal(freshness(now - 180 * DAY_SECONDS, now, 90), 0.25);
    assert.equal(freshness(now - 180 * DAY_SECONDS, now, 180), 0.5);
    assert.equal(freshness(undefined, now, 90), 0);
    assert.equal(freshness(now + DAY_SECONDS, now, 90), 1, 'a commit dated in the future is as fresh as today');
  });
});

describe('scenario: the ranking is never empty while someone else knows the area', function () {
  after(removeTestRepos);

  it('suggests the one who knows it though nobody was active in the window, saying when they last were', async () => {
    const repo = repoWithCodeowners();
    repo.commit({ author: PRIYA, date: daysAgo(200), message: 'Search', files: { 'search/index.ts': 'v1\n', 'search/rank.ts': 'v1\n' } });
    for (let i = 0; i < 3; i++) repo.commit({ author: LEE, date: daysAgo(20 - i), files: { 'search/rank.ts': `lee ${i}\n` } });
    const { analysis } = await scanFixture(repo, { me: [LEE.email] });
    const search = areaNamed(analysis.areas, '/search/');
    assert.equal(search.level, 'nudge');
    assert.deepEqual(emails(search), [PRIYA.email]);
    assert.equal(search.suggestions[0]?.reason, 'Knows 2 of 2 files in /search/; last changed there 200 days ago; last active 200 days ago (team membership inferred from history).');
  });

  it('suggests a former builder when only former people know the area, and says they are former', async () => {
    const repo = repoWithCodeowners();
    repo.commit({ author: FRED, date: daysAgo(700), message: 'Tools', files: { 'tools/build.sh': 'v1\n' } });
    repo.commit({ author: LEE, date: daysAgo(10), files: { 'tools/build.sh': 'lee\n' } });
    const { analysis } = await scanFixture(repo, { me: [LEE.email] });
    const tools = areaNamed(analysis.areas, '/tools/');
    assert.deepEqual(emails(tools), [FRED.email]);
    assert.equal(tools.suggestions[0]?.reason, 'Former contributor, last active 700 days ago: knows 1 of 1 files in /tools/; last changed there 700 days ago (team membership inferred from history).');
  });

  it('puts a former builder who knows most after someone active who knows less', async () => {
    const repo = repoWithCodeowners();
    const files = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`search/part${i}.ts`, `v1 ${i}\n`]));
    repo.commit({ author: FRED, date: daysAgo(800), message: 'Search', files });
    repo.commit({ author: ALICE, date: daysAgo(300), files: { 'search/part0.ts': 'alice\n' } });
    repo.commit({ author: ALICE, date: daysAgo(30), files: { 'README.md': 'alice is around\n' } });
    const { analysis } = await scanFixture(repo, { me: [LEE.email] });
    const search = areaNamed(analysis.areas, '/search/');
    assert.deepEqual(emails(search), [ALICE.email, FRED.email], 'Fred knows all six files and left 800 days ago');
    assert.match(search.suggestions[1]?.reason ?? '', /^Former contributor, last active 800 days ago: knows 6 of 6 files in \/search\/;/);
  });

  it('falls back to history when no configured member can be suggested, and says they are not on the team', async () => {
    const repo = repoWithCodeowners();
    repo.commit({ author: PRIYA, date: daysAgo(100), message: 'Search', files: { 'search/index.ts': 'v1\n' } });
    repo.commit({ author: RENOVATE, date: daysAgo(15), files: { 'search/index.ts': 'bump\n' } });
    for (let i = 0; i < 3; i++) repo.commit({ author: LEE, date: daysAgo(10 - i), files: { 'search/index.ts': `lee ${i}\n` } });
    const teams = { '@acme/search': ['sam@acme.com'] };
    const { analysis } = await scanFixture(repo, { me: [LEE.email], settings: { teams } });
    const search = areaNamed(analysis.areas, '/search/');
    assert.equal(search.membersInferred, false);
    assert.deepEqual(emails(search), [PRIYA.email], 'Sam never committed; the bot and I are never suggested');
    assert.equal(search.suggestions[0]?.inferred, true);
    assert.equal(search.suggestions[0]?.reason, 'Knows 1 of 1 files in /search/; last changed there 100 days ago; last active 100 days ago (not on the owning team: from history).');
  });

  it('keeps to a configured team with someone active, former members last', async () => {
    const repo = repoWithCodeowners();
    repo.commit({ author: PRIYA, date: daysAgo(100), message: 'Search', files: { 'search/index.ts': 'v1\n' } });
    repo.commit({ author: ALICE, date: daysAgo(400), files: { 'README.md': 'alice\n' } });
    repo.commit({ author: OMAR, date: daysAgo(10), files: { 'README.md': 'omar\n' } });
    const { analysis } = await scanFixture(repo, { me: [LEE.email], settings: { teams: { '@acme/search': [ALICE.email, OMAR.email] } } });
    const search = areaNamed(analysis.areas, '/search/');
    assert.deepEqual(emails(search), [OMAR.email, ALICE.email], 'Priya knows the area but is not on the team, which has someone active');
    assert.deepEqual(
      search.suggestions.map((s) => s.reason),
      ['On the owning team; 1 change elsewhere in the last 90 days.', 'Former contributor, last active 400 days ago: on the owning team.'],
    );
  });

  it('adds people from history after a configured team with nobody active, and former members after them', async () => {
    const repo = repoWithCodeowners();
    repo.commit({ author: PRIYA, date: daysAgo(100), message: 'Search', files: { 'search/index.ts': 'v1\n' } });
    repo.commit({ author: ALICE, date: daysAgo(400), files: { 'README.md': 'alice\n' } });
    const { analysis } = await scanFixture(repo, { me: [LEE.email], settings: { teams: { '@acme/search': [ALICE.email] } } });
    const search = areaNamed(analysis.areas, '/search/');
    assert.deepEqual(emails(search), [PRIYA.email, ALICE.email]);
    assert.deepEqual(
      search.suggestions.map((s) => s.reason),
      [
        'Knows 1 of 1 files in /search/; last changed there 100 days ago; last active 100 days ago (not on the owning team: from history).',
        'Former contributor, last active 400 days ago: on the owning team.',
      ],
    );
  });

  it('names who built a directory that was deleted, once it comes back', async () => {
    const repo = repoWithCodeowners();
    repo.commit({ author: PRIYA, date: daysAgo(300), message: 'Legacy', files: { 'legacy/old.ts': 'v1\n' } });
    repo.commit({ author: OMAR, date: daysAgo(200), message: 'Drop legacy', files: { 'legacy/old.ts': null } });
    const { analysis } = await scanFixture(repo, { me: [LEE.email] });
    const legacy = areaNamed(analysis.areas, '/legacy/');
    assert.equal(legacy.files, 0);
    assert.deepEqual(emails(legacy), [PRIYA.email], 'the delete moves no knowledge: it is not a change of the file');
    assert.equal(legacy.suggestions[0]?.reason, 'Last changed there 300 days ago; last active 300 days ago (team membership inferred from history).');
  });
});

describe('scenario: the signals beyond knowledge and recent changes', function () {
  after(removeTestRepos);

  it('puts the one who changed the area more recently first, though the other is busier elsewhere', async () => {
    const repo = repoWithCodeowners();
    repo.commit({ author: ALICE, date: daysAgo(400), message: 'Rank', files: { 'search/rank.ts': 'v1\n' } });
    repo.commit({ author: PRIYA, date: daysAgo(400), message: 'Index', files: { 'search/index.ts': 'v1\n' } });
    repo.commit({ author: PRIYA, date: daysAgo(95), files: { 'search/index.ts': 'v2\n' } });
    repo.commit({ author: PRIYA, date: daysAgo(30), files: { 'README.md': 'p\n' } });
    for (const days of [29, 28]) repo.commit({ author: ALICE, date: daysAgo(days), files: { 'README.md': `a ${days}\n` } });
    const { analysis } = await scanFixture(repo, { me: [LEE.email] });
    const search = areaNamed(analysis.areas, '/search/');
    // Alice leads on activity anywhere (1 against ln 2 / ln 3 ≈ 0.63), Priya on freshness
    // (2^(−95/90) ≈ 0.48 against 2^(−400/90) ≈ 0.05); knowledge is equal, and so are recent changes there (none).
    assert.deepEqual(emails(search), [PRIYA.email, ALICE.email]);
    assert.equal(search.suggestions[0]?.reason, 'Knows 1 of 2 files in /search/; last changed there 95 days ago; 1 change elsewhere in the last 90 days (team membership inferred from history).');
    assert.equal(search.suggestions[1]?.reason, 'Knows 1 of 2 files in /search/; last changed there 400 days ago; 2 changes elsewhere in the last 90 days (team membership inferred from history).');
  });

  it('puts the one busy in the rest of the repository first, though the other changed the area a little later', async () => {
    const repo = repoWithCodeowners();
    repo.commit({ author: PRIYA, date: daysAgo(200), message: 'Index', files: { 'search/index.ts': 'v1\n' } });
    repo.commit({ author: ALICE, date: daysAgo(150), message: 'Rank', files: { 'search/rank.ts': 'v1\n' } });
    for (let i = 0; i < 4; i++) repo.commit({ author: PRIYA, date: daysAgo(50 - i), files: { 'app/main.ts': `p ${i}\n` } });
    repo.commit({ author: ALICE, date: daysAgo(10), files: { 'app/main.ts': 'a\n' } });
    const { analysis } = await scanFixture(repo, { me: [LEE.email] });
    const search = areaNamed(analysis.areas, '/search/');
    // Priya leads on activity anywhere (1 against ln 2 / ln 5 ≈ 0.43), Alice on freshness (0.31 against 0.21).
    assert.deepEqual(emails(search), [PRIYA.email, ALICE.email]);
    assert.match(search.suggestions[0]?.reason ?? '', /; last changed there 200 days ago; 4 changes elsewhere in the last 90 days /);
    assert.match(search.suggestions[1]?.reason ?? '', /; last changed there 150 days ago; 1 change elsewhere in the last 90 days /);
  });

  it('counts someone who changed the area’s files without authoring any as a candidate of an inferred team', async () => {
    const repo = repoWithCodeowners();
    repo.commit({ author: PRIYA, date: daysAgo(500), message: 'Index', files: { 'search/index.ts': 'v1\n' } });
    for (let i = 0; i < 6; i++) repo.commit({ author: PRIYA, date: daysAgo(490 - i), files: { 'search/index.ts': `v${i + 2}\n` } });
    repo.commit({ author: ALICE, date: daysAgo(150), files: { 'search/index.ts': 'alice fix\n' } });
    repo.commit({ author: ALICE, date: daysAgo(20), files: { 'app/main.ts': 'a\n' } });
    const { analysis } = await scanFixture(repo, { me: [LEE.email] });
    const search = areaNamed(analysis.areas, '/search/');
    assert.deepEqual(emails(search), [ALICE.email, PRIYA.email], 'Alice is active and changed search 150 days ago; Priya, its only author, left');
    assert.equal(search.suggestions[0]?.reason, 'Last changed there 150 days ago; 1 change elsewhere in the last 90 days (team membership inferred from history).');
  });
});
