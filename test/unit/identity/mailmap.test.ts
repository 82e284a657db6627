import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveGitBinary } from '../../../src/core/git/gitBinary';
import { configEntries } from '../../../src/core/git/repositoryCommands';
import { SimpleGitRunner } from '../../../src/core/git/simpleGitRunner';
import { mailmapContacts, mailmapInPlay } from '../../../src/core/identity/mailmap';
import type { Contact } from '../../../src/core/identity/person';
import { nodeWorkspaceFiles } from '../../../src/core/workspaceFiles';
import { createTestRepo, fixtureGitEnv, type TestRepo } from '../../helpers/gitFixture';

function runnerFor(repo: TestRepo): SimpleGitRunner {
  const env = fixtureGitEnv();
  return new SimpleGitRunner({ gitPath: resolveGitBinary(env), cwd: repo.dir, env, timeoutMs: 30_000 });
}

const inPlay = async (repo: TestRepo): Promise<boolean> => mailmapInPlay(nodeWorkspaceFiles(repo.dir), await runnerFor(repo).run(configEntries));

describe('the mailmap', () => {
  // Contacts as trailers and settings give them: spacing, case, no name, non-ASCII.
  const contacts: Contact[] = [
    { name: 'Priya Patel', email: 'Priya@Acme.com' },
    { name: '  Lee   Leader ', email: 'lee@acme.com' },
    { name: '', email: 'bare@acme.com' },
    { name: 'Zoë Ünal', email: 'zoe@example.org' },
    { name: 'Odd', email: 'no-at-sign' },
  ];

  it('without one, gives each contact back exactly as git check-mailmap does, without asking git', async () => {
    const repo = createTestRepo();
    repo.commit({ author: { name: 'A', email: 'a@acme.com' }, date: '2026-01-01T00:00:00Z', message: 'first', files: { 'a.txt': 'a\n' } });
    assert.equal(await inPlay(repo), false);
    const fromGit = await mailmapContacts(runnerFor(repo), contacts);
    assert.deepEqual(await mailmapContacts(runnerFor(repo), contacts, { inPlay: false }), fromGit);
  });

  it('is in play with a .mailmap, mailmap.file or mailmap.blob', async () => {
    const repo = createTestRepo();
    repo.commit({ author: { name: 'A', email: 'a@acme.com' }, date: '2026-01-01T00:00:00Z', message: 'first', files: { 'a.txt': 'a\n' } });
    repo.write('.mailmap', 'Priya Patel <priya@acme.com> <Priya@Acme.com>\n');
    assert.equal(await inPlay(repo), true, 'a .mailmap');
    const [mapped] = await mailmapContacts(runnerFor(repo), contacts.slice(0, 1), { inPlay: true });
    assert.deepEqual(mapped, { name: 'Priya Patel', email: 'priya@acme.com' }, 'which git maps through');
    // Recent git does not follow a linked .mailmap; asking it anyway is never wrong.
    fs.rmSync(path.join(repo.dir, '.mailmap'));
    fs.symlinkSync('a.txt', path.join(repo.dir, '.mailmap'));
    assert.equal(await inPlay(repo), true, 'a .mailmap of any kind: git decides');
    fs.rmSync(path.join(repo.dir, '.mailmap'));
    assert.equal(await inPlay(repo), false);
    repo.git(['config', 'mailmap.file', '/nonexistent/mailmap']);
    assert.equal(await inPlay(repo), true, 'mailmap.file');
    repo.git(['config', '--unset', 'mailmap.file']);
    repo.git(['config', 'mailmap.blob', 'HEAD:.mailmap']);
    assert.equal(await inPlay(repo), true, 'mailmap.blob');
  });
});
