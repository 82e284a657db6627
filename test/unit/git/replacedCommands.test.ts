import { strict as assert } from 'node:assert';
import { blameParent, deletedRanges, parseBlamePorcelain, parseDeletedRanges } from '../../../src/core/replaced/replacedCommands';

// Literal output of git 2.39.5 `diff-tree -r -p -U0 -M --no-commit-id --src-prefix=a/
// --dst-prefix=b/ --no-ext-diff --no-textconv --no-color --no-relative` with core.quotePath=false:
// a quoted name (with the tab git adds), an added line reading `-- two`, a deleted file, a binary
// change, then (a second commit) a rename whose hunk omits its counts.
const PATCH =
  'diff --git "a/a \\"q\\".txt" "b/a \\"q\\".txt"\n' +
  'index f384549..fc7ec8c 100644\n' +
  '--- "a/a \\"q\\".txt"\t\n' +
  '+++ "b/a \\"q\\".txt"\t\n' +
  '@@ -2,2 +2 @@ one\n' +
  '-two\n' +
  '-three\n' +
  '+-- two\n' +
  'diff --git a/gone.txt b/gone.txt\n' +
  'deleted file mode 100644\n' +
  'index 587be6b..0000000\n' +
  '--- a/gone.txt\n' +
  '+++ /dev/null\n' +
  '@@ -1 +0,0 @@\n' +
  '-x\n' +
  'diff --git a/logo.bin b/logo.bin\n' +
  'index bdc955b..8835708 100644\n' +
  'Binary files a/logo.bin and b/logo.bin differ\n' +
  'diff --git a/f b/g\n' +
  'similarity index 66%\n' +
  'rename from f\n' +
  'rename to g\n' +
  'index 7be73ce..e642ff0 100644\n' +
  '--- a/f\n' +
  '+++ b/g\n' +
  '@@ -3 +3 @@ B\n' +
  '-c\n' +
  '+C\n' +
  'diff --git a/new.txt b/new.txt\n' +
  'new file mode 100644\n' +
  '--- /dev/null\n' +
  '+++ b/new.txt\n' +
  '@@ -0,0 +1 @@\n' +
  '+n\n';

// Literal git 2.39.5 `blame --porcelain -L 2,+2` output (a commit's details only the first time it
// appears, the mailmapped author), with a group's second line and a text line that looks like a header added.
const BLAME =
  '2cf24af4e6289b666a8d14bf045e6e44fe08c5b1 2 2 1\n' +
  'author Lee\n' +
  'author-mail <lee@x>\n' +
  'author-time 1796162125\n' +
  'author-tz +0000\n' +
  'committer Lee\n' +
  'committer-mail <lee@x>\n' +
  'committer-time 1796162125\n' +
  'committer-tz +0000\n' +
  'summary two\n' +
  'previous d5db9543cfa621e1f3f37f6b32145d14fae662fb f\n' +
  'filename f\n' +
  '\tB\n' +
  'd5db9543cfa621e1f3f37f6b32145d14fae662fb 3 3 2\n' +
  'author Ana Real\n' +
  'author-mail <ana@real>\n' +
  'author-time 1796162125\n' +
  'author-tz +0000\n' +
  'committer Ana\n' +
  'committer-mail <ana@x>\n' +
  'committer-time 1796162125\n' +
  'committer-tz +0000\n' +
  'summary one\n' +
  'boundary\n' +
  'filename f\n' +
  '\tc\n' +
  'd5db9543cfa621e1f3f37f6b32145d14fae662fb 4 4\n' +
  '\td5db9543cfa621e1f3f37f6b32145d14fae662fb 9 9 1\n';

describe('replaced-lines git commands', () => {
  it('reads the deleted ranges per old path: quoted names, deletions, renames; not added or binary files', () => {
    assert.deepEqual(parseDeletedRanges(PATCH), [
      { oldPath: 'a "q".txt', ranges: [[2, 2]] },
      { oldPath: 'gone.txt', ranges: [[1, 1]] },
      { oldPath: 'f', ranges: [[3, 1]] },
    ]);
  });

  it('counts blamed lines per commit with each commit’s mailmapped author; a line’s text never reads as a header', () => {
    const blamed = parseBlamePorcelain(BLAME);
    assert.deepEqual([...blamed.linesByCommit], [
      ['2cf24af4e6289b666a8d14bf045e6e44fe08c5b1', 1],
      ['d5db9543cfa621e1f3f37f6b32145d14fae662fb', 2],
    ]);
    assert.deepEqual(blamed.authors.get('d5db9543cfa621e1f3f37f6b32145d14fae662fb'), { name: 'Ana Real', email: 'ana@real' });
  });

  it('runs history-only commands with the recipe’s switches, and never takes a value for an option', () => {
    const sha = 'd5db9543cfa621e1f3f37f6b32145d14fae662fb';
    const diff = deletedRanges(sha, ['-x', 'a b']).args;
    assert.equal(diff[0], '--literal-pathspecs', 'paths are never pathspec magic');
    assert.deepEqual(diff.slice(-5), ['--end-of-options', sha, '--', '-x', 'a b']);
    for (const option of ['--no-ext-diff', '--no-textconv', '--no-color', '--no-relative', '-U0', '-M']) assert.ok(diff.includes(option), option);
    assert.deepEqual(blameParent(sha, '--output=x', [[3, 2]]).args, ['blame', '--porcelain', '--no-textconv', '--no-ignore-revs-file', '-L', '3,+2', `${sha}^`, '--', '--output=x']);
    assert.throws(() => blameParent('--contents=/etc/passwd', 'f', []), /not a commit id/);
    assert.throws(() => deletedRanges('HEAD', ['f']), /not a commit id/);
  });
});
