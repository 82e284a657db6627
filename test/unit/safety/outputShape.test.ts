/**
 * A repository's config can change the shape of git's output (encoding, colour, relative paths,
 * prefixes, quoting, abbreviations, decorations, rename rules). The recipe pins each of them, so
 * a repository that sets them all gets exactly the same scan and handoff as one that sets none.
 */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { createTestRepo, daysAgo, removeTestRepos, type Person, type TestRepo } from '../../helpers/gitFixture';
import { runCliInProcess } from '../../helpers/runCli';
import { treeDigest } from '../../helpers/treeDigest';

const LEE: Person = { name: 'Lee Leader', email: 'lee@acme.com' };
const PRIYA: Person = { name: 'Priya Patel', email: 'priya@acme.com' };
const ZOE: Person = { name: 'Zoë Ünïcode', email: 'zoe@acme.com' };

/** Every output-shaping key a repository can set, with a value that would break a naive parser. */
const OUTPUT_SHAPING_CONFIG: ReadonlyArray<readonly [string, string]> = [
  ['i18n.logOutputEncoding', 'ISO-8859-1'],
  ['color.ui', 'always'],
  ['color.diff', 'always'],
  ['color.status', 'always'],
  ['color.decorate', 'always'],
  ['diff.relative', 'true'],
  ['diff.noprefix', 'true'],
  ['diff.mnemonicPrefix', 'true'],
  ['diff.renames', 'copies'],
  ['diff.interHunkContext', '10'],
  ['diff.context', '7'],
  ['diff.suppressBlankEmpty', 'true'],
  ['diff.orderFile', 'no-such-order-file'],
  ['core.bigFileThreshold', '1'],
  ['core.untrackedCache', 'true'],
  ['core.splitIndex', 'true'],
  ['index.version', '4'],
  ['core.quotePath', 'true'],
  ['core.abbrev', '4'],
  ['log.decorate', 'full'],
  ['log.abbrevCommit', 'true'],
  ['log.follow', 'true'],
  ['log.date', 'relative'],
  ['log.showRoot', 'false'],
  ['format.pretty', 'oneline'],
  ['status.short', 'true'],
  ['status.branch', 'true'],
  ['status.showUntrackedFiles', 'no'],
  ['status.relativePaths', 'true'],
  ['status.renames', 'copies'],
  ['notes.displayRef', 'refs/notes/*'],
  ['grep.patternType', 'perl'],
  ['core.commentChar', ';'],
];

function teamRepo(): TestRepo {
  const repo = createTestRepo({ dirName: 'shaped' });
  repo.write('.mailmap', 'Lee Leader <lee@acme.com> <lee@old.example>\n');
  repo.commit({ author: PRIYA, date: daysAgo(300), message: 'Payments', files: { '.github/CODEOWNERS': '/src/payments/ @acme/payments\n', '.mailmap': 'Lee Leader <lee@acme.com> <lee@old.example>\n', 'src/payments/capture.ts': 'a\nb\nc\n' } });
  repo.commit({ author: { name: 'Lee Old', email: 'lee@old.example' }, date: daysAgo(40), message: 'Old address', files: { 'src/payments/capture.ts': 'a\nb\nc\nd\n' } });
  repo.commit({ author: LEE, date: daysAgo(30), message: 'Rename', renames: [['src/payments/capture.ts', 'src/payments/capture 2 ü.ts']] });
  repo.commit({ author: LEE, date: daysAgo(20), message: 'Binary', files: { 'src/payments/logo.png': '\x00\x01\x02binary' } });
  repo.commit({ author: ZOE, date: daysAgo(15), message: 'Zoë’s fix', files: { 'src/payments/capture 2 ü.ts': 'a\nB\nc\nd\n// TODO: zoe\n' } });
  repo.commit({ author: LEE, date: daysAgo(10), message: 'Paired', coAuthors: [PRIYA], files: { 'src/payments/refund.ts': 'r\n// TODO: refund thread\n' } });
  repo.commit({ author: LEE, date: daysAgo(5), message: 'More', files: { 'src/payments/refund.ts': 'r2\n// TODO: refund thread 2\n' } });
  repo.git(['notes', 'add', '-m', 'a note that must not show', 'HEAD']);
  repo.setIdentity(LEE);
  repo.write('src/payments/refund.ts', 'r3\n// FIXME: uncommitted\n');
  repo.write('src/payments/new file.ts', 'new\n');
  return repo;
}

async function answers(repo: TestRepo): Promise<{ scan: unknown; text: string; handoff: string }> {
  const cwd = path.join(repo.dir, 'src', 'payments');
  const scan = await runCliInProcess(['scan', '--json'], { cwd });
  const text = await runCliInProcess(['scan'], { cwd });
  const handoff = await runCliInProcess(['handoff', '.'], { cwd });
  for (const run of [scan, text, handoff]) assert.equal(run.code, 0, run.stderr);
  return { scan: JSON.parse(scan.stdout), text: text.stdout, handoff: handoff.stdout };
}

describe('safety: the repository cannot change the shape of what Multiplier parses', function () {
  this.timeout(60_000);
  after(removeTestRepos);

  it('scan and handoff give the same answer when the repository sets i18n.logOutputEncoding, colour, diff.relative and 30 more output and index options', async () => {
    const repo = teamRepo();
    const plain = await answers(repo);
    for (const [key, value] of OUTPUT_SHAPING_CONFIG) repo.config(key, value);
    const before = treeDigest(repo.dir);
    const shaped = await answers(repo);
    assert.equal(treeDigest(repo.dir), before, 'index options must not make a read write the index');
    assert.deepEqual(shaped.scan, plain.scan);
    assert.equal(shaped.text, plain.text);
    assert.equal(shaped.handoff, plain.handoff);
  });

  it('the plain answer is itself right: mailmap, rename, binary, non-ASCII names and the pairing are read', async () => {
    const { scan, handoff } = await answers(teamRepo());
    const [area] = (scan as { areas: Array<Record<string, unknown>> }).areas;
    assert.equal(area?.area, '/src/payments/');
    assert.equal(area?.commits, 6, 'Lee’s old address is mailmapped to Lee, and every change in the window counts');
    assert.equal(area?.pairedCommits, 1);
    assert.match(handoff, /Zoë Ünïcode/);
    assert.match(handoff, /capture 2 ü\.ts/);
    assert.match(handoff, /logo\.png/);
    assert.match(handoff, /FIXME: uncommitted/);
    assert.match(handoff, /new file\.ts/);
  });
});
