import { strict as assert } from 'node:assert';
import type { HandoffInput } from '../../../src/core/handoff/handoffModel';
import { changesToFallBelow, renderHandoffNote } from '../../../src/core/handoff/renderHandoffNote';

const DAY = 86_400;
const NOW = Date.UTC(2026, 0, 15, 23, 30) / 1000;

const FULL: HandoffInput = {
  area: 'src/payments/',
  owners: ['@acme/payments'],
  ownershipSource: '.github/CODEOWNERS',
  membersInferred: true,
  recipients: [
    { name: 'Priya Shah', email: 'priya@acme.com', reason: 'Knows 12 of 40 files in src/payments/; 5 changes there in the last 90 days.' },
    { name: 'Bob Stone', email: 'bob@acme.com', reason: 'Changed refunds last week.' },
    { name: 'Chen Li', email: 'chen@acme.com', reason: 'Reviewed 6 of your changes.' },
  ],
  me: { name: 'Sam Lead', email: 'sam@acme.com' },
  knowers: [
    { name: 'Chen Li', email: 'chen@acme.com', knownFiles: 7, namedFiles: ['src/payments/refund.ts', 'src/payments/ledger.ts', 'src/payments/fees.ts'] },
    { name: 'Dana Wu', email: 'dana@acme.com', knownFiles: 2, namedFiles: ['src/payments/retry_policy.ts', 'src/payments/ledger.ts'] },
  ],
  moreKnowers: 2,
  windowDays: 90,
  myCommits: [
    { sha: 'abcdef1234567890abcdef1234567890abcdef12', time: NOW - DAY, subject: 'Round refunds half-even' },
    { sha: '1234567890abcdef1234567890abcdef12345678', time: NOW - 10 * DAY, subject: 'Add refund ledger' },
  ],
  myFiles: [
    { path: 'src/payments/logo.png', added: null, removed: null },
    { path: 'src/payments/ledger.ts', added: 5, removed: 1 },
    { path: 'src/payments/run.sh', added: 0, removed: 0 },
    { path: 'src/payments/refund.ts', added: 40, removed: 12 },
  ],
  branch: 'feature/refunds',
  upstream: 'origin/feature/refunds',
  unpushed: [{ sha: 'abcdef1234567890abcdef1234567890abcdef12', time: NOW - DAY, subject: 'Round refunds half-even' }],
  uncommitted: [
    { path: 'src/payments/refund.ts', status: ' M', added: 3, removed: 1 },
    { path: 'src/payments/notes.md', status: '??', added: 7, removed: 0 },
  ],
  worktreeNote: undefined,
  openThreads: [
    { path: 'src/payments/refund.ts', text: '// TODO: partial refunds', commit: 'abcdef1' },
    { path: 'src/payments/ledger.ts', text: '# FIXME rounding', commit: undefined },
  ],
  share: { commits: 12, mySoloCommits: 8, myShare: 8 / 12, threshold: 0.5 },
  nowSeconds: NOW,
  aiAssistedCommits: 0,
  decisionFiles: [],
  linesReplaced: null,
  linesReplacedProblems: [],
};

const EMPTY: HandoffInput = {
  ...FULL,
  owners: ['@acme/payments', '@acme/finance'],
  membersInferred: false,
  recipients: [],
  knowers: [],
  moreKnowers: 0,
  myCommits: [],
  myFiles: [],
  branch: undefined,
  upstream: undefined,
  unpushed: [],
  uncommitted: [],
  openThreads: [],
  share: { commits: 0, mySoloCommits: 0, myShare: 0, threshold: 0.5 },
};

const SECTION_HEADINGS = [
  "## Why I'm handing this off",
  '## What I changed (last 90 days)',
  '## Work in progress',
  '## Open threads',
  '## Decisions and context',
  '## Suggested next steps',
  '## My share',
];

function headings(note: string): string[] {
  return note.split('\n').filter((line) => line.startsWith('#'));
}

/** The lines from `heading` up to the next heading, without blank lines. */
function section(note: string, heading: string): string[] {
  const lines = note.split('\n');
  const start = lines.indexOf(heading);
  assert.ok(start >= 0, `missing ${heading}`);
  const end = lines.findIndex((line, i) => i > start && line.startsWith('#'));
  return lines.slice(start + 1, end < 0 ? undefined : end).filter((line) => line !== '');
}

