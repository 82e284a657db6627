/**
 * Bad settings and ownership files, through the CLI: each bad entry is one warning with its key
 * (or `path:line`) and the reason, the valid rest keeps working, and nothing a repository commits
 * in `.vscode/settings.json` or CODEOWNERS can make a scan slow.
 */
import { strict as assert } from 'node:assert';
import { createTestRepo, daysAgo, removeTestRepos, type Person, type TestRepo } from '../../helpers/gitFixture';
import { runCliInProcess } from '../../helpers/runCli';

const LEE: Person = { name: 'Lee Leader', email: 'lee@acme.com' };
const PRIYA: Person = { name: 'Priya Patel', email: 'priya@acme.com' };

function teamRepo(codeowners = '/src/payments/ @acme/payments\n'): TestRepo {
  const repo = createTestRepo();
  repo.commit({ author: PRIYA, date: daysAgo(300), message: 'Payments', files: { '.github/CODEOWNERS': codeowners, 'src/payments/capture.ts': 'v0\n', 'docs/a.md': 'a\n' } });
  for (let i = 0; i < 2; i++) repo.commit({ author: LEE, date: daysAgo(20 - i), message: `Capture ${i}`, files: { 'src/payments/capture.ts': `v${i + 1}\n` } });
  repo.commit({ author: PRIYA, date: daysAgo(5), message: 'Refunds', files: { 'src/payments/refund.ts': 'r\n' } });
  repo.setIdentity(LEE);
  return repo;
}

function warnings(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line !== '');
}

