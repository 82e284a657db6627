/**
 * The product's central judgement on real repositories: a leader dominating a team's area is
 * nudged; owning the area, pairing with the owners or a normal share is not; noise does not count.
 */
import { strict as assert } from 'node:assert';
import { createTestRepo, daysAgo, removeTestRepos, type Person, type TestRepo } from '../../helpers/gitFixture';
import { areaNamed, scanFixture } from '../../helpers/scan';

const LEE: Person = { name: 'Lee Leader', email: 'lee@acme.com' };
const PRIYA: Person = { name: 'Priya Patel', email: 'priya@acme.com' };
const ALICE: Person = { name: 'Alice Doe', email: 'alice@acme.com' };
const OMAR: Person = { name: 'Omar Ortiz', email: 'omar@acme.com' };
const DEPENDABOT: Person = { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' };
const CLAUDE: Person = { name: 'Claude', email: 'noreply@anthropic.com' };

const CODEOWNERS = ['* @acme/platform', '/src/payments/ @acme/payments', '/src/api/ @acme/api', '/src/billing/ @acme/payments', '/src/lee/ @lee-l', ''].join('\n');
const TEAMS = { '@acme/payments': ['priya@acme.com', 'Alice Doe'], '@acme/api': ['omar@acme.com'] };

/** A team repository old enough to have owners' history, with CODEOWNERS. */
function teamRepo(): TestRepo {
  const repo = createTestRepo();
  repo.commit({ author: PRIYA, date: daysAgo(400), message: 'Set up ownership', files: { '.github/CODEOWNERS': CODEOWNERS } });
  repo.commit({ author: PRIYA, date: daysAgo(390), message: 'Payment capture', files: { 'src/payments/capture.ts': 'v1\n', 'src/payments/refund.ts': 'v1\n' } });
  repo.commit({ author: ALICE, date: daysAgo(380), message: 'Ledger', files: { 'src/payments/ledger.ts': 'v1\n' } });
  repo.commit({ author: OMAR, date: daysAgo(370), message: 'API server', files: { 'src/api/server.ts': 'v1\n' } });
  repo.commit({ author: PRIYA, date: daysAgo(360), message: 'Billing', files: { 'src/billing/invoice.ts': 'v1\n' } });
  repo.commit({ author: LEE, date: daysAgo(350), message: 'My notes', files: { 'src/lee/notes.ts': 'v1\n' } });
  return repo;
}

describe('scenario: who gets nudged', function () {
  after(removeTestRepos);

  it('nudges a leader who made most recent changes in a team area, and explains why', async () => {
    const repo = teamRepo();
    for (let i = 0; i < 5; i++) {
      repo.commit({ author: LEE, date: daysAgo(30 - i), message: `Speed up capture ${i}`, files: { 'src/payments/capture.ts': `lee ${i}\n` } });
    }
    repo.commit({ author: PRIYA, date: daysAgo(10), message: 'Refund fix', files: { 'src/payments/refund.ts': 'v2\n' } });
    const { analysis } = await scanFixture(repo, { me: [LEE.email], settings: { teams: TEAMS } });
    const payments = areaNamed(analysis.areas, '/src/payments/');
    assert.equal(payments.level, 'nudge');
    assert.equal(payments.commits, 6);
    assert.equal(payments.myCommits, 5);
    assert.equal(payments.commitShare, 5 / 6);
    assert.deepEqual(payments.owners, ['@acme/payments']);
    assert.equal(payments.source, 'codeowners');
    assert.match(payments.reasons[0] ?? '', /You made 5 of the 6 changes in \/src\/payments\/ in the last 90 days \(83%\)/);
    assert.equal(analysis.areas[0]?.area, '/src/payments/', 'nudges come first');
  });

  it('does not nudge in an area I own, by handle in CODEOWNERS', async () => {
    const repo = teamRepo();
    for (let i = 0; i < 6; i++) repo.commit({ author: LEE, date: daysAgo(20 - i), files: { 'src/lee/notes.ts': `n${i}\n` } });
    const { analysis } = await scanFixture(repo, { me: [LEE.email], settings: { teams: TEAMS, identities: ['@lee-l'] } });
    const mine = areaNamed(analysis.areas, '/src/lee/');
    assert.equal(mine.myCommits, 6);
    assert.equal(mine.level, 'none');
    assert.match(mine.reasons[0] ?? '', /yours: you are listed as an owner \(@lee-l in \.github\/CODEOWNERS\)/);
  });

  it('does not nudge in an area of a team I am a configured member of', async () => {
    const repo = teamRepo();
    for (let i = 0; i < 4; i++) repo.commit({ author: LEE, date: daysAgo(20 - i), files: { 'src/api/server.ts': `s${i}\n` } });
    const { analysis } = await scanFixture(repo, { me: [LEE.email], settings: { teams: { ...TEAMS, '@acme/api': ['omar@acme.com', 'lee@acme.com'] } } });
    assert.equal(areaNamed(analysis.areas, '/src/api/').level, 'none');
  });

  it('counts work co-authored with an owner as pairing, not heroism', async () => {
    const repo = teamRepo();
    for (let i = 0; i < 4; i++) {
      repo.commit({ author: LEE, date: daysAgo(20 - i), message: `Invoice ${i}`, files: { 'src/billing/invoice.ts': `i${i}\n` }, coAuthors: [PRIYA] });
    }
    const { analysis } = await scanFixture(repo, { me: [LEE.email], settings: { teams: TEAMS } });
    const billing = areaNamed(analysis.areas, '/src/billing/');
    assert.equal(billing.myCommits, 4);
    assert.equal(billing.pairedCommits, 4);
    assert.equal(billing.myShare, 0);
    assert.equal(billing.level, 'info');
    assert.ok(billing.reasons.some((r) => /4 changes of yours were paired with the owners/.test(r)), billing.reasons.join(' | '));
  });

  it('gives info, not a nudge, for a normal share', async () => {
    const repo = teamRepo();
    repo.commit({ author: LEE, date: daysAgo(25), files: { 'src/api/server.ts': 'lee\n' } });
    for (let i = 0; i < 5; i++) repo.commit({ author: OMAR, date: daysAgo(20 - i), files: { 'src/api/server.ts': `o${i}\n` } });
    const { analysis } = await scanFixture(repo, { me: [LEE.email], settings: { teams: TEAMS } });
    const api = areaNamed(analysis.areas, '/src/api/');
    assert.equal(api.level, 'info');
    assert.equal(api.myCommits, 1);
    assert.equal(api.commits, 6);
  });

  it('nudges the sole recent author even below minCommits, and respects a raised threshold', async () => {
    const repo = teamRepo();
    repo.commit({ author: LEE, date: daysAgo(5), files: { 'src/api/server.ts': 'lee\n' } });
    const sole = await scanFixture(repo, { me: [LEE.email], settings: { teams: TEAMS } });
    assert.equal(areaNamed(sole.analysis.areas, '/src/api/').level, 'nudge');
    repo.commit({ author: OMAR, date: daysAgo(4), files: { 'src/api/server.ts': 'omar\n' } });
    repo.commit({ author: LEE, date: daysAgo(3), files: { 'src/api/server.ts': 'lee 2\n' } });
    repo.commit({ author: LEE, date: daysAgo(2), files: { 'src/api/server.ts': 'lee 3\n' } });
    const shared = await scanFixture(repo, { me: [LEE.email], settings: { teams: TEAMS } });
    assert.equal(areaNamed(shared.analysis.areas, '/src/api/').level, 'nudge', '3 of 4 with minCommits 3');
    const strict = await scanFixture(repo, { me: [LEE.email], settings: { teams: TEAMS, nudge: { shareThreshold: 0.9 } } });
    assert.equal(areaNamed(strict.analysis.areas, '/src/api/').level, 'info', '75% is below a 90% threshold');
  });
});

describe('scenario: what does not count', function () {
  after(removeTestRepos);

  it('leaves out bots, merges, ignored paths and commits outside the window', async () => {
    const repo = teamRepo();
    // Outside the window: ten of my commits 200 days ago.
    for (let i = 0; i < 10; i++) repo.commit({ author: LEE, date: daysAgo(200 - i), files: { 'src/api/server.ts': `old ${i}\n` } });
    // In the window: Omar's two changes are the only ones that count.
    repo.commit({ author: OMAR, date: daysAgo(40), files: { 'src/api/server.ts': 'omar 1\n' } });
    for (let i = 0; i < 5; i++) repo.commit({ author: DEPENDABOT, date: daysAgo(39 - i), files: { 'src/api/deps.ts': `bump ${i}\n` } });
    for (let i = 0; i < 5; i++) repo.commit({ author: LEE, date: daysAgo(30 - i), files: { 'src/api/package-lock.json': `{"v":${i}}\n`, 'src/api/generated/schema.ts': `g${i}\n` } });
    for (let i = 0; i < 3; i++) repo.commit({ author: LEE, date: daysAgo(25 - i), files: { 'src/api/scratch.tmp': `t${i}\n` } });
    repo.git(['checkout', '-q', '-b', 'feature']);
    repo.commit({ author: OMAR, date: daysAgo(20), files: { 'src/api/server.ts': 'omar 2\n' } });
    repo.git(['checkout', '-q', 'main']);
    repo.commit({ author: PRIYA, date: daysAgo(19), files: { 'README.md': 'hi\n' } });
    repo.merge('feature', LEE, daysAgo(18));
    const { analysis } = await scanFixture(repo, { me: [LEE.email], settings: { teams: TEAMS, ignore: ['**/*.tmp'] } });
    const api = areaNamed(analysis.areas, '/src/api/');
    assert.equal(api.commits, 2, 'only Omar’s two commits');
    assert.equal(api.myCommits, 0);
    assert.equal(api.level, 'none');
  });

  it('honours .git-blame-ignore-revs', async () => {
    const repo = teamRepo();
    const reformat = [0, 1, 2].map((i) => repo.commit({ author: LEE, date: daysAgo(30 - i), message: 'Reformat', files: { 'src/payments/capture.ts': `fmt ${i}\n` } }));
    repo.commit({ author: PRIYA, date: daysAgo(10), files: { 'src/payments/refund.ts': 'v2\n' } });
    const before = await scanFixture(repo, { me: [LEE.email], settings: { teams: TEAMS } });
    assert.equal(areaNamed(before.analysis.areas, '/src/payments/').level, 'nudge');
    repo.commit({ author: PRIYA, date: daysAgo(9), files: { '.git-blame-ignore-revs': `# formatting\n${reformat.join('\n')}\n` } });
    const after = await scanFixture(repo, { me: [LEE.email], settings: { teams: TEAMS } });
    const payments = areaNamed(after.analysis.areas, '/src/payments/');
    assert.equal(payments.myCommits, 0);
    assert.equal(payments.commits, 1);
  });
});

describe('scenario: identity', function () {
  after(removeTestRepos);

  it('recognises my old address through .mailmap and my git config identity', async () => {
    const repo = teamRepo();
    const oldMe = { name: 'lee', email: 'Lee.Old@Example.com' };
    for (let i = 0; i < 3; i++) repo.commit({ author: oldMe, date: daysAgo(30 - i), files: { 'src/payments/capture.ts': `old-me ${i}\n` } });
    repo.commit({ author: LEE, date: daysAgo(20), files: { 'src/payments/capture.ts': 'me\n' } });
    repo.commit({ author: PRIYA, date: daysAgo(10), files: { '.mailmap': 'Lee Leader <lee@acme.com> <lee.old@example.com>\n' } });
    repo.setIdentity(LEE);
    const { analysis, me } = await scanFixture(repo, { settings: { teams: TEAMS } });
    assert.ok(me.emails.has('lee@acme.com'));
    const payments = areaNamed(analysis.areas, '/src/payments/');
    assert.equal(payments.myCommits, 4, 'three commits under the old address are mine');
    assert.equal(payments.level, 'nudge');
  });

  it('credits an AI agent’s commit to the human co-author, and a co-authored owner commit to the owner', async () => {
    const repo = teamRepo();
    for (let i = 0; i < 3; i++) repo.commit({ author: CLAUDE, date: daysAgo(30 - i), files: { 'src/api/server.ts': `agent ${i}\n` }, coAuthors: [LEE] });
    repo.commit({ author: OMAR, date: daysAgo(20), files: { 'src/api/server.ts': 'omar\n' }, coAuthors: [LEE] });
    const { analysis } = await scanFixture(repo, { me: [LEE.email], settings: { teams: TEAMS } });
    const api = areaNamed(analysis.areas, '/src/api/');
    assert.equal(api.commits, 4);
    assert.equal(api.myCommits, 3, 'agent work is mine; Omar’s commit with me as co-author is his');
  });
});

describe('scenario: suggestions', function () {
  after(removeTestRepos);

  it('suggests owning-team people ranked by knowledge and activity, with reasons, never me or bots', async () => {
    const repo = teamRepo();
    repo.commit({ author: PRIYA, date: daysAgo(300), files: { 'src/payments/capture.ts': 'p2\n', 'src/payments/refund.ts': 'p2\n' } });
    for (let i = 0; i < 4; i++) repo.commit({ author: LEE, date: daysAgo(30 - i), files: { 'src/payments/capture.ts': `lee ${i}\n` } });
    repo.commit({ author: ALICE, date: daysAgo(12), files: { 'src/payments/ledger.ts': 'a2\n' } });
    repo.commit({ author: PRIYA, date: daysAgo(11), files: { 'README.md': 'priya is active\n' } });
    repo.commit({ author: DEPENDABOT, date: daysAgo(5), files: { 'src/payments/ledger.ts': 'bump\n' } });
    const { analysis } = await scanFixture(repo, { me: [LEE.email], settings: { teams: TEAMS } });
    const payments = areaNamed(analysis.areas, '/src/payments/');
    // Both active in the window. Alice: one known file to Priya's two (on the log scale,
    // ln 2 / ln 3 ≈ 0.63), all the recent changes there (1), a change 12 days ago (freshness 0.91)
    // and all the activity anywhere (1): 3.54. Priya: all the knowledge (1), no recent change
    // there (0), her last one 300 days ago (0.10), one change elsewhere (1): 2.10. The bot and I
    // are never suggested.
    assert.deepEqual(
      payments.suggestions.map((s) => s.email),
      ['alice@acme.com', 'priya@acme.com'],
    );
    assert.equal(payments.suggestions[0]?.reason, 'Knows 1 of 3 files in /src/payments/; 1 change there in the last 90 days.');
    assert.equal(payments.suggestions[1]?.reason, 'Knows 2 of 3 files in /src/payments/; last changed there 300 days ago; 1 change elsewhere in the last 90 days.');
  });

  it('puts owners inactive for the whole window after active ones, says when they were last active, and marks inferred team members', async () => {
    const repo = teamRepo();
    for (let i = 0; i < 4; i++) repo.commit({ author: LEE, date: daysAgo(30 - i), files: { 'src/payments/capture.ts': `lee ${i}\n` } });
    repo.commit({ author: ALICE, date: daysAgo(12), files: { 'src/payments/ledger.ts': 'a2\n' } });
    // No teams configured: members are inferred from who knows and works in the area.
    const { analysis } = await scanFixture(repo, { me: [LEE.email] });
    const payments = areaNamed(analysis.areas, '/src/payments/');
    assert.equal(payments.membersInferred, true);
    assert.deepEqual(payments.suggestions.map((s) => s.email), ['alice@acme.com', 'priya@acme.com'], 'Priya, who knows more, made no commit in the window');
    assert.equal(payments.suggestions[0]?.reason, 'Knows 1 of 3 files in /src/payments/; 1 change there in the last 90 days (team membership inferred from history).');
    assert.equal(
      payments.suggestions[1]?.reason,
      'Knows 2 of 3 files in /src/payments/; last changed there 390 days ago; last active 360 days ago (team membership inferred from history).',
    );
  });

  it('keeps a file’s history through a rename', async () => {
    const repo = teamRepo();
    repo.commit({ author: PRIYA, date: daysAgo(300), files: { 'src/payments/capture.ts': 'p2\n' } });
    repo.commit({ author: PRIYA, date: daysAgo(290), files: { 'src/payments/capture.ts': 'p3\n' } });
    repo.commit({ author: LEE, date: daysAgo(30), renames: [['src/payments/capture.ts', 'src/payments/charge.ts']] });
    repo.commit({ author: PRIYA, date: daysAgo(11), files: { 'README.md': 'active\n' } });
    const { analysis } = await scanFixture(repo, { me: [LEE.email], settings: { teams: TEAMS } });
    const payments = areaNamed(analysis.areas, '/src/payments/');
    assert.equal(payments.files, 3);
    assert.equal(payments.myKnownFiles, 0, 'the mover does not become the author');
    assert.equal(
      payments.suggestions[0]?.reason,
      'Knows 2 of 3 files in /src/payments/; last changed there 290 days ago; 1 change elsewhere in the last 90 days.',
      'Priya still authors the renamed file, and her change before the rename still dates her knowledge',
    );
  });
});
