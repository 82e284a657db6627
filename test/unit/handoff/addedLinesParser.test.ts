import { strict as assert } from 'node:assert';
import { findOpenThreads, parseAddedLines, type AddedLine } from '../../../src/core/handoff/addedLinesParser';

const SECOND = '898446d69853801f381478c8117525ed9addab8b';
const FIRST = 'b95c610e9ae2ae527af2f27c5d0e99c0c91d2e47';
const QUOTED_NAME = 'a\tb"c-é.txt';

// Literal output of git 2.39.5 `log -p -U0 --format=%x1e%H --src-prefix=a/ --dst-prefix=b/
// --no-color` (default core.quotePath) on a temp repo: a new file whose name holds a tab, a quote
// and "é" (octal-quoted) with a content line `++ not a header`; a deleted file; a binary file; a
// file whose name has a space (git appends a tab to its ---/+++ lines) gaining lines that read
// `+++ b/fake.txt` and `diff --git …`; then the first commit, whose last hunk omits its count.
const LOG_OUTPUT =
  `\x1e${SECOND}\n` +
  '\n' +
  'diff --git "a/a\\tb\\"c-\\303\\251.txt" "b/a\\tb\\"c-\\303\\251.txt"\n' +
  'new file mode 100644\n' +
  'index 0000000..b521bbd\n' +
  '--- /dev/null\n' +
  '+++ "b/a\\tb\\"c-\\303\\251.txt"\n' +
  '@@ -0,0 +1,3 @@\n' +
  '+x\n' +
  '+// TODO: handle refunds\n' +
  '+++ not a header\n' +
  'diff --git a/gone.txt b/gone.txt\n' +
  'deleted file mode 100644\n' +
  'index 814f4a4..0000000\n' +
  '--- a/gone.txt\n' +
  '+++ /dev/null\n' +
  '@@ -1,2 +0,0 @@\n' +
  '-one\n' +
  '-two\n' +
  'diff --git a/logo.png b/logo.png\n' +
  'new file mode 100644\n' +
  'index 0000000..0f49c4a\n' +
  'Binary files /dev/null and b/logo.png differ\n' +
  'diff --git a/with space.txt b/with space.txt\n' +
  'index 2fa992c..59dc74f 100644\n' +
  '--- a/with space.txt\t\n' +
  '+++ b/with space.txt\t\n' +
  '@@ -1,0 +2,3 @@ keep\n' +
  '++++ b/fake.txt\n' +
  '+diff --git a/fake b/fake\n' +
  '+FIXME spaced  \n' +
  `\x1e${FIRST}\n` +
  '\n' +
  'diff --git a/gone.txt b/gone.txt\n' +
  'new file mode 100644\n' +
  'index 0000000..814f4a4\n' +
  '--- /dev/null\n' +
  '+++ b/gone.txt\n' +
  '@@ -0,0 +1,2 @@\n' +
  '+one\n' +
  '+two\n' +
  'diff --git a/with space.txt b/with space.txt\n' +
  'new file mode 100644\n' +
  'index 0000000..2fa992c\n' +
  '--- /dev/null\n' +
  '+++ b/with space.txt\t\n' +
  '@@ -0,0 +1 @@\n' +
  '+keep\n';

// The same kind of log with `-c core.quotePath=false`: non-ASCII stays raw, a tab and a quote are
// still C-quoted, and a quoted name with a space gets git's trailing tab after the closing quote.
const UNQUOTED_UTF8_LOG_OUTPUT =
  '\x1e849913ec8d5ccfa5bfbed3045065a0a2d71d5a5a\n' +
  '\n' +
  'diff --git "a/q \\"d\\tz.txt" "b/q \\"d\\tz.txt"\n' +
  'new file mode 100644\n' +
  'index 0000000..dba31ee\n' +
  '--- /dev/null\n' +
  '+++ "b/q \\"d\\tz.txt"\t\n' +
  '@@ -0,0 +1 @@\n' +
  '+HACK: é tab\n' +
  `\x1e${SECOND}\n` +
  '\n' +
  'diff --git "a/a\\tb\\"c-é.txt" "b/a\\tb\\"c-é.txt"\n' +
  'new file mode 100644\n' +
  'index 0000000..b521bbd\n' +
  '--- /dev/null\n' +
  '+++ "b/a\\tb\\"c-é.txt"\n' +
  '@@ -0,0 +1,3 @@\n' +
  '+x\n' +
  '+// TODO: handle refunds\n' +
  '+++ not a header\n';

// Literal output of `git diff -U0 HEAD` (no commit header): a staged new file, a replaced line
// that read `diff --git a/fake b/fake`, and an added last line without a trailing newline.
const WORKTREE_DIFF_OUTPUT =
  'diff --git a/new.txt b/new.txt\n' +
  'new file mode 100644\n' +
  'index 0000000..70bb3ac\n' +
  '--- /dev/null\n' +
  '+++ b/new.txt\n' +
  '@@ -0,0 +1 @@\n' +
  '+TODO uncommitted one\n' +
  'diff --git a/with space.txt b/with space.txt\n' +
  'index 59dc74f..be71597 100644\n' +
  '--- a/with space.txt\t\n' +
  '+++ b/with space.txt\t\n' +
  '@@ -3 +3 @@ keep\n' +
  '-diff --git a/fake b/fake\n' +
  '+changed XXX here\n' +
  '@@ -4,0 +5 @@ FIXME spaced\n' +
  '+no newline HACK\n' +
  '\\ No newline at end of file\n';