describe('faults: bad settings and ownership files (CLI)', function () {
  this.timeout(60_000);
  after(removeTestRepos);

  it('reports each invalid multiplier.* entry once with its key and reason, and the valid rest keeps working', async () => {
    const repo = teamRepo();
    repo.write(
      '.vscode/settings.json',
      `{
  // A team's committed settings with a mistake in almost every key.
  "multiplier.enabled": "yes",
  "multiplier.ownershipMap": { "src/payments/": ["@acme/payments"], "{1..99999}/": ["@acme/x"], "docs/": ["not an owner"] },
  "multiplier.teams": { "@acme/payments": ["priya@acme.com", 7], "payments": ["x@acme.com"] },
  "multiplier.identities": ["lee@old.example", ""],
  "multiplier.windowDays": 0,
  "multiplier.nudge.shareThreshold": 50,
  "multiplier.nudge.minCommits": 2,
  "multiplier.ignore": ["**/*.snap", "{1..100000000}", "**/*a*a*a*a*a*b"],
  "multiplier.bots": ["ci-bot", "*a*a*a*a*b"],
  "multiplier.codeowners.enabled": "true",
  "multiplier.codeowners.flavor": "bitbucket",
}
`,
    );
    const run = await runCliInProcess(['scan', '--json'], { cwd: repo.dir });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(warnings(run.stderr), [
      'multiplier: warning: setting multiplier.enabled must be true or false, got "yes"',
      'multiplier: warning: setting multiplier.ownershipMap["{1..99999}/"] pattern uses the brace range {1..99999}, which can expand to a huge number of patterns; list the alternatives instead, e.g. {a,b,c}',
      'multiplier: warning: setting multiplier.ownershipMap["docs/"] has no valid owner ("not an owner"); use @user, @org/team or an email. The rule is ignored',
      'multiplier: warning: setting multiplier.teams["@acme/payments"][1] must be a string, got 7',
      'multiplier: warning: setting multiplier.teams["payments"] is not a team handle; use @org/team',
      'multiplier: warning: setting multiplier.identities[1] must not be empty',
      'multiplier: warning: setting multiplier.windowDays must be a whole number between 1 and 3650, got 0',
      'multiplier: warning: setting multiplier.nudge.shareThreshold must be a number greater than 0 and at most 1 (0.5 means 50%), got 50',
      'multiplier: warning: setting multiplier.ignore[1] uses the brace range {1..100000000}, which can expand to a huge number of patterns; list the alternatives instead, e.g. {a,b,c}',
      'multiplier: warning: setting multiplier.ignore[2] has 6 `*` wildcards in one path segment; at most 3 are allowed because more can make matching one long file name take minutes',
      'multiplier: warning: setting multiplier.bots[1] has 5 `*` wildcards; at most 3 are allowed because more can make matching one long name take minutes',
      'multiplier: warning: setting multiplier.codeowners.enabled must be true or false, got "true"',
      'multiplier: warning: setting multiplier.codeowners.flavor must be one of "auto", "github" or "gitlab", got "bitbucket"',
    ]);
    const report = JSON.parse(run.stdout);
    assert.equal(report.windowDays, 90, 'the bad window falls back to the default');
    const [payments] = report.areas;
    assert.deepEqual(
      { area: payments.area, source: payments.source, level: payments.level, membersInferred: payments.membersInferred },
      { area: 'src/payments/', source: 'settings', level: 'nudge', membersInferred: false },
      'the valid map rule, the valid team and minCommits = 2 all apply',
    );
  });

  it('lists CODEOWNERS errors as path:line: kind: message, CRLF and a byte order mark included, and keeps the valid rules', async () => {
    const codeowners = '\uFEFF# owners\r\n/src/payments/ @acme/payments\r\ndocs/ not-an-owner\r\n!src/legacy/ @acme/legacy\r\n[Payments] @acme/payments\r\n/src/**/**/**/**/x @acme/deep\r\n';
    const run = await runCliInProcess(['scan', '--json'], { cwd: teamRepo(codeowners).dir });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(warnings(run.stderr), [
      'multiplier: warning: .github/CODEOWNERS:3: Invalid owner: `not-an-owner` is not a valid owner (expected @user, @org/team or an email); GitHub skips the whole line',
      'multiplier: warning: .github/CODEOWNERS:4: Unsupported syntax: `!src/legacy/`: GitHub does not support `!` to negate a pattern; the line is skipped',
      'multiplier: warning: .github/CODEOWNERS:5: Invalid pattern: `[Payments]` is a GitLab section header; GitHub has no sections, so the line is skipped',
      'multiplier: warning: .github/CODEOWNERS:6: Invalid pattern: `/src/**/**/**/**/x`: the pattern has more than 3 `**` segments, which makes matching slow; the line is skipped',
    ]);
    // The valid rule makes payments an area; what no rule covers is an area history speaks for.
    assert.deepEqual(JSON.parse(run.stdout).areas.map((a: { area: string; source: string }) => [a.area, a.source]), [['/src/payments/', 'codeowners'], ['/', 'history']]);
  });

  it('ignores a CODEOWNERS file over 3 MB with one message, as GitHub does', async () => {
    const huge = `/src/payments/ @acme/payments\n${'# padding to make the file larger than GitHub accepts\n'.repeat(60_000)}`;
    assert.ok(Buffer.byteLength(huge) > 3 * 1024 * 1024);
    const run = await runCliInProcess(['scan', '--json'], { cwd: teamRepo(huge).dir });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(warnings(run.stderr), [
      'multiplier: warning: .github/CODEOWNERS: File too large: .github/CODEOWNERS is larger than 3 MB; GitHub ignores it too',
      'multiplier: warning: No ownership rules: the areas are read from history (folders and the people who built them). Add a CODEOWNERS file or multiplier.ownershipMap to say who owns what.',
    ]);
    const report = JSON.parse(run.stdout);
    assert.deepEqual(report.areas.map((a: { area: string; source: string }) => [a.area, a.source]), [['/', 'history']], 'no rules: history alone draws the areas');
    assert.equal(report.codeowners.skipped, '.github/CODEOWNERS is larger than 3 MB; GitHub ignores it too');
  });

  it('cannot be made to hang by a hostile multiplier.ignore or multiplier.bots against long names (each refused, scan in seconds)', async () => {
    const repo = teamRepo('* @acme/all\n');
    const longName = `${'a'.repeat(250)}.ts`;
    for (let i = 0; i < 5; i++) {
      repo.commit({ author: { name: 'a'.repeat(200), email: `${'a'.repeat(60)}${i}@acme.com` }, date: daysAgo(10 - i), files: { [`src/${i}/${longName}`]: `${i}\n` } });
    }
    const hostile = ['**/*a*a*a*a*a*a*b', '**/*a*a*a*a*a*a*a*a*a*b', '{1..1000000000}', '{a,b}'.repeat(12), '**/**/**/**/**/**/**/x', 'src/**'];
    repo.write('.vscode/settings.json', JSON.stringify({ 'multiplier.ignore': hostile, 'multiplier.bots': ['*a*a*a*a*a*a*a*b'] }));
    const started = Date.now();
    const run = await runCliInProcess(['scan', '--json', '--me', LEE.email], { cwd: repo.dir });
    const elapsed = Date.now() - started;
    assert.equal(run.code, 0, run.stderr);
    assert.ok(elapsed < 10_000, `the scan took ${elapsed} ms`);
    assert.deepEqual(
      warnings(run.stderr).map((line) => line.replace(/ (uses|has) .*$/, '')),
      ['multiplier.ignore[0]', 'multiplier.ignore[1]', 'multiplier.ignore[2]', 'multiplier.ignore[3]', 'multiplier.ignore[4]', 'multiplier.bots[0]'].map((key) => `multiplier: warning: setting ${key}`),
    );
    const [area] = JSON.parse(run.stdout).areas;
    assert.equal(area.files, 2, 'the valid src/** still applies: only .github/CODEOWNERS and docs/a.md count');
  });
});
