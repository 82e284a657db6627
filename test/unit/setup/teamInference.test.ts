/**
 * The teams draft holds the members the analysis itself infers: on the sample team repository
 * (CODEOWNERS with @acme/payments, @acme/search, @acme/platform; Lee is me) and on small
 * repositories that isolate one rule each.
 */
import { strict as assert } from 'node:assert';
import { analyzeIndex } from '../../../src/core/analysis/analyzeIndex';
import { createOwnershipResolver } from '../../../src/core/ownership/ownershipResolver';
import { inferTeams, type TeamInference } from '../../../src/core/setup/teamInference';
import { ALICE, createSampleTeamRepo, LEE, OMAR, PRIYA, SAM } from '../../fixtures/sampleTeamRepo';
import { createTestRepo, daysAgo, FIXED_NOW, removeTestRepos, type Person } from '../../helpers/gitFixture';
import { scanFixture } from '../../helpers/scan';

const RENOVATE: Person = { name: 'renovate[bot]', email: '29139614+renovate[bot]@users.noreply.github.com' };

function membersOf(inference: TeamInference, team: string): string[] {
  const found = inference.teams.find((t) => t.team === team);
  assert.ok(found, `${team} in ${inference.teams.map((t) => t.team).join(', ')}`);
  return found.members.map((m) => m.email);
}

describe('setup: inferring team members for the teams draft', function () {
  after(removeTestRepos);

  it('gives each CODEOWNERS team the people who work in its areas, most active first, never me', async () => {
    const repo = createSampleTeamRepo({ withoutSettings: true, now: FIXED_NOW });
    const inference = inferTeams(await scanFixture(repo));
    assert.deepEqual(inference.teams.map((t) => t.team), ['@acme/payments', '@acme/platform', '@acme/search']);
    // Alice and Priya changed payments in the window; Omar created its first files long ago.
    assert.deepEqual(membersOf(inference, '@acme/payments'), [ALICE.email, PRIYA.email, OMAR.email]);
    assert.deepEqual(membersOf(inference, '@acme/search'), [SAM.email, OMAR.email]);
    assert.deepEqual(membersOf(inference, '@acme/platform'), [OMAR.email]);
    for (const team of inference.teams) assert.ok(!team.members.some((m) => m.email === LEE.email), `Lee is me, not on ${team.team}`);
    const alice = inference.teams[0]?.members[0];
    assert.deepEqual({ recent: alice?.recentChanges, known: alice?.knownFiles, name: alice?.name }, { recent: 1, known: 1, name: 'Alice Doe' });
    assert.equal(inference.codeownersPath, '.github/CODEOWNERS');
    assert.equal(inference.hasOwnershipMap, false);
    assert.equal(inference.windowDays, 90);
  });

  it('matches the analysis: every inferred member is suggested in the team’s areas, and anyone else suggested has only changed their files', async () => {
    const repo = createSampleTeamRepo({ withoutSettings: true, now: FIXED_NOW });
    const scan = await scanFixture(repo);
    const inference = inferTeams(scan);
    const resolver = createOwnershipResolver(scan.ownership);
    const analysis = analyzeIndex(scan.index, { settings: scan.settings, ownerOf: (p) => resolver.ownerOf(p), me: scan.me, nowSeconds: FIXED_NOW.getTime() / 1000, suggestionLimit: 100 });
    let compared = 0;
    for (const area of analysis.areas.filter((a) => a.owners.length === 1 && a.owners[0]?.includes('/'))) {
      assert.equal(area.membersInferred, true);
      const team = inference.teams.find((t) => t.team === area.owners[0]);
      const members = new Set((team?.members ?? []).map((m) => m.email));
      const suggested = area.suggestions.map((s) => s.email);
      assert.deepEqual(suggested.filter((email) => members.has(email)).sort(), [...members].sort(), area.area);
      for (const reason of area.suggestions.filter((s) => !members.has(s.email)).map((s) => s.reason)) {
        assert.match(reason, /^Last changed there \d+ days ago\b/, `${area.area}: someone who is no member knows none of its files and made no change there in the window`);
      }
      compared++;
    }
    assert.ok(compared >= 3);
  });

  it('leaves out bots, and me under every alias', async () => {
    const repo = createTestRepo();
    const oldLee: Person = { name: 'Lee Leader', email: 'lee@old.example' };
    repo.commit({ author: PRIYA, date: daysAgo(200), files: { CODEOWNERS: '/web/ @acme/web\n', 'web/app.ts': 'v1\n' } });
    repo.commit({ author: RENOVATE, date: daysAgo(20), coAuthors: [], files: { 'web/app.ts': 'v2\n' } });
    repo.commit({ author: oldLee, date: daysAgo(10), files: { 'web/app.ts': 'v3\n' } });
    repo.commit({ author: LEE, date: daysAgo(5), files: { 'web/app.ts': 'v4\n' } });
    repo.setIdentity(LEE);
    assert.deepEqual(membersOf(inferTeams(await scanFixture(repo)), '@acme/web'), [oldLee.email, PRIYA.email], 'the old email is not known to be me yet');
    const withAlias = inferTeams(await scanFixture(repo, { settings: { identities: [oldLee.email] } }));
    assert.deepEqual(membersOf(withAlias, '@acme/web'), [PRIYA.email]);
  });

  it('ignores configured teams (the draft is what inference alone says) and merges handles that differ in case, from CODEOWNERS and the ownership map', async () => {
    const repo = createTestRepo();
    repo.commit({ author: PRIYA, date: daysAgo(30), files: { '.github/CODEOWNERS': '/web/ @Acme/Web\n/api/ @acme/api @priya\n', 'web/app.ts': 'v1\n' } });
    repo.commit({ author: ALICE, date: daysAgo(20), files: { 'docs/guide.md': 'v1\n' } });
    repo.commit({ author: OMAR, date: daysAgo(10), files: { 'lib/util.ts': 'v1\n' } });
    repo.setIdentity(LEE);
    const scan = await scanFixture(repo, {
      settings: { ownershipMap: [{ pattern: 'docs/', owners: ['@acme/web'] }, { pattern: 'lib/', owners: ['@acme/lib', 'omar@acme.example'] }], teams: { '@acme/web': ['sam@acme.example'] } },
    });
    const inference = inferTeams(scan);
    assert.deepEqual(inference.teams.map((t) => t.team), ['@acme/api', '@acme/lib', '@Acme/Web']);
    assert.deepEqual(membersOf(inference, '@Acme/Web'), [ALICE.email, PRIYA.email].sort());
    assert.deepEqual(membersOf(inference, '@acme/api'), [], 'nobody works in /api/ yet');
    assert.deepEqual(membersOf(inference, '@acme/lib'), [OMAR.email]);
    assert.equal(inference.hasOwnershipMap, true);
  });

  it('finds no teams without CODEOWNERS or a map', async () => {
    const repo = createTestRepo();
    repo.commit({ author: PRIYA, date: daysAgo(3), files: { 'a.ts': 'v1\n' } });
    const inference = inferTeams(await scanFixture(repo));
    assert.deepEqual(inference.teams, []);
    assert.equal(inference.codeownersPath, undefined);
  });
});
