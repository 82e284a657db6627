/**
 * Multiplier speaks on a repository without CODEOWNERS, and inside a catch-all rule: folders are
 * areas read from history, their builders are the de facto owners, and the same judgement as for
 * team areas applies: a leader dominating a folder others built is nudged toward its builder;
 * a folder the leader built, pairing with its builders or a normal share is not.
 */
import { strict as assert } from 'node:assert';
import type { AreaReport } from '../../../src/core/analysis/areaReport';
import { explainArea } from '../../../src/core/presentation/explanation';
import { statusView } from '../../../src/core/presentation/statusView';
import { toSeconds } from '../../../src/core/time';
import { ANA, BEN, CARL, createHistoryRepo, folderFiles, LEE, OLGA, SAM } from '../../fixtures/historyRepo';
import { createTestRepo, daysAgo, FIXED_NOW, removeTestRepos, type TestRepo } from '../../helpers/gitFixture';
import { scanFixture } from '../../helpers/scan';

const ENG_TEAM = { '@org/eng': [ANA.email, BEN.email, SAM.email, OLGA.email] };

function historyRepo(options: { codeowners?: string } = {}): TestRepo {
  return createHistoryRepo({ now: FIXED_NOW, ...options });
}

function area(areas: readonly AreaReport[], name: string): AreaReport {
  const found = areas.find((a) => a.area === name);
  assert.ok(found, `area ${name} in ${areas.map((a) => a.area).join(', ')}`);
  return found;
}

const emails = (people: ReadonlyArray<{ readonly email: string }>): string[] => people.map((p) => p.email);

