import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../src/cli';
import { createTestRepo, daysAgo, FIXED_NOW, fixtureGitEnv, removeTestRepos, type Person, type TestRepo } from '../../helpers/gitFixture';
import { runCliInProcess } from '../../helpers/runCli';
import { treeDigest } from '../../helpers/treeDigest';

const LEE: Person = { name: 'Lee Leader', email: 'lee@acme.com' };
const PRIYA: Person = { name: 'Priya Patel', email: 'priya@acme.com' };
const ROOT = path.resolve(__dirname, '../../..');

async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: fixtureGitEnv(),
    cwd,
    clock: () => FIXED_NOW.getTime(),
  });
  return { code, stdout, stderr };
}

function paymentsRepo(): TestRepo {
  const repo = createTestRepo();
  repo.commit({ author: PRIYA, date: daysAgo(300), files: { CODEOWNERS: '/src/payments/ @acme/payments\n', 'src/payments/capture.ts': 'v1\n// TODO: old thread\n' } });
  for (let i = 0; i < 4; i++) {
    repo.commit({ author: LEE, date: daysAgo(20 - i), message: `Capture tweak ${i}`, files: { 'src/payments/capture.ts': `v${i}\n// TODO: retry declined cards ${i}\n` } });
  }
  repo.commit({ author: PRIYA, date: daysAgo(5), message: 'Refunds', files: { 'src/payments/refund.ts': 'r\n' } });
  return repo;
}

/** A README outside every owned area, in the working tree only. */
function withReadme(repo: TestRepo): TestRepo {
  repo.write('README.md', 'readme\n');
  return repo;
}

