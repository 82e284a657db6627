/**
 * AI-assisted commits on a real repository: every trailer form, a "Generated with" footer, an
 * agent's own commit with me as co-author, and an agent named in multiplier.agents, each counted
 * among my solo commits; never pairing, never a person, and never a reason to nudge.
 */
import { strict as assert } from 'node:assert';
import { fileIndexCache } from '../../../src/core/index/indexCache';
import { createTestDir, daysAgo, removeTestRepos, type Person } from '../../helpers/gitFixture';
import { scanFixture } from '../../helpers/scan';
import { area, CLAUDE, LEE, PRIYA, SETTINGS, shadowRepo } from './shadowRepo';

const AI_COMMITS: ReadonlyArray<{ subject: string; message: string; author?: Person }> = [
  { subject: 'Claude co-author', message: 'Claude co-author\n\nCo-authored-by: Claude <noreply@anthropic.com>' },
  { subject: 'Copilot co-author', message: 'Copilot co-author\n\nCo-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>' },
  { subject: 'Cursor co-author', message: 'Cursor co-author\n\nCo-authored-by: Cursor Agent <cursoragent@cursor.com>' },
  { subject: 'Codex co-author', message: 'Codex co-author\n\nCo-authored-by: Codex <noreply@openai.com>' },
  { subject: 'aider co-author', message: 'aider co-author\n\nCo-authored-by: aider (claude-sonnet-4) <noreply@aider.chat>' },
  { subject: 'opencode co-author', message: 'opencode co-author\n\nCo-Authored-By: opencode <noreply@opencode.ai>' },
  { subject: 'Assisted-by trailer', message: 'Assisted-by trailer\n\nAssisted-by: Claude Code' },
  { subject: 'Generated-by trailer', message: 'Generated-by trailer\n\nSigned-off-by: Lee Leader <lee@acme.com>\nGenerated-by: GitHub Copilot' },
  { subject: 'Made-with trailer', message: 'Made-with trailer\n\nmade-with: Cursor' },
  { subject: 'Footer', message: 'Footer\n\nFaster capture.\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)' },
  { subject: 'Agent authored, me co-author', author: CLAUDE, message: 'Agent authored, me co-author\n\nCo-authored-by: Lee Leader <lee@acme.com>' },
  { subject: 'Configured agent', message: 'Configured agent\n\nCo-authored-by: Buildbot AI <ai@tools.acme.com>' },
];

const PLAIN_COMMITS: ReadonlyArray<{ subject: string; message: string; author?: Person }> = [
  { subject: 'Plain change', message: 'Plain change' },
  { subject: 'A script, not an agent', message: 'A script, not an agent\n\nGenerated with the schema script.' },
  { subject: 'Trailer-like text in the body', message: 'Trailer-like text in the body\n\nAssisted-by: nobody, this line is in the middle.\n\nMore text.' },
];

function repoWithAiWork() {
  const repo = shadowRepo();
  let day = 60;
  for (const commit of [...AI_COMMITS, ...PLAIN_COMMITS]) {
    repo.commit({ author: commit.author ?? LEE, date: daysAgo(day--), message: commit.message, files: { 'src/payments/capture.ts': `${commit.subject}\n` } });
  }
  repo.commit({ author: LEE, date: daysAgo(day--), message: 'Paired, with an agent too\n\nCo-authored-by: Priya Patel <priya@acme.com>\nCo-authored-by: Claude <noreply@anthropic.com>', files: { 'src/payments/capture.ts': 'paired\n' } });
  repo.commit({ author: PRIYA, date: daysAgo(day--), message: 'Priya, with Claude\n\nCo-authored-by: Claude <noreply@anthropic.com>', files: { 'src/payments/refund.ts': 'p\n' } });
  return repo;
}

describe('scenario: AI-assisted commits', function () {
  this.timeout(60_000);
  after(removeTestRepos);

  it('finds every form of attribution, counts them among my solo commits, and leaves the nudge as it was', async () => {
    const repo = repoWithAiWork();
    const { analysis } = await scanFixture(repo, { me: [LEE.email], settings: { ...SETTINGS, agents: ['*@tools.acme.com'] } });
    const flags = new Map(analysis.contributions.map((c) => [c.subject, c.aiAssisted]));
    for (const { subject } of AI_COMMITS) assert.equal(flags.get(subject), true, subject);
    for (const { subject } of PLAIN_COMMITS) assert.equal(flags.get(subject), false, subject);
    const payments = area(analysis.areas, '/src/payments/');
    assert.deepEqual(
      { commits: payments.commits, myCommits: payments.myCommits, soloCommits: payments.soloCommits, pairedCommits: payments.pairedCommits, aiAssistedCommits: payments.aiAssistedCommits },
      { commits: 17, myCommits: 16, soloCommits: 15, pairedCommits: 1, aiAssistedCommits: 12 },
      'the agent-authored commit is mine; the paired one is not solo; Priya’s is hers',
    );
    assert.equal(payments.level, 'nudge');
    assert.deepEqual(payments.suggestions.map((s) => s.email), [PRIYA.email], 'an agent is never someone to pair with');
    assert.ok(![...analysis.people.values()].some((p) => p.email === CLAUDE.email && payments.suggestions.some((s) => s.email === p.email)));
  });

  it('without multiplier.agents the unknown co-author is a person, and the commit is not AI-assisted', async () => {
    const repo = repoWithAiWork();
    const { analysis } = await scanFixture(repo, { me: [LEE.email], settings: SETTINGS });
    assert.equal(analysis.contributions.find((c) => c.subject === 'Configured agent')?.aiAssisted, false);
    assert.equal(area(analysis.areas, '/src/payments/').aiAssistedCommits, 11);
  });

  it('the same numbers from the cache and after an incremental read', async () => {
    const repo = repoWithAiWork();
    const cacheDir = createTestDir();
    const cache = fileIndexCache(cacheDir);
    const cold = await scanFixture(repo, { me: [LEE.email], settings: SETTINGS, cache });
    await cache.flush();
    const warm = await scanFixture(repo, { me: [LEE.email], settings: SETTINGS, cache: fileIndexCache(cacheDir) });
    assert.equal(warm.read, 'cached');
    repo.commit({ author: LEE, date: daysAgo(1), message: 'One more\n\nAssisted-by: Claude Code', files: { 'src/payments/capture.ts': 'more\n' } });
    const incremental = await scanFixture(repo, { me: [LEE.email], settings: SETTINGS, cache: fileIndexCache(cacheDir) });
    assert.equal(incremental.read, 'incremental');
    assert.equal(area(cold.analysis.areas, '/src/payments/').aiAssistedCommits, 11);
    assert.equal(area(warm.analysis.areas, '/src/payments/').aiAssistedCommits, 11);
    assert.equal(area(incremental.analysis.areas, '/src/payments/').aiAssistedCommits, 12);
  });
});
