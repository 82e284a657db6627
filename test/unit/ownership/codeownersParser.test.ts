import { strict as assert } from 'node:assert';
import { CODEOWNERS_MAX_BYTES, parseCodeowners } from '../../../src/core/ownership/codeownersParser';
import { parseLines, problemLines } from './codeownersTestSupport';

describe('parseCodeowners', () => {
  it('exports the 3 MB limit GitHub applies', () => {
    assert.equal(CODEOWNERS_MAX_BYTES, 3_145_728);
  });

  describe('GitHub', () => {
    const file = [
      '# Owners of the repository', // 1
      '* @acme/everyone', // 2
      '!x.lock @a', // 3
      '[Docs] @t', // 4
      '\\#f.rb @x', // 5
      '[ab].js @y', // 6
      '*.md docs@ @ok', // 7
      '', // 8
      '   docs/ @d jane@acme.com # docs team', // 9
      '/build/', // 10
      '^[Optional][2] @o', // 11
    ];
    const parsed = parseLines(file, 'github');

    it('reports every invalid line with its line number and kind', () => {
      assert.deepEqual(problemLines(parsed), [
        [3, 'Unsupported syntax'],
        [4, 'Invalid pattern'],
        [5, 'Unsupported syntax'],
        [6, 'Unsupported syntax'],
        [7, 'Invalid owner'],
        [11, 'Invalid pattern'],
      ]);
    });

    it('says specifically what is wrong', () => {
      const messages = parsed.problems.map((problem) => problem.message);
      assert.match(messages[0] ?? '', /^`!x\.lock`: GitHub does not support `!`/);
      assert.match(messages[1] ?? '', /^`\[Docs\]` is a GitLab section header/);
      assert.match(messages[2] ?? '', /escaping `#`/);
      assert.match(messages[3] ?? '', /`\[ \]` character ranges/);
      assert.match(messages[4] ?? '', /^`docs@` is not a valid owner/);
      assert.match(messages[5] ?? '', /^`\^\[Optional\]\[2\]` is a GitLab section header/);
    });

    it('keeps the valid lines as ordered rules, inline comments removed', () => {
      assert.deepEqual(parsed.rules, [
        { pattern: '*', owners: ['@acme/everyone'], source: 'codeowners', sourcePath: 'CODEOWNERS', line: 2 },
        { pattern: 'docs/', owners: ['@d', 'jane@acme.com'], source: 'codeowners', sourcePath: 'CODEOWNERS', line: 9 },
        { pattern: '/build/', owners: [], source: 'codeowners', sourcePath: 'CODEOWNERS', line: 10 },
      ]);
    });

    it('reports one problem per invalid owner and skips the line', () => {
      const withTwo = parseLines(['*.js @ok docs@ @', '*.ts @ok'], 'github');
      assert.deepEqual(problemLines(withTwo), [[1, 'Invalid owner'], [1, 'Invalid owner']]);
      assert.deepEqual(withTwo.rules.map((rule) => rule.line), [2]);
    });

    it('accepts a `#` inside a pattern and an `!` that does not lead it', () => {
      const parsed = parseLines(['a#b!c @x'], 'github');
      assert.deepEqual(parsed.problems, []);
      assert.equal(parsed.rules[0]?.pattern, 'a#b!c');
    });
  });

  describe('GitLab', () => {
    it('reads sections, optional sections, approvals and default owners', () => {
      const parsed = parseLines(['[Docs] @t', 'docs/', '^[Database][2] @db @@maintainer', 'db/ @dba', 'model/'], 'gitlab');
      assert.deepEqual(parsed.problems, []);
      assert.deepEqual(
        parsed.rules.map((rule) => [rule.pattern, rule.section, rule.owners]),
        [
          ['docs/', 'Docs', ['@t']],
          ['db/', 'Database', ['@dba']],
          ['model/', 'Database', ['@db', '@@maintainer']],
        ],
      );
    });

    it('merges sections case-insensitively under the first spelling, keeping earlier default owners', () => {
      const parsed = parseLines(['[Docs] @t', 'a/', '[DOCS]', 'b/', '[docs] @u', 'c/'], 'gitlab');
      assert.deepEqual(
        parsed.rules.map((rule) => [rule.section, rule.owners]),
        [
          ['Docs', ['@t']],
          ['Docs', ['@t']],
          ['Docs', ['@u']],
        ],
      );
    });

    it('puts rules before any header in the default section (no `section` field)', () => {
      const [rule] = parseLines(['* @a'], 'gitlab').rules;
      assert.equal(rule !== undefined && 'section' in rule, false);
    });

    it('reports malformed section headers as Invalid section and keeps the previous section', () => {
      const parsed = parseLines(['[Docs] @t', '[Unclosed @x', '[]', '[Db][two]', '[abc]*.js @o', 'a/'], 'gitlab');
      assert.deepEqual(problemLines(parsed), [
        [2, 'Invalid section'],
        [3, 'Invalid section'],
        [4, 'Invalid section'],
        [5, 'Invalid section'],
      ]);
      assert.match(parsed.problems[3]?.message ?? '', /write `\*\*\/\[…\]`/);
      assert.deepEqual(parsed.rules.map((rule) => [rule.pattern, rule.section, rule.owners]), [['a/', 'Docs', ['@t']]]);
    });

    it('reads a line starting with an escaped `[` or `**/[` as a pattern', () => {
      const parsed = parseLines(['\\[abc].js @o', '**/[abc]*.js @p'], 'gitlab');
      assert.deepEqual(parsed.problems, []);
      assert.deepEqual(parsed.rules.map((rule) => rule.pattern), ['\\[abc].js', '**/[abc]*.js']);
    });

    it('keeps the valid owners of a line and reports each invalid word', () => {
      const parsed = parseLines(['*.js @a nobody docs@ @b'], 'gitlab');
      assert.deepEqual(problemLines(parsed), [[1, 'Invalid owner'], [1, 'Invalid owner']]);
      assert.deepEqual(parsed.rules[0]?.owners, ['@a', '@b']);
    });

    it('reports invalid default owners on the header line', () => {
      const parsed = parseLines(['[Docs] @t team-docs', 'docs/'], 'gitlab');
      assert.deepEqual(problemLines(parsed), [[1, 'Invalid owner']]);
      assert.deepEqual(parsed.rules[0]?.owners, ['@t']);
    });

    it('reads `!pattern` as an exclusion with no owners, ignoring owners written after it', () => {
      const parsed = parseLines(['[Locks] @l', '!*.lock @someone'], 'gitlab');
      assert.deepEqual(parsed.problems, []);
      assert.deepEqual(parsed.rules, [
        { pattern: '*.lock', owners: [], source: 'codeowners', sourcePath: 'CODEOWNERS', line: 2, section: 'Locks', exclusion: true },
      ]);
    });

    it('reports a lone `!` as an invalid pattern', () => {
      assert.deepEqual(problemLines(parseLines(['!', '! @a'], 'gitlab')), [[1, 'Invalid pattern'], [2, 'Invalid pattern']]);
    });

    it('unescapes `\\#` and `\\ `, keeping other escapes for the matcher', () => {
      const parsed = parseLines(['\\#f.rb @x', 'path\\ with\\ spaces/ @s', 'lit\\*.js @l'], 'gitlab');
      assert.deepEqual(parsed.rules.map((rule) => rule.pattern), ['#f.rb', 'path with spaces/', 'lit\\*.js']);
    });
  });

  describe('both flavours', () => {
    for (const flavor of ['github', 'gitlab'] as const) {
      it(`${flavor}: counts lines the same with a BOM and CRLF, CR or LF endings`, () => {
        for (const newline of ['\r\n', '\r', '\n']) {
          const parsed = parseCodeowners(`\uFEFF* @a${newline}${newline}*.js docs@${newline}`, flavor, 'CODEOWNERS');
          assert.deepEqual(problemLines(parsed), [[3, 'Invalid owner']], JSON.stringify(newline));
          assert.deepEqual(parsed.rules[0]?.pattern, '*');
        }
      });

      it(`${flavor}: records the source path on every rule`, () => {
        const parsed = parseCodeowners('* @a', flavor, '.github/CODEOWNERS');
        assert.equal(parsed.rules[0]?.sourcePath, '.github/CODEOWNERS');
      });

      it(`${flavor}: rejects patterns too complex to match safely`, () => {
        const parsed = parseLines(['*a*b*c*d.js @x', '**/a/**/b/**/c/**/d @x', `${'a'.repeat(5000)} @x`, '*a*b*c.js @ok'], flavor);
        assert.deepEqual(problemLines(parsed), [[1, 'Invalid pattern'], [2, 'Invalid pattern'], [3, 'Invalid pattern']]);
        assert.deepEqual(parsed.rules.map((rule) => rule.line), [4]);
      });

      it(`${flavor}: accepts emails, users and teams as owners`, () => {
        const parsed = parseLines(['* @user @org/team jane.doe+ci@example.co.uk'], flavor);
        assert.deepEqual(parsed.problems, []);
        assert.deepEqual(parsed.rules[0]?.owners, ['@user', '@org/team', 'jane.doe+ci@example.co.uk']);
      });
    }
  });
});