describe('parseAddedLines', () => {
  it('returns every added line of a log with its commit and unquoted path, and nothing else', () => {
    assert.deepEqual(parseAddedLines(LOG_OUTPUT), [
      { commit: SECOND, path: QUOTED_NAME, line: 'x' },
      { commit: SECOND, path: QUOTED_NAME, line: '// TODO: handle refunds' },
      { commit: SECOND, path: QUOTED_NAME, line: '++ not a header' },
      { commit: SECOND, path: 'with space.txt', line: '+++ b/fake.txt' },
      { commit: SECOND, path: 'with space.txt', line: 'diff --git a/fake b/fake' },
      { commit: SECOND, path: 'with space.txt', line: 'FIXME spaced  ' },
      { commit: FIRST, path: 'gone.txt', line: 'one' },
      { commit: FIRST, path: 'gone.txt', line: 'two' },
      { commit: FIRST, path: 'with space.txt', line: 'keep' },
    ]);
  });

  it('reads no line from a deleted file\'s hunk or a binary file', () => {
    const inSecond = parseAddedLines(LOG_OUTPUT).filter((added) => added.commit === SECOND);
    const paths = new Set(inSecond.map((added) => added.path));
    assert.deepEqual([...paths], [QUOTED_NAME, 'with space.txt']);
    assert.ok(!inSecond.some((added) => added.line === 'one' || added.line === 'two'));
  });

  it('unquotes raw UTF-8 and a quoted name followed by git\'s space marker tab', () => {
    assert.deepEqual(
      parseAddedLines(UNQUOTED_UTF8_LOG_OUTPUT).map((added) => [added.commit?.slice(0, 7), added.path, added.line]),
      [
        ['849913e', 'q "d\tz.txt', 'HACK: é tab'],
        ['898446d', QUOTED_NAME, 'x'],
        ['898446d', QUOTED_NAME, '// TODO: handle refunds'],
        ['898446d', QUOTED_NAME, '++ not a header'],
      ],
    );
  });

  it('reads a worktree diff, with no commit header, hunks with omitted counts and a no-newline marker', () => {
    assert.deepEqual(parseAddedLines(WORKTREE_DIFF_OUTPUT), [
      { commit: undefined, path: 'new.txt', line: 'TODO uncommitted one' },
      { commit: undefined, path: 'with space.txt', line: 'changed XXX here' },
      { commit: undefined, path: 'with space.txt', line: 'no newline HACK' },
    ]);
  });

  it('returns nothing for empty output', () => {
    assert.deepEqual(parseAddedLines(''), []);
  });
});

describe('findOpenThreads', () => {
  it('keeps keyword lines in the area, trimmed, with short shas', () => {
    const added = parseAddedLines(LOG_OUTPUT);
    assert.deepEqual(findOpenThreads(added, () => true), [
      { path: QUOTED_NAME, text: '// TODO: handle refunds', commit: '898446d' },
      { path: 'with space.txt', text: 'FIXME spaced', commit: '898446d' },
    ]);
  });

  it('leaves out files outside the area', () => {
    const added = parseAddedLines(LOG_OUTPUT);
    assert.deepEqual(findOpenThreads(added, (path) => path === 'with space.txt').map((thread) => thread.path), ['with space.txt']);
  });

  it('marks worktree lines as uncommitted and finds XXX and HACK', () => {
    assert.deepEqual(findOpenThreads(parseAddedLines(WORKTREE_DIFF_OUTPUT), () => true), [
      { path: 'new.txt', text: 'TODO uncommitted one', commit: undefined },
      { path: 'with space.txt', text: 'changed XXX here', commit: undefined },
      { path: 'with space.txt', text: 'no newline HACK', commit: undefined },
    ]);
  });

  it('matches whole, upper-case keywords only', () => {
    const lines = ['todo lower', 'TODOS plural', 'MY_TODO joined', 'x.FIXME() call', 'HACKY', '(XXX)'];
    const added: AddedLine[] = lines.map((line) => ({ commit: undefined, path: 'a.ts', line }));
    assert.deepEqual(findOpenThreads(added, () => true).map((thread) => thread.text), ['x.FIXME() call', '(XXX)']);
  });

  it('keeps the first of duplicate path+text pairs, but the same text in another file', () => {
    const added: AddedLine[] = [
      { commit: 'bbbbbbbbbb', path: 'a.ts', line: '  // TODO x' },
      { commit: 'aaaaaaaaaa', path: 'a.ts', line: '// TODO x\t' },
      { commit: 'aaaaaaaaaa', path: 'b.ts', line: '// TODO x' },
    ];
    assert.deepEqual(findOpenThreads(added, () => true), [
      { path: 'a.ts', text: '// TODO x', commit: 'bbbbbbb' },
      { path: 'b.ts', text: '// TODO x', commit: 'aaaaaaa' },
    ]);
  });

  it('caps the text at 200 characters without splitting an emoji', () => {
    const line = `TODO ${'🚀'.repeat(300)}`;
    const [thread] = findOpenThreads([{ commit: undefined, path: 'a.ts', line }], () => true);
    const codePoints = Array.from(thread?.text ?? '');
    assert.equal(codePoints.length, 200);
    assert.equal(codePoints[198], '🚀');
    assert.equal(codePoints[199], '…');
  });
});