const EXPECTED_FULL_NOTE = `# Handoff: \`src/payments/\`

- **For:** Priya Shah (\`priya@acme.com\`): Knows 12 of 40 files in src/payments/; 5 changes there in the last 90 days.
- **cc:**
  - Bob Stone (\`bob@acme.com\`): Changed refunds last week.
  - Chen Li (\`chen@acme.com\`): Reviewed 6 of your changes.
- **Owners:** @acme/payments, from \`.github/CODEOWNERS\` (team members inferred from history)
- **From:** Sam Lead (\`sam@acme.com\`)
- **Date:** 2026-01-15 (UTC)

## Why I'm handing this off

I've been doing a lot of the recent work in \`src/payments/\`, which @acme/payments owns, and I'd like to hand it back so the decisions stay with them.

_Add a sentence or two in your own words: what pulled you in, and what you hope they take over._

## What I changed (last 90 days)

- 2026-01-14 \`abcdef1\` Round refunds half-even
- 2026-01-05 \`1234567\` Add refund ledger

Files, most changed first:

- \`src/payments/refund.ts\` +40 −12
- \`src/payments/ledger.ts\` +5 −1
- \`src/payments/run.sh\` +0 −0
- \`src/payments/logo.png\` binary

## Work in progress

On branch \`feature/refunds\`, tracking \`origin/feature/refunds\`.

Not pushed yet:

- 2026-01-14 \`abcdef1\` Round refunds half-even

Uncommitted:

- \`src/payments/refund.ts\` modified +3 −1
- \`src/payments/notes.md\` untracked +7 −0

## Open threads

- \`src/payments/refund.ts\`: // TODO: partial refunds (\`abcdef1\`)
- \`src/payments/ledger.ts\`: \\# FIXME rounding (uncommitted)

## Decisions and context

- **Decisions I made, and why:** _fill in_
- **What I tried and dropped:** _fill in_
- **Who else knows this code:**
  - Chen Li (\`chen@acme.com\`): \`src/payments/refund.ts\`, \`src/payments/ledger.ts\`, \`src/payments/fees.ts\` and 4 more files
  - Dana Wu (\`dana@acme.com\`): \`src/payments/retry_policy.ts\` and \`src/payments/ledger.ts\`
  - and 2 more people who know fewer of its files

## Suggested next steps

- [ ] Pair with Priya Shah for 30 minutes on the changes above.
- [ ] Ask Priya Shah to review the open work before it lands.
- [ ] Move the 2 open threads into the @acme/payments tracker.

## My share

- **Before:** 8 of 12 changes (67%) in the last 90 days.
- **After:** 5 more changes by the owners would bring my share to 8 of 17 (47%), below the 50% nudge threshold.
`;