describe('scenario: no CODEOWNERS, areas read from history', function () {
  this.timeout(60_000);
  after(removeTestRepos);

  it('draws one area per folder of at least 25 files, each with its builders', async () => {
    const { analysis, warnings } = await scanFixture(historyRepo(), { me: [LEE.email] });
    assert.deepEqual(analysis.inferredAreas.directories, ['', 'billing', 'docs', 'payments', 'search', 'tools']);
    assert.deepEqual(analysis.areas.map((a) => a.area).sort(), ['/', '/billing/', '/docs/', '/payments/', '/search/', '/tools/']);
    for (const report of analysis.areas) {
      assert.deepEqual([report.source, report.sourcePath, report.owners, report.rule], ['history', 'history', [], undefined], report.area);
    }
    assert.deepEqual(emails(area(analysis.areas, '/billing/').maintainers), [ANA.email, CARL.email], 'never me, though I know one of its files');
    assert.ok(warnings.some((w) => w.startsWith('No ownership rules: the areas are read from history')), warnings.join(' | '));
  });

  it('nudges the leader in a folder others built, with its builder first to pair with', async () => {
    const { analysis } = await scanFixture(historyRepo(), { me: [LEE.email] });
    const billing = area(analysis.areas, '/billing/');
    assert.equal(billing.level, 'nudge');
    assert.deepEqual([billing.commits, billing.myCommits, billing.soloCommits, billing.lines, billing.myLines], [6, 4, 4, 12, 8]);
    assert.equal(billing.commitShare, 4 / 6);
    assert.deepEqual([billing.files, billing.myKnownFiles], [30, 1]);
    assert.deepEqual(billing.reasons, [
      'You made 4 of the 6 changes in /billing/ in the last 90 days (67%).',
      'Your solo work is 8 of 12 changed lines (67%).',
      'Nudges start at 50% with at least 3 solo changes.',
      "Its knowledge is mainly others': they know 30 of its 30 files, you know 1.",
    ]);
    assert.deepEqual(emails(billing.suggestions), [ANA.email, CARL.email]);
    assert.equal(billing.suggestions[0]?.reason, 'Knows 30 of 30 files in /billing/; 1 change there and 6 elsewhere in the last 90 days.');
    assert.deepEqual(billing.maintainers.map((m) => [m.name, m.knownFiles, m.former]), [['Ana Lima', 30, false], ['Carl Contractor', 1, false]]);
    assert.deepEqual(analysis.areas.slice(0, 2).map((a) => a.area), ['/search/', '/billing/'], 'nudges first, the biggest share (75%, 67%) first');
  });

  it('says in the status bar tooltip that the area comes from history and who built it', async () => {
    const { analysis } = await scanFixture(historyRepo(), { me: [LEE.email] });
    const view = statusView({ status: { kind: 'ready', warnings: [] }, area: area(analysis.areas, '/billing/'), assist: undefined, snooze: undefined, problems: [], formatTime: () => '' });
    assert.equal(view.text, '$(organization) billing · you 67%');
    assert.match(view.tooltip, /Built mostly by Ana Lima and Carl Contractor, from history — no CODEOWNERS rule covers it\./);
    assert.match(view.ariaLabel, /in billing, built by Ana Lima and Carl Contractor, from history\./);
  });

  it('does not suggest first someone who left long ago, though they built the folder', async () => {
    const { analysis } = await scanFixture(historyRepo(), { me: [LEE.email] });
    const search = area(analysis.areas, '/search/');
    assert.equal(search.level, 'nudge');
    assert.deepEqual([search.commits, search.soloCommits], [4, 3]);
    assert.deepEqual(search.maintainers.map((m) => [m.email, m.knownFiles, m.former]), [[OLGA.email, 30, true], [SAM.email, 10, false]]);
    assert.deepEqual(emails(search.suggestions), [SAM.email, OLGA.email], 'the builder who left comes last');
    assert.match(search.suggestions[1]?.reason ?? '', /^Former contributor, last active 800 days ago: knows 30 of 30 files in \/search\//);
    const why = explainArea(search, { windowDays: 90, threshold: 0.5, minCommits: 3, timeBoxes: [], yearDives: [], nowSeconds: toSeconds(FIXED_NOW.getTime()) });
    assert.match(why, /\*\*Olga Ivanova\*\*: knows 30 of its 30 files; former: no commit anywhere in the repository for over 365 days \(the last 800 days ago\)\./);
    assert.match(why, /Built mostly by Olga Ivanova \(former\) and Sam Stone, from history/);
  });

  it('does not nudge in a folder the leader built, and Why says it is theirs', async () => {
    const { analysis } = await scanFixture(historyRepo(), { me: [LEE.email] });
    const tools = area(analysis.areas, '/tools/');
    assert.deepEqual([tools.level, tools.commits, tools.soloCommits, tools.myShare, tools.myKnownFiles], ['none', 6, 5, 5 / 6, 30]);
    assert.deepEqual(tools.reasons, ['This area is yours: you built it (you know 30 of its 30 files, from history).']);
    const why = explainArea(tools, { windowDays: 90, threshold: 0.5, minCommits: 3, timeBoxes: [], yearDives: [], nowSeconds: toSeconds(FIXED_NOW.getTime()) });
    assert.match(why, /^- This area is yours: you built it \(you know 30 of its 30 files, from history\)\.$/m);
  });

  it('counts work co-authored with the builder as pairing, and a small share as info', async () => {
    const { analysis } = await scanFixture(historyRepo(), { me: [LEE.email] });
    const payments = area(analysis.areas, '/payments/');
    assert.deepEqual([payments.level, payments.myCommits, payments.pairedCommits, payments.soloCommits, payments.myShare], ['info', 4, 4, 0, 0]);
    assert.ok(payments.reasons.includes('4 changes of yours were paired with the owners: that counts as pairing, not solo work.'), payments.reasons.join(' | '));
    const docs = area(analysis.areas, '/docs/');
    assert.deepEqual([docs.level, docs.commits, docs.soloCommits], ['info', 7, 1]);
    assert.equal(docs.reasons[0], 'You made 1 of the 7 changes in /docs/ in the last 90 days (14%).');
  });

  it('reads no areas from history when the setting is off, and keeps the old warning', async () => {
    const { analysis, warnings } = await scanFixture(historyRepo(), { me: [LEE.email], settings: { areas: { inferFromHistory: 'off' } } });
    assert.deepEqual(analysis.areas, []);
    assert.deepEqual(analysis.inferredAreas.directories, []);
    assert.ok(warnings.some((w) => w.startsWith('No ownership rules, and reading areas from history is off')), warnings.join(' | '));
  });
});

describe('scenario: only `* @org/eng`, members configured', function () {
  this.timeout(60_000);
  after(removeTestRepos);

  it('judges the folders inside the catch-all as without rules, keeping the rule’s owners beside the builders', async () => {
    const { analysis } = await scanFixture(historyRepo({ codeowners: '* @org/eng\n' }), { me: [LEE.email], settings: { teams: ENG_TEAM } });
    assert.deepEqual(analysis.areas.map((a) => a.area).sort(), ['/', '/billing/', '/docs/', '/payments/', '/search/', '/tools/'], 'no area is the whole repository');
    for (const report of analysis.areas) {
      assert.deepEqual([report.owners, report.source, report.sourcePath, report.rule], [['@org/eng'], 'codeowners', '.github/CODEOWNERS', '*'], report.area);
    }
    const billing = area(analysis.areas, '/billing/');
    assert.deepEqual([billing.level, billing.commits, billing.soloCommits], ['nudge', 6, 4]);
    assert.deepEqual(emails(billing.maintainers), [ANA.email, CARL.email], 'the builders beside the owners');
    assert.deepEqual(emails(billing.suggestions), [ANA.email], 'configured members who know the folder; Carl is not on @org/eng');
    assert.equal(billing.membersInferred, false);
    const search = area(analysis.areas, '/search/');
    assert.deepEqual([search.level, search.suggestions[0]?.email, search.maintainers[0]?.former], ['nudge', SAM.email, true]);
    assert.deepEqual([area(analysis.areas, '/tools/').level, area(analysis.areas, '/payments/').level, area(analysis.areas, '/docs/').level], ['none', 'info', 'info']);
    assert.deepEqual(area(analysis.areas, '/payments/').pairedCommits, 4, 'Ben is on the team and built payments');
    const view = statusView({ status: { kind: 'ready', warnings: [] }, area: billing, assist: undefined, snooze: undefined, problems: [], formatTime: () => '' });
    assert.match(view.tooltip, /Owned by @org\/eng \(the catch-all rule \\\* in \.github\/CODEOWNERS\); this folder was built mostly by Ana Lima and Carl Contractor, from history\./);
  });

  it('suggests the builders when no configured member knows the folder', async () => {
    const { analysis } = await scanFixture(historyRepo({ codeowners: '* @org/eng\n' }), { me: [LEE.email], settings: { teams: { '@org/eng': [BEN.email] } } });
    assert.deepEqual(emails(area(analysis.areas, '/billing/').suggestions), [ANA.email, CARL.email]);
  });

  it('never adds a leader’s work spread over several folders up to a nudge on the whole repository', async () => {
    const repo = createTestRepo();
    repo.commit({ author: ANA, date: daysAgo(400), files: { '.github/CODEOWNERS': '* @org/eng\n', ...folderFiles('web', 30, 'web'), ...folderFiles('api', 30, 'api'), ...folderFiles('cli', 30, 'cli') } });
    for (const [folder, builder] of [['web', ANA], ['api', BEN], ['cli', SAM]] as const) {
      for (let i = 0; i < 2; i++) repo.commit({ author: LEE, date: daysAgo(30 - i), files: { [`${folder}/f00.ts`]: `lee ${i}\n` } });
      for (let i = 0; i < 2; i++) repo.commit({ author: builder, date: daysAgo(20 - i), files: { [`${folder}/f01.ts`]: `${builder.name} ${i}\n` } });
    }
    const inferred = await scanFixture(repo, { me: [LEE.email], settings: { teams: ENG_TEAM } });
    assert.deepEqual(inferred.analysis.areas.map((a) => [a.area, a.level, a.soloCommits, a.commits]).sort(), [
      ['/', 'none', 0, 0],
      ['/api/', 'info', 2, 4],
      ['/cli/', 'info', 2, 4],
      ['/web/', 'info', 2, 4],
    ]);
    // As one area, the same work would have been 6 of 12 changes of the whole repository: a nudge.
    const whole = await scanFixture(repo, { me: [LEE.email], settings: { teams: ENG_TEAM, areas: { inferFromHistory: 'off' } } });
    assert.deepEqual(whole.analysis.areas.map((a) => [a.area, a.level, a.soloCommits, a.commits]), [['*', 'nudge', 6, 12]]);
  });

  it('keeps a specific rule’s area as it was, next to the folders of the catch-all', async () => {
    const { analysis } = await scanFixture(historyRepo({ codeowners: '* @org/eng\n/billing/ @org/billing\n' }), { me: [LEE.email], settings: { teams: { ...ENG_TEAM, '@org/billing': [ANA.email] } } });
    const billing = area(analysis.areas, '/billing/');
    assert.deepEqual([billing.owners, billing.rule, billing.directory, billing.maintainers], [['@org/billing'], undefined, undefined, []]);
    assert.equal(billing.level, 'nudge');
    assert.ok(!analysis.inferredAreas.directories.includes('billing'), 'a folder a specific rule governs is not inferred');
    const noRulesOnly = await scanFixture(historyRepo({ codeowners: '* @org/eng\n' }), { me: [LEE.email], settings: { teams: ENG_TEAM, areas: { inferFromHistory: 'noRulesOnly' } } });
    assert.deepEqual(noRulesOnly.analysis.areas.map((a) => a.area), ['*'], 'noRulesOnly: a repository with rules keeps them as they are');
  });
});

describe('scenario: stable area boundaries', function () {
  this.timeout(60_000);
  after(removeTestRepos);

  it('one more commit leaves the boundaries as they are unless its folder crosses the size rule', async () => {
    const repo = createTestRepo();
    repo.commit({ author: ANA, date: daysAgo(300), files: { ...folderFiles('app', 30, 'app'), ...folderFiles('lib', 24, 'lib'), 'README.md': 'r\n' } });
    const before = await scanFixture(repo, { me: [LEE.email] });
    assert.deepEqual(before.analysis.inferredAreas.directories, ['', 'app'], 'lib has 24 files, one short of an area');

    // A commit that rewrites every file of app and touches lib changes who knows what, not the map.
    repo.commit({ author: SAM, date: daysAgo(20), files: { ...folderFiles('app', 30, 'sam'), 'lib/f00.ts': 'sam\n', 'app/extra.ts': 'x\n' } });
    const rewritten = await scanFixture(repo, { me: [LEE.email] });
    assert.deepEqual(rewritten.analysis.inferredAreas.directories, before.analysis.inferredAreas.directories);
    assert.deepEqual(area(rewritten.analysis.areas, '/app/').maintainers.map((m) => m.email), [SAM.email, ANA.email], 'the knowledge moved');

    // lib's 25th file: lib crosses the size rule and becomes an area.
    repo.commit({ author: ANA, date: daysAgo(10), files: { 'lib/f24.ts': 'x\n' } });
    const crossed = await scanFixture(repo, { me: [LEE.email] });
    assert.deepEqual(crossed.analysis.inferredAreas.directories, ['', 'app', 'lib']);
  });
});
