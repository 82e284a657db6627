import { strict as assert } from 'node:assert';
import { LogFormatError, parseNameStatusLog, parseNumstatLog, NameStatusLogParser } from '../../../src/core/git/logParser';
import { NulTokenizer, splitNulTokens } from '../../../src/core/git/nulTokenizer';

// Literal output of git 2.39 `log -z --name-status -M` with HISTORY_FORMAT, including a file
// name with a newline, a quote and a 0x1e byte, an emoji author, an empty commit and a rename.
const NAME_STATUS_OUTPUT =
  '\x1e65decbc34714923cd1a1fb00d388ea227a8e8afd\x00Zoë 🚀\x00a@x\x001767225600\x00\x00odd names\x00\nA\x00new\nline"q\x1e.txt\x00' +
  '\x1e55796519f78a125aa5ead9287b66bcc4a0bf6a01\x00A\x00a@x\x001795229220\x00\x00third\x00\nA\x00we ird\\tname\x00' +
  '\x1ee26579957d8ec699e054ac0657070dc8f1a2a834\x00A\x00a@x\x001795229220\x00\x00empty\x00' +
  '\x1ed22a76174003549b4540bdee12c27b8709817448\x00A\x00a@x\x001795229220\x00\x00second\x00\nR100\x00a\x00b\x00A\x00c\x00' +
  '\x1e98cc7ddfc34be24cf3b0aa9e7c8fed3c557e8464\x00A\x00a@x\x001795229220\x00Co-authored-by: Bob <b@x>\x1fCo-Authored-By: Carol <c@x>\x1fAssisted-by: Claude Code\x1fMade-with: Cursor\x00first\x00\nA\x00a\x00';

const NUMSTAT_OUTPUT =
  '\x1e65decbc34714923cd1a1fb00d388ea227a8e8afd\x00\n1\t0\tnew\nline"q\x1e.txt\x00' +
  '\x1e55796519f78a125aa5ead9287b66bcc4a0bf6a01\x00\n1\t0\twe ird\\tname\x00' +
  '\x1ee26579957d8ec699e054ac0657070dc8f1a2a834\x00' +
  '\x1ed22a76174003549b4540bdee12c27b8709817448\x00\n0\t0\t\x00a\x00b\x001\t0\tc\x00' +
  '\x1e98cc7ddfc34be24cf3b0aa9e7c8fed3c557e8464\x00\n-\t-\tlogo.png\x00';

describe('NUL tokenizer', () => {
  it('keeps a multi-byte character whole when a chunk boundary splits it', () => {
    const bytes = new TextEncoder().encode('zoë\x00🚀\x00');
    const tokens: string[] = [];
    for (let cut = 1; cut < bytes.length; cut++) {
      tokens.length = 0;
      const tokenizer = new NulTokenizer((t) => tokens.push(t));
      tokenizer.push(bytes.subarray(0, cut));
      tokenizer.push(bytes.subarray(cut));
      tokenizer.end();
      assert.deepEqual(tokens, ['zoë', '🚀'], `cut at ${cut}`);
    }
  });

  it('decodes invalid UTF-8 in a name to U+FFFD instead of failing', () => {
    assert.deepEqual(splitNulTokens(new Uint8Array([0x61, 0xff, 0x62, 0x00])), ['a\ufffdb']);
  });
});

describe('name-status log parser', () => {
  it('reads every commit with its author, time, co-authors, subject and changes', () => {
    const commits = parseNameStatusLog(NAME_STATUS_OUTPUT);
    assert.equal(commits.length, 5);
    assert.deepEqual(commits[0], {
      sha: '65decbc34714923cd1a1fb00d388ea227a8e8afd',
      authorName: 'Zoë 🚀',
      authorEmail: 'a@x',
      authorTime: 1767225600,
      coAuthors: [],
      aiAttributions: [],
      subject: 'odd names',
      changes: [{ status: 'A', path: 'new\nline"q\x1e.txt' }],
    });
    assert.deepEqual(commits[1]?.changes, [{ status: 'A', path: 'we ird\\tname' }]);
    assert.deepEqual(commits[2]?.changes, [], 'an empty commit has no changes');
    assert.equal(commits[2]?.subject, 'empty');
    assert.deepEqual(commits[3]?.changes, [
      { status: 'R', oldPath: 'a', path: 'b' },
      { status: 'A', path: 'c' },
    ]);
    assert.deepEqual(commits[4]?.coAuthors, ['Bob <b@x>', 'Carol <c@x>'], 'co-author keys match in any case');
    assert.deepEqual(commits[4]?.aiAttributions, ['Claude Code', 'Cursor']);
  });

  it('gives the same result however the stream is chunked', () => {
    const bytes = new TextEncoder().encode(NAME_STATUS_OUTPUT);
    const whole = parseNameStatusLog(bytes);
    for (const size of [1, 2, 3, 7, 64]) {
      const commits: unknown[] = [];
      const parser = new NameStatusLogParser((c) => commits.push(c));
      for (let i = 0; i < bytes.length; i += size) parser.push(bytes.subarray(i, i + size));
      assert.equal(parser.end(), 5);
      assert.deepEqual(commits, whole, `chunks of ${size}`);
    }
  });

  it('reads copies and type changes', () => {
    const out = '\x1e' + 'a'.repeat(40) + '\x00N\x00n@x\x001\x00\x00s\x00\nC75\x00src/a\x00src/b\x00T\x00link\x00D\x00gone\x00';
    assert.deepEqual(parseNameStatusLog(out)[0]?.changes, [
      { status: 'C', oldPath: 'src/a', path: 'src/b' },
      { status: 'T', path: 'link' },
      { status: 'D', path: 'gone' },
    ]);
  });

  it('rejects output that is not what the format asked for, with a specific error', () => {
    assert.throws(() => parseNameStatusLog('commit 123\nAuthor: x\n'), LogFormatError);
    assert.throws(() => parseNameStatusLog('\x1enot-a-sha\x00N\x00e\x001\x00\x00s\x00'), /bad commit id/);
    assert.throws(() => parseNameStatusLog('\x1e' + 'a'.repeat(40) + '\x00N\x00e\x001\x00\x00s\x00\n?\x00x\x00'), /unknown change status/);
    assert.throws(() => parseNameStatusLog('\x1e' + 'a'.repeat(40) + '\x00N\x00e\x001\x00\x00s\x00\nR100\x00old\x00'), /cut short/);
  });
});

describe('numstat log parser', () => {
  it('reads line counts, renames (empty path then two names) and binary files', () => {
    const commits = parseNumstatLog(NUMSTAT_OUTPUT);
    assert.deepEqual(
      commits.map((c) => c.files),
      [
        [{ path: 'new\nline"q\x1e.txt', added: 1, removed: 0 }],
        [{ path: 'we ird\\tname', added: 1, removed: 0 }],
        [],
        [
          { path: 'b', oldPath: 'a', added: 0, removed: 0 },
          { path: 'c', added: 1, removed: 0 },
        ],
        [{ path: 'logo.png', added: null, removed: null }],
      ],
    );
    assert.equal(commits[3]?.sha, 'd22a76174003549b4540bdee12c27b8709817448');
  });
});