describe('CLI', function () {
  after(removeTestRepos);

  it('scan --json prints the product.md shape with the nudge and suggestions', async () => {
    const repo = paymentsRepo();
    const { code, stdout, stderr } = await cli(['scan', '--repo', repo.dir, '--me', LEE.email, '--json'], os.tmpdir());
    assert.equal(stderr, '');
    assert.equal(code, 0);
    const report = JSON.parse(stdout);
    assert.equal(report.repo, fs.realpathSync(repo.dir));
    assert.equal(report.head, repo.head());
    assert.deepEqual(report.me, ['lee@acme.com']);
    assert.equal(report.windowDays, 90);
    assert.equal(report.areas.length, 1);
    const [payments] = report.areas;
    assert.deepEqual(
      { area: payments.area, owners: payments.owners, source: payments.source, commits: payments.commits, myCommits: payments.myCommits, myShare: payments.myShare, level: payments.level },
      { area: '/src/payments/', owners: ['@acme/payments'], source: 'codeowners', commits: 5, myCommits: 4, myShare: 0.9412, level: 'nudge' },
    );
    assert.equal(payments.commitShare, 0.8);
    assert.equal(payments.lineShare, 0.9412, 'my 16 of the 17 changed lines');
    assert.deepEqual(Object.keys(payments.suggestions[0]), ['name', 'email', 'reason']);
    assert.equal(payments.suggestions[0].email, 'priya@acme.com');
  });

  it('scan without --json prints the nudge first with its reasons and a pairing suggestion', async () => {
    const repo = paymentsRepo();
    const { code, stdout } = await cli(['scan', '--me', LEE.email], repo.dir);
    assert.equal(code, 0);
    assert.match(stdout, /^NUDGE {2}\/src\/payments\/ {2}@acme\/payments {2}you 4\/5 changes \(80%\) · 16\/17 lines \(94%\)$/m);
    assert.match(stdout, /→ pair with Priya Patel <priya@acme\.com>: /);
  });

  it('names the repository from the home folder in text (~/…), and absolutely in JSON', async () => {
    const repo = paymentsRepo();
    const home = path.dirname(fs.realpathSync(repo.dir));
    const env = { ...fixtureGitEnv(), HOME: home };
    const text = await runCliInProcess(['scan', '--me', LEE.email], { cwd: repo.dir, env });
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^Multiplier · ~\/repo @ [0-9a-f]{7} \(main\)\n/);
    const json = await runCliInProcess(['scan', '--me', LEE.email, '--json'], { cwd: repo.dir, env });
    assert.equal(JSON.parse(json.stdout).repo, fs.realpathSync(repo.dir));
    const elsewhere = await runCliInProcess(['scan', '--me', LEE.email], { cwd: repo.dir, env: { ...fixtureGitEnv(), HOME: path.join(home, 'other') } });
    assert.match(elsewhere.stdout, new RegExp(`^Multiplier · ${fs.realpathSync(repo.dir).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} @`));
  });

  it('takes settings from the repository’s .vscode/settings.json, and --config instead when given', async () => {
    const repo = paymentsRepo();
    repo.write('.vscode/settings.json', '{\n  // a comment, as VS Code allows\n  "multiplier.ownershipMap": { "src/payments/": ["@lee-l"] },\n  "multiplier.identities": ["@lee-l"],\n}\n');
    const fromRepo = JSON.parse((await cli(['scan', '--me', LEE.email, '--json'], repo.dir)).stdout);
    assert.equal(fromRepo.areas[0].source, 'settings');
    assert.equal(fromRepo.areas[0].level, 'none', 'the map makes the area mine');
    const config = path.join(repo.dir, '..', 'other.json');
    fs.writeFileSync(config, JSON.stringify({ 'multiplier.windowDays': 7 }));
    const fromConfig = JSON.parse((await cli(['scan', '--me', LEE.email, '--json', '--config', config], repo.dir)).stdout);
    assert.equal(fromConfig.windowDays, 7);
    assert.equal(fromConfig.areas[0].source, 'codeowners');
    assert.equal(fromConfig.areas[0].commits, 1, 'only Priya’s commit 5 days ago is in a 7-day window');
  });

  it('reports a bad setting once on stderr and keeps working', async () => {
    const repo = paymentsRepo();
    repo.write('.vscode/settings.json', '{ "multiplier.windowDays": 0, "multiplier.nudge.minCommits": 2 }');
    const { code, stdout, stderr } = await cli(['scan', '--me', LEE.email, '--json'], repo.dir);
    assert.equal(code, 0);
    assert.equal(stderr.trim().split('\n').length, 1);
    assert.match(stderr, /^multiplier: warning: setting multiplier\.windowDays must be a whole number between 1 and 3650, got 0/);
    assert.equal(JSON.parse(stdout).windowDays, 90);
  });

  it('handoff prints the note for the area of a path', async () => {
    const repo = paymentsRepo();
    const { code, stdout, stderr } = await cli(['handoff', 'src/payments/capture.ts', '--me', LEE.email], repo.dir);
    assert.equal(stderr, '');
    assert.equal(code, 0);
    assert.match(stdout, /^# Handoff: \\\/src\\\/payments\\\/|^# Handoff: .*payments/);
    assert.match(stdout, /Priya Patel/);
    assert.match(stdout, /Capture tweak 3/);
    assert.match(stdout, /retry declined cards 3/);
    assert.doesNotMatch(stdout, /old thread/, 'TODOs the owners wrote are not my open threads');
  });

  it('never writes to the repository or its .git', async () => {
    const repo = paymentsRepo();
    repo.write('src/payments/capture.ts', 'uncommitted\n// FIXME: wip\n');
    const before = treeDigest(repo.dir);
    await cli(['scan', '--me', LEE.email, '--json'], repo.dir);
    await cli(['handoff', 'src/payments/', '--me', LEE.email], repo.dir);
    assert.equal(treeDigest(repo.dir), before);
  });

  describe('errors: one line on stderr, a non-zero exit, nothing on stdout', () => {
    const cases: Array<[string, () => { args: string[]; cwd: string }, number, RegExp]> = [
      ['not a repository', () => ({ args: ['scan'], cwd: fs.mkdtempSync(path.join(os.tmpdir(), 'multiplier-plain-')) }), 1, /^multiplier: error: .* is not inside a git repository\.$/],
      ['an empty repository', () => ({ args: ['scan'], cwd: createTestRepo().dir }), 1, /^multiplier: error: The repository has no commits yet, so there is no history to read\.$/],
      ['an unknown option', () => ({ args: ['scan', '--colour'], cwd: os.tmpdir() }), 2, /^multiplier: Unknown option '--colour'\. See "multiplier --help"\.$/],
      ['a bad window', () => ({ args: ['scan', '--window-days', '0'], cwd: os.tmpdir() }), 2, /^multiplier: --window-days must be a whole number from 1 to 3650, got "0"\./],
      ['a missing command', () => ({ args: [], cwd: os.tmpdir() }), 2, /^multiplier: Missing command; use "scan", "handoff" or "footprint"\./],
      ['handoff without a path', () => ({ args: ['handoff'], cwd: os.tmpdir() }), 2, /needs exactly one PATH/],
      ['a missing --config file', () => ({ args: ['scan', '--config', '/nonexistent/m.json'], cwd: os.tmpdir() }), 1, /^multiplier: error: The config file \/nonexistent\/m\.json does not exist\.$/],
      ['a path in no owned area', () => ({ args: ['handoff', 'README.md', '--me', LEE.email], cwd: withReadme(paymentsRepo()).dir }), 1, /^multiplier: error: README\.md is not in a team-owned area/],
    ];
    for (const [name, setup, exitCode, message] of cases) {
      it(name, async () => {
        const { args, cwd } = setup();
        const { code, stdout, stderr } = await cli(args, cwd);
        assert.equal(code, exitCode);
        assert.equal(stdout, '');
        assert.equal(stderr.endsWith('\n') && stderr.split('\n').length, 2, `one line: ${JSON.stringify(stderr)}`);
        assert.match(stderr.trim(), message);
      });
    }
  });

  it('runs as a real process with the exit code and stderr line', () => {
    const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'multiplier-plain-'));
    const result = spawnSync(process.execPath, ['--require', 'tsx/cjs', path.join(ROOT, 'src/cli.ts'), 'scan', '--repo', plain], { cwd: ROOT, encoding: 'utf8', env: fixtureGitEnv() });
    assert.equal(result.status, 1);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^multiplier: error: .* is not inside a git repository\.\n$/);
    const help = spawnSync(process.execPath, ['--require', 'tsx/cjs', path.join(ROOT, 'src/cli.ts'), '--help'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /multiplier scan \[--repo DIR\] \[--me EMAIL\]\.\.\. \[--window-days N\]/);
  });
});