describe('renderHandoffNote', () => {
  describe('with a full input', () => {
    const note = renderHandoffNote(FULL);

    it('renders the whole draft', () => {
      assert.equal(note, EXPECTED_FULL_NOTE);
    });

    it('has the title and then every section once, in order', () => {
      assert.deepEqual(headings(note), ['# Handoff: `src/payments/`', ...SECTION_HEADINGS]);
    });

    it('states my share before and the smallest number of owner changes that brings it under the threshold', () => {
      assert.deepEqual(section(note, '## My share'), [
        '- **Before:** 8 of 12 changes (67%) in the last 90 days.',
        '- **After:** 5 more changes by the owners would bring my share to 8 of 17 (47%), below the 50% nudge threshold.',
      ]);
    });

    it('lists files by total changed lines, binary after even an unchanged-lines file', () => {
      const files = section(note, '## What I changed (last 90 days)').filter((line) => line.includes('+') || line.endsWith('binary'));
      assert.deepEqual(files.map((line) => line.split('`')[1]), ['src/payments/refund.ts', 'src/payments/ledger.ts', 'src/payments/run.sh', 'src/payments/logo.png']);
    });

    it('ends with exactly one newline, has no trailing whitespace and no HTML comment', () => {
      assert.ok(note.endsWith('\n') && !note.endsWith('\n\n'));
      assert.deepEqual(note.split('\n').filter((line) => line !== line.trimEnd()), []);
      assert.ok(!note.includes('<!--'));
    });

    it('leaves _fill in_ only for what history cannot know', () => {
      assert.deepEqual(note.split('\n').filter((line) => line.includes('_fill in_')), [
        '- **Decisions I made, and why:** _fill in_',
        '- **What I tried and dropped:** _fill in_',
      ]);
    });

    it('never joins sentences into ".;"', () => {
      assert.deepEqual(note.split('\n').filter((line) => line.includes('.;')), []);
    });

    it('gives one cc a line of its own, and names every file of someone who knows few', () => {
      const one = renderHandoffNote({ ...FULL, recipients: FULL.recipients.slice(0, 2), knowers: [{ name: 'Dana Wu', email: 'dana@acme.com', knownFiles: 1, namedFiles: ['src/payments/fees.ts'] }], moreKnowers: 1 });
      assert.ok(one.includes('\n- **cc:**\n  - Bob Stone (`bob@acme.com`): Changed refunds last week.\n- **Owners:**'));
      assert.ok(one.includes('\n- **Who else knows this code:**\n  - Dana Wu (`dana@acme.com`): `src/payments/fees.ts`\n  - and 1 more person who knows fewer of its files\n'));
    });

    it('dates the note in UTC even late in the day', () => {
      const lateEvening = renderHandoffNote({ ...FULL, nowSeconds: Date.UTC(2026, 1, 28, 23, 59, 59) / 1000 });
      assert.ok(lateEvening.includes('\n- **Date:** 2026-02-28 (UTC)\n'));
    });
  });

  describe('with nothing to report', () => {
    const note = renderHandoffNote(EMPTY);

    it('keeps every section, in order', () => {
      assert.deepEqual(headings(note), ['# Handoff: `src/payments/`', ...SECTION_HEADINGS]);
    });

    it('says no one is suggested yet, and asks the owners who should pick it up', () => {
      assert.ok(note.includes('\n- **For:** no one suggested yet: ask the owners who should pick this up\n'));
      assert.ok(note.includes('\n- **cc:** no one else\n'));
      assert.ok(note.includes('\n- **Owners:** @acme/payments, @acme/finance, from `.github/CODEOWNERS`\n'));
      assert.deepEqual(section(note, '## Suggested next steps'), [
        '- [ ] Ask @acme/payments and @acme/finance who should pick this area up.',
        '- [ ] Pair with that person for 30 minutes on the changes above.',
      ]);
    });

    it('names both owners in the reason', () => {
      assert.ok(section(note, "## Why I'm handing this off")[0]?.includes('which @acme/payments and @acme/finance own,'));
    });

    it('says no one else knows the code, by its history', () => {
      assert.deepEqual(section(note, '## Decisions and context'), [
        '- **Decisions I made, and why:** _fill in_',
        '- **What I tried and dropped:** _fill in_',
        '- **Who else knows this code:** no one else, by the history of its files',
      ]);
    });

    it('says gracefully that there are no commits, no work in progress and no open threads', () => {
      assert.deepEqual(section(note, '## What I changed (last 90 days)'), ['No commits of mine here in the last 90 days.']);
      assert.deepEqual(section(note, '## Work in progress'), ['On a detached HEAD.', 'Nothing uncommitted or unpushed.']);
      assert.deepEqual(section(note, '## Open threads'), ['None found in your changes.']);
      assert.deepEqual(section(note, '## My share'), ['No changes in this area in the last 90 days.']);
    });
  });

  describe('the long shadow', () => {
    const note = renderHandoffNote({
      ...FULL,
      aiAssistedCommits: 2,
      decisionFiles: ['src/payments/api/payments.proto', 'src/payments/adr/0003-retries.md'],
      linesReplaced: { total: 30, byPerson: [{ name: 'Priya Shah', email: 'priya@acme.com', lines: 30 }], complete: true },
    });

    it('lists each decision file under "Decisions I made", with a prompt to fill in', () => {
      assert.deepEqual(section(note, '## Decisions and context').slice(0, 3), [
        '- **Decisions I made, and why:**',
        '  - `src/payments/api/payments.proto`: _what did I decide here, and why? Should the owners have made this call?_',
        '  - `src/payments/adr/0003-retries.md`: _what did I decide here, and why? Should the owners have made this call?_',
      ]);
    });

    it('says how much of the work was AI-assisted and whose lines it replaced, and asks to go over them', () => {
      const changes = section(note, '## What I changed (last 90 days)');
      assert.deepEqual(changes.slice(-2), [
        '2 of these changes were AI-assisted: code nobody on the team has written by hand yet, so walk the owners through it.',
        'My changes replaced 30 lines Priya Shah wrote.',
      ]);
      assert.ok(section(note, '## Suggested next steps').includes('- [ ] Go over the 30 lines my changes replaced with Priya Shah: they may have had reasons I missed.'));
    });

    it('says when not every replaced line could be read, and keeps the plain prompt when there are no decision files', () => {
      const partial = renderHandoffNote({ ...FULL, linesReplaced: { total: 4, byPerson: [{ name: 'A', email: 'a@x', lines: 4 }], complete: false }, linesReplacedProblems: ['git blame timed out'] });
      assert.deepEqual(section(partial, '## What I changed (last 90 days)').slice(-2), ['My changes replaced at least 4 lines A wrote.', '_Not every replaced line could be read (git blame timed out)._']);
      assert.equal(section(partial, '## Decisions and context')[0], '- **Decisions I made, and why:** _fill in_');
    });
  });

  describe('work in progress', () => {
    it('says the working tree was not read, and why, instead of listing uncommitted changes', () => {
      const note = renderHandoffNote({ ...EMPTY, branch: 'main', worktreeNote: 'git status timed out' });
      assert.deepEqual(section(note, '## Work in progress'), [
        'On branch `main`, with no upstream yet.',
        'The working tree was not read (git status timed out), so uncommitted changes are not listed here.',
        'Nothing unpushed.',
      ]);
    });
  });

  describe('my share after', () => {
    it('says so when my share is already below the threshold', () => {
      const note = renderHandoffNote({ ...FULL, share: { commits: 10, mySoloCommits: 3, myShare: 0.3, threshold: 0.5 } });
      assert.ok(note.includes('\n- **After:** My share of changes is already below the 50% nudge threshold.\n'));
    });

    it('needs one more change when my share sits exactly on the threshold', () => {
      const note = renderHandoffNote({ ...FULL, share: { commits: 10, mySoloCommits: 5, myShare: 0.5, threshold: 0.5 } });
      assert.ok(note.includes('\n- **After:** 1 more change by the owners would bring my share to 5 of 11 (45%), below the 50% nudge threshold.\n'));
    });

    it('is the smallest n with mySoloCommits / (commits + n) < threshold', () => {
      for (const threshold of [0.1, 0.3, 1 / 3, 0.5, 0.7, 0.9]) {
        for (let commits = 1; commits <= 30; commits++) {
          for (let solo = 0; solo <= commits; solo++) {
            let smallest = 0;
            while (!(solo / (commits + smallest) < threshold)) smallest++;
            assert.equal(changesToFallBelow(commits, solo, threshold), smallest, `${solo}/${commits} < ${threshold}`);
          }
        }
      }
    });

    it('has no answer without commits or with a threshold of zero', () => {
      assert.equal(changesToFallBelow(0, 0, 0.5), undefined);
      assert.equal(changesToFallBelow(10, 5, 0), undefined);
    });
  });

  describe('with hostile repository data everywhere', () => {
    const HOSTILE = 'x](command:foo) ![i](http://x) <img src=x onerror=alert(1)>\n# heading\n| table |\n- item &amp; `tick` *em*';
    const hostileCommit = { sha: 'e`vil](x)0000', time: NOW, subject: HOSTILE };
    const hostile: HandoffInput = {
      ...FULL,
      area: HOSTILE,
      owners: [HOSTILE, `@team ${HOSTILE}`],
      ownershipSource: HOSTILE,
      recipients: [
        { name: HOSTILE, email: `a@x>${HOSTILE}`, reason: HOSTILE },
        { name: HOSTILE, email: HOSTILE, reason: HOSTILE },
      ],
      me: { name: HOSTILE, email: HOSTILE },
      knowers: [{ name: HOSTILE, email: HOSTILE, knownFiles: 9, namedFiles: [HOSTILE, `\`${HOSTILE}`] }],
      moreKnowers: 1,
      myCommits: [hostileCommit],
      myFiles: [{ path: HOSTILE, added: 1, removed: 0 }],
      branch: HOSTILE,
      upstream: HOSTILE,
      unpushed: [hostileCommit],
      uncommitted: [{ path: HOSTILE, status: HOSTILE, added: 1, removed: 1 }],
      worktreeNote: HOSTILE,
      openThreads: [{ path: HOSTILE, text: HOSTILE, commit: 'e`vil](x)' }],
      aiAssistedCommits: 2,
      decisionFiles: [HOSTILE],
      linesReplaced: { total: 3, byPerson: [{ name: HOSTILE, email: HOSTILE, lines: 3 }], complete: false },
      linesReplacedProblems: [HOSTILE],
    };
    const note = renderHandoffNote(hostile);
    const benign = renderHandoffNote({ ...hostile, ...benignStrings(hostile) });

    /** The line without its code spans (read with CommonMark's fence rule) and backslash escapes. */
    function outsideCodeSpans(line: string): string {
      let rest = line;
      let result = '';
      for (;;) {
        const open = /`+/.exec(rest);
        if (!open) return (result + rest).replace(/\\./g, '');
        const fence = open[0];
        const afterOpen = rest.slice(open.index + fence.length);
        const close = new RegExp(`(?<!\`)${fence}(?!\`)`).exec(afterOpen);
        assert.ok(close, `unclosed code span in: ${line}`);
        result += rest.slice(0, open.index);
        rest = afterOpen.slice(close.index + fence.length);
      }
    }

    it('adds no line: every newline in the data stays inside its line', () => {
      assert.equal(note.split('\n').length, benign.split('\n').length);
    });

    it('lets no heading, list item, quote or table row start from the data: every line has the benign shape', () => {
      const shape = (text: string) => text.split('\n').map((line) => /^(#+ |- \[ \] |- |_|[|>!<[+*\d])?/.exec(line)?.[0] ?? '');
      assert.deepEqual(shape(note), shape(benign));
      assert.deepEqual(headings(note).slice(1), SECTION_HEADINGS);
    });

    it('leaves no link, image, HTML or table syntax outside code spans', () => {
      for (const line of note.split('\n')) {
        const prose = outsideCodeSpans(line.replace(/^- \[ \] /, ''));
        assert.ok(!prose.includes(']('), `link in: ${line}`);
        assert.ok(!/<img|<[a-z]/i.test(prose), `HTML in: ${line}`);
        assert.ok(!/[[\]<>|&]/.test(prose), `unescaped syntax in: ${line}`);
      }
    });

    it('keeps the payload escaped where it is prose', () => {
      const escaped = 'x\\](command:foo) !\\[i\\](http://x) \\<img src=x onerror=alert(1)\\> # heading \\| table \\| - item \\&amp; \\`tick\\` \\*em\\*';
      assert.ok(note.includes(`\n- **For:** ${escaped} (`), note.split('\n')[2]);
    });

    it('shows the area in the title as a code span: literal, on one line, nothing escaped', () => {
      assert.equal(note.split('\n')[0], '# Handoff: ``x](command:foo) ![i](http://x) <img src=x onerror=alert(1)> # heading | table | - item &amp; `tick` *em*``');
    });
  });
});

/** The same input with every string replaced by a plain word, to count a note's lines. */
function benignStrings(input: HandoffInput): Partial<HandoffInput> {
  const commit = (c: HandoffInput['myCommits'][number]) => ({ ...c, sha: 'abcdef1', subject: 'subject' });
  return {
    area: 'area',
    owners: input.owners.map(() => '@owner'),
    ownershipSource: 'CODEOWNERS',
    recipients: input.recipients.map(() => ({ name: 'Name', email: 'e@x', reason: 'reason' })),
    me: { name: 'Me', email: 'me@x' },
    knowers: input.knowers.map((k) => ({ ...k, name: 'Name', email: 'e@x', namedFiles: k.namedFiles.map(() => 'path') })),
    myCommits: input.myCommits.map(commit),
    myFiles: input.myFiles.map((f) => ({ ...f, path: 'path' })),
    branch: 'branch',
    upstream: 'upstream',
    unpushed: input.unpushed.map(commit),
    uncommitted: input.uncommitted.map((u) => ({ ...u, path: 'path', status: 'M' })),
    worktreeNote: 'note',
    openThreads: input.openThreads.map((t) => ({ ...t, path: 'path', text: 'TODO' })),
    decisionFiles: input.decisionFiles.map(() => 'path'),
    linesReplaced: input.linesReplaced && { ...input.linesReplaced, byPerson: input.linesReplaced.byPerson.map((p) => ({ ...p, name: 'Name', email: 'e@x' })) },
    linesReplacedProblems: input.linesReplacedProblems.map(() => 'problem'),
  };
}
