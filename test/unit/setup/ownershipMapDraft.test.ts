/**
 * The ownership map draft from the areas history inferred, on real scans: the rules, their
 * owners and reasons, the exact value written, the CODEOWNERS lines, and reading edits back.
 */
import { strict as assert } from 'node:assert';
import { parse } from 'jsonc-parser';
import { codeownersText, draftOwnershipMap, parseOwnershipMapDraft, renderOwnershipMapDraft } from '../../../src/core/setup/ownershipMapDraft';
import { ANA, BEN, CARL, createHistoryRepo, LEE, SAM } from '../../fixtures/historyRepo';
import { FIXED_NOW, removeTestRepos } from '../../helpers/gitFixture';
import { scanFixture } from '../../helpers/scan';

describe('setup: the ownership map drafted from history', function () {
  this.timeout(60_000);
  after(removeTestRepos);

  it('drafts one rule per inferred folder, owned by its active builders; folders I built list me first; the leaver is left out', async () => {
    const { analysis, me } = await scanFixture(createHistoryRepo({ now: FIXED_NOW }), { me: [LEE.email] });
    const draft = draftOwnershipMap({ areas: analysis.areas, me: me.display, atTarget: undefined });
    assert.deepEqual(draft.rules.map((rule) => [rule.pattern, rule.owners]), [
      ['*', [ANA.email]],
      ['/billing/', [ANA.email, CARL.email]],
      ['/docs/', [ANA.email]],
      ['/payments/', [BEN.email]],
      ['/search/', [SAM.email]],
      ['/tools/', [LEE.email, SAM.email]],
    ]);
    assert.equal(draft.rules.find((rule) => rule.pattern === '/search/')?.why, 'built mostly by Sam Stone (10 files)', 'Olga, who left, is not drafted');
    assert.equal(draft.rules.find((rule) => rule.pattern === '/tools/')?.why, 'you built it: you know 30 of its 30 files; Sam Stone (1 file)');
    assert.deepEqual(Object.keys(draft.value), ['*', '/billing/', '/docs/', '/payments/', '/search/', '/tools/'], 'the broadest rule first: later rules win');
    assert.equal(draft.insideCatchAll, false);
    assert.equal(
      codeownersText(draft),
      ['*           ana@acme.com', '/billing/   ana@acme.com carl@example.org', '/docs/      ana@acme.com', '/payments/  ben@acme.com', '/search/    sam@acme.com', '/tools/     lee@acme.com sam@acme.com', ''].join('\n'),
    );
  });

  it('renders JSONC whose value is exactly what is written, keeps rules already set last, and reads edits back', async () => {
    const { analysis, me } = await scanFixture(createHistoryRepo({ now: FIXED_NOW }), { me: [LEE.email] });
    const draft = draftOwnershipMap({ areas: analysis.areas, me: me.display, atTarget: { 'docs/': ['@acme/docs'] } });
    assert.deepEqual(Object.entries(draft.value).at(-1), ['docs/', ['@acme/docs']], 'a rule already in the settings keeps winning');
    const text = renderOwnershipMapDraft(draft, { folderName: 'shop\nname' });
    assert.deepEqual((parse(text) as Record<string, unknown>)['multiplier.ownershipMap'], draft.value);
    assert.match(text, /^\/\/ Multiplier: a draft of multiplier\.ownershipMap for shop name, from history\.$/m);
    assert.match(text, /^ {4}"\/billing\/": \["ana@acme\.com","carl@example\.org"\], \/\/ built mostly by Ana Lima \(30 files\) and Carl Contractor \(1 file\)$/m);
    assert.match(text, /^\/\/ {3}\/payments\/ {2}ben@acme\.com$/m, 'the CODEOWNERS lines to copy');
    assert.deepEqual(parseOwnershipMapDraft(text), { value: draft.value });
    const edited = text.replace('"ben@acme.com"', '"@acme/payments"');
    assert.deepEqual((parseOwnershipMapDraft(edited) as { value: Record<string, readonly string[]> }).value['/payments/'], ['@acme/payments']);
    assert.deepEqual(parseOwnershipMapDraft(text.replace('"ben@acme.com"', '"not an owner"')), {
      problem: 'multiplier.ownershipMap["/payments/"] has no valid owner ("not an owner"); use @user, @org/team or an email. The rule is ignored',
    });
    assert.match((parseOwnershipMapDraft('{ "multiplier.ownershipMap": { ') as { problem: string }).problem, /^line 1 is not valid JSON/);
  });

  it('inside a catch-all, drafts the folders and leaves the rest to the catch-all rule', async () => {
    const { analysis, me } = await scanFixture(createHistoryRepo({ now: FIXED_NOW, codeowners: '* @org/eng\n' }), { me: [LEE.email] });
    const draft = draftOwnershipMap({ areas: analysis.areas, me: me.display, atTarget: undefined });
    assert.equal(draft.insideCatchAll, true);
    assert.deepEqual(draft.rules.map((rule) => rule.pattern), ['/billing/', '/docs/', '/payments/', '/search/', '/tools/']);
    assert.match(renderOwnershipMapDraft(draft, { folderName: 'shop' }), /fall only under a catch-all rule, so Multiplier read them from history; the catch-all stays for the rest/);
  });
});
