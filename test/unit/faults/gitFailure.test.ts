/**
 * Git's own stderr (literal, from git 2.39 under LC_ALL=C) to the kind the UI acts on and the one
 * sentence the user reads: in the CLI after `multiplier: error: `, in the extension in the status
 * bar tooltip after "Multiplier could not read this repository: " and in the log.
 */
import { strict as assert } from 'node:assert';
import type { AreaReport } from '../../../src/core/analysis/areaReport';
import { classifyGitError, firstStderrLine, type GitFailureKind } from '../../../src/core/git/gitFailure';
import { escapeMarkdownText } from '../../../src/core/text/markdown';
import { statusView } from '../../../src/core/presentation/statusView';
import { areaReport } from '../../helpers/areaSignals';

const CWD = '/work/repo';

const CASES: Array<[name: string, stderr: string, kind: GitFailureKind, message: string]> = [
  ['spawn ENOENT', 'spawn /usr/bin/git ENOENT', 'git-not-found', 'Git was not found. Install git 2.24 or newer and make sure it is on PATH.'],
  ['spawn EACCES', 'spawn /opt/git EACCES', 'git-not-runnable', 'The git binary could not be started (permission denied). Check that the configured git is an executable file.'],
  ['not a repository', 'fatal: not a git repository (or any of the parent directories): .git\n', 'not-a-repository', '/work/repo is not inside a git repository.'],
  [
    'a worktree whose repository is gone',
    'fatal: not a git repository: /work/main/.git/worktrees/wt\n',
    'broken-link',
    '/work/repo is a linked worktree or submodule whose repository is gone: its .git file points to /work/main/.git/worktrees/wt, which is not a git repository. Run `git worktree prune` in the main repository and add the worktree again, or clone afresh.',
  ],
  ['a .git file that is not a link', 'fatal: invalid gitfile format: /work/repo/.git\n', 'broken-link', 'The .git file in /work/repo is not a valid link to a repository (invalid gitfile format: /work/repo/.git). Restore it, or clone the repository again.'],
  [
    'a bare repository',
    "fatal: cannot use bare repository '/work/repo' (safe.bareRepository is 'explicit')\n",
    'bare-repository',
    '/work/repo is a bare repository or lies inside one (it has no working tree). Multiplier reads a clone with a working tree; open or pass one instead.',
  ],
  [
    'dubious ownership',
    "fatal: detected dubious ownership in repository at '/work/repo'\nTo add an exception for this directory, call:\n\n\tgit config --global --add safe.directory /work/repo\n",
    'dubious-ownership',
    "Git refuses to read /work/repo because the folder is owned by another user. Multiplier will not override that; if you trust it, add it to git's safe.directory yourself.",
  ],
  ['a config syntax error', 'fatal: bad config line 8 in file .git/config\n', 'bad-config', "Git cannot read the repository's configuration (bad config line 8 in file .git/config). Fix or remove that setting; until then no git command works here."],
  ['an unknown repository extension', 'fatal: unknown repository extension found:\n\tfoo\n\tbar\n', 'unsupported-repository', "This git cannot read the repository's format (it uses the repository extensions foo, bar). Update git, or read the repository with the git that created it."],
  ['no commits yet', "fatal: your current branch 'main' does not have any commits yet\n", 'empty-repository', 'The repository has no commits yet, so there is no history to read.'],
  [
    'a partial clone that would need to fetch',
    'warning: lazy fetching disabled; some objects may not be available\nfatal: could not fetch 8c1384d825dbbe41309b7dc18ee7991a9085c46e from promisor remote\n',
    'partial-clone',
    'This is a partial clone: reading its history needs objects that were never downloaded (could not fetch 8c1384d from promisor remote), and Multiplier never downloads anything. Fetch the full history yourself, or use a full clone.',
  ],
  [
    'a corrupt blob',
    'error: inflate: data stream error (incorrect header check)\nerror: unable to unpack 8c1384d825dbbe41309b7dc18ee7991a9085c46e header\nfatal: unable to read 8c1384d825dbbe41309b7dc18ee7991a9085c46e\n',
    'corrupt-repository',
    'The repository is damaged: git could not read part of its history (unable to read 8c1384d). `git fsck` in the repository shows what is broken.',
  ],
  [
    'a corrupt commit',
    'error: object file .git/objects/5e/afeefc76b4066594fe82943c0e49c9cf2191fb is empty\nfatal: loose object 5eafeefc76b4066594fe82943c0e49c9cf2191fb (stored in .git/objects/5e/afeefc76b4066594fe82943c0e49c9cf2191fb) is corrupt\n',
    'corrupt-repository',
    'The repository is damaged: git could not read part of its history (loose object 5eafeef is corrupt). `git fsck` in the repository shows what is broken.',
  ],
  ['a git without --end-of-options', "error: unknown option `end-of-options'\nusage: git log [<options>]\n", 'git-too-old', 'This git is too old: Multiplier needs git 2.24 or newer.'],
  ['anything else', "fatal: bad revision 'no-such-branch'\n", 'failed', "Git failed: bad revision 'no-such-branch'."],
];

const AREA: AreaReport = areaReport({ key: 'k', commits: 4, myCommits: 4, soloCommits: 4, commitShare: 1, myShare: 1, reasons: [], files: 1, mySoleKnownFiles: 1 });

describe('faults: git failures classified into specific, actionable messages', () => {
  for (const [name, stderr, kind, message] of CASES) {
    it(`${name}: ${kind}`, () => {
      const failure = classifyGitError(stderr, CWD);
      assert.equal(failure.kind, kind);
      assert.equal(failure.message, message);
    });
  }

  it('keeps git’s deciding line for the log: the fatal one, not the warnings and errors that led to it', () => {
    assert.equal(firstStderrLine('warning: x\nerror: y\nfatal: z\n'), 'z');
    assert.equal(firstStderrLine('hint: a\nerror: y\n'), 'y');
    assert.equal(firstStderrLine('just text\n'), 'just text');
  });

  it('the extension shows the same sentence in the status bar tooltip (escaped Markdown), pointing to the log', () => {
    for (const [, stderr] of CASES) {
      const failure = classifyGitError(stderr, CWD);
      const view = statusView({ status: { kind: 'error', message: failure.message }, area: undefined, assist: undefined, snooze: undefined, problems: [], formatTime: String });
      assert.equal(view.tooltip, `Multiplier could not read this repository: ${escapeMarkdownText(failure.message)}\n\nSee **Multiplier: Show Log** for details.`);
      assert.equal(view.action, 'log');
    }
  });

  it('the nudge tooltip carries scan warnings such as a shallow clone’s incomplete history', () => {
    const warning = 'This is a shallow clone: older history is missing, so knowledge and shares cover only what was fetched.';
    const view = statusView({ status: { kind: 'ready', warnings: [warning] }, area: AREA, assist: undefined, snooze: undefined, problems: [], formatTime: String });
    assert.ok(view.tooltip.includes(`$(info) ${escapeMarkdownText(warning)}`), view.tooltip);
  });
});
