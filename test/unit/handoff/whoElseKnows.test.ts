/**
 * "Who else knows this code" comes from knowledge: the DOA authors of the area's files, other
 * than me and the person the note is for, each with the files they know.
 */
import { strict as assert } from 'node:assert';
import { gatherHandoff } from '../../../src/core/handoff/draftHandoff';
import { createTestRepo, daysAgo, removeTestRepos, type Person, type TestRepo } from '../../helpers/gitFixture';
import { runCliInProcess } from '../../helpers/runCli';
import { scanFixture } from '../../helpers/scan';

const LEE: Person = { name: 'Lee Leader', email: 'lee@acme.com' };
const PRIYA: Person = { name: 'Priya Patel', email: 'priya@acme.com' };
const BOB: Person = { name: 'Bob Stone', email: 'bob@acme.com' };
const CHEN: Person = { name: 'Chen Li', email: 'chen@acme.com' };
const BOT: Person = { name: 'renovate[bot]', email: '29139614+renovate[bot]@users.noreply.github.com' };

/**
 * Priya wrote and keeps changing capture.ts (she is whom the note is for); Bob wrote five files
 * long ago, one of which (ledger.ts) I changed; Chen wrote fees.ts; a bot and I changed a lot.
 */
function knowledgeRepo(): TestRepo {
  const repo = createTestRepo();
  repo.commit({ author: PRIYA, date: daysAgo(400), files: { CODEOWNERS: '/src/payments/ @acme/payments\n', 'src/payments/capture.ts': 'c0\n' } });
  repo.commit({
    author: BOB,
    date: daysAgo(380),
    files: Object.fromEntries(['a_rates', 'b_rounding', 'ledger', 'y_tax', 'z_audit'].map((name) => [`src/payments/${name}.ts`, `${name}\n`])),
  });
  repo.commit({ author: CHEN, date: daysAgo(370), files: { 'src/payments/fees.ts': 'fees\n' } });
  repo.commit({ author: BOT, date: daysAgo(60), files: { 'src/payments/package-lock.json': '{}\n', 'src/payments/bot.ts': 'bot\n' } });
  for (let i = 0; i < 3; i++) repo.commit({ author: PRIYA, date: daysAgo(50 - i), files: { 'src/payments/capture.ts': `c${i + 1}\n` } });
  for (let i = 0; i < 4; i++) repo.commit({ author: LEE, date: daysAgo(20 - i), message: `Ledger ${i}`, files: { 'src/payments/ledger.ts': `ledger ${i}\n`, 'src/payments/mine.ts': `m${i}\n` } });
  repo.setIdentity(LEE);
  return repo;
}

describe('handoff: who else knows this code', function () {
  this.timeout(60_000);
  after(removeTestRepos);

  it('lists the other authors of the area’s files, most files first, with the files I changed named first', async () => {
    const scan = await scanFixture(knowledgeRepo(), { me: [LEE.email] });
    const area = scan.analysis.areas[0];
    assert.ok(area);
    const input = await gatherHandoff(scan, area);
    assert.equal(input.recipients[0]?.email, PRIYA.email, 'the note is for Priya, so she is not listed again');
    assert.deepEqual(input.knowers, [
      { name: BOB.name, email: BOB.email, knownFiles: 5, namedFiles: ['src/payments/ledger.ts', 'src/payments/a_rates.ts', 'src/payments/b_rounding.ts'] },
      { name: CHEN.name, email: CHEN.email, knownFiles: 1, namedFiles: ['src/payments/fees.ts'] },
    ]);
    assert.equal(input.moreKnowers, 0);
  });

  it('names five people and counts the rest', async () => {
    const repo = createTestRepo();
    repo.commit({ author: PRIYA, date: daysAgo(400), files: { CODEOWNERS: '/src/ @acme/core\n', 'src/main.ts': 'm\n' } });
    const authors = Array.from({ length: 8 }, (_, i) => ({ name: `Author ${i}`, email: `author${i}@acme.com` }));
    authors.forEach((author, i) => repo.commit({ author, date: daysAgo(300 - i), files: Object.fromEntries(Array.from({ length: 8 - i }, (_, f) => [`src/by${i}/f${f}.ts`, 'x\n'])) }));
    for (let i = 0; i < 3; i++) repo.commit({ author: LEE, date: daysAgo(10 - i), files: { 'src/main.ts': `m${i}\n` } });
    repo.commit({ author: PRIYA, date: daysAgo(5), files: { 'src/main.ts': 'priya again\n' } });
    const scan = await scanFixture(repo, { me: [LEE.email] });
    const area = scan.analysis.areas[0];
    assert.ok(area);
    const input = await gatherHandoff(scan, area);
    assert.equal(input.recipients[0]?.email, PRIYA.email);
    assert.deepEqual(input.knowers.map((k) => [k.email, k.knownFiles, k.namedFiles.length]), [0, 1, 2, 3, 4].map((i) => [`author${i}@acme.com`, 8 - i, 3]));
    assert.equal(input.moreKnowers, 3, 'authors 5, 6 and 7; Priya is whom the note is for');
  });

  it('prints them in the note from the command line', async () => {
    const run = await runCliInProcess(['handoff', 'src/payments/'], { cwd: knowledgeRepo().dir });
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.split('\n');
    const start = lines.indexOf('- **Who else knows this code:**');
    assert.deepEqual(lines.slice(start, start + 3), [
      '- **Who else knows this code:**',
      '  - Bob Stone (`bob@acme.com`): `src/payments/ledger.ts`, `src/payments/a_rates.ts`, `src/payments/b_rounding.ts` and 2 more files',
      '  - Chen Li (`chen@acme.com`): `src/payments/fees.ts`',
    ]);
    assert.equal(lines[start + 3], '');
  });
});
