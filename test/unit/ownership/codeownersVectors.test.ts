import { strict as assert } from 'node:assert';
import { loadCodeowners } from '../../../src/core/ownership/codeownersLocation';
import { ownersOf, parseLines, problemLines, resolveIn } from './codeownersTestSupport';

// The 18 vectors of docs/authorship.md § CODEOWNERS, for each flavour the table answers.

describe('CODEOWNERS vector 1: `* @a` / `*.js @b` on src/x.js', () => {
  const lines = ['* @a', '*.js @b'];
  it('GitHub: @b (last match wins)', () => assert.deepEqual(ownersOf(lines, 'github', 'src/x.js'), ['@b']));
  it('GitLab: @b (last match wins within the section)', () => assert.deepEqual(ownersOf(lines, 'gitlab', 'src/x.js'), ['@b']));
});

describe('CODEOWNERS vector 2: `*.js @a` / `*.js @b` on x.js', () => {
  const lines = ['*.js @a', '*.js @b'];
  it('GitHub: @b', () => assert.deepEqual(ownersOf(lines, 'github', 'x.js'), ['@b']));
  it('GitLab: @b', () => assert.deepEqual(ownersOf(lines, 'gitlab', 'x.js'), ['@b']));
});

describe('CODEOWNERS vector 3: `/apps/ @o` / `/apps/github` on apps/github/x', () => {
  const lines = ['/apps/ @o', '/apps/github'];
  for (const flavor of ['github', 'gitlab'] as const) {
    it(`${flavor}: no owners, through the owner-less /apps/github rule`, () => {
      const match = resolveIn(lines.join('\n'), flavor, 'apps/github/x');
      assert.deepEqual(match?.owners, []);
      assert.equal(match?.area, '/apps/github');
      assert.deepEqual(ownersOf(lines, flavor, 'apps/gitlab/x'), ['@o']);
    });
  }
});

describe('CODEOWNERS vector 4: `docs/* @d` on docs/a/b.md', () => {
  const lines = ['docs/* @d'];
  for (const flavor of ['github', 'gitlab'] as const) {
    it(`${flavor}: none, a trailing * covers direct children only`, () => {
      assert.equal(ownersOf(lines, flavor, 'docs/a/b.md'), undefined);
      assert.deepEqual(ownersOf(lines, flavor, 'docs/a.md'), ['@d']);
    });
  }
});

describe('CODEOWNERS vector 5: `docs/* @d` on src/docs/x.md', () => {
  const lines = ['docs/* @d'];
  it('GitHub: none, a pattern with an inner / is anchored', () => assert.equal(ownersOf(lines, 'github', 'src/docs/x.md'), undefined));
  it('GitLab: @d, relative patterns match at any depth', () => assert.deepEqual(ownersOf(lines, 'gitlab', 'src/docs/x.md'), ['@d']));
});

describe('CODEOWNERS vector 6: `internal/README.md @i` on docs/internal/README.md', () => {
  const lines = ['internal/README.md @i'];
  it('GitHub: none (anchored)', () => assert.equal(ownersOf(lines, 'github', 'docs/internal/README.md'), undefined));
  it('GitLab: @i (any depth)', () => assert.deepEqual(ownersOf(lines, 'gitlab', 'docs/internal/README.md'), ['@i']));
});

describe('CODEOWNERS vector 7: `apps/ @o` on x/apps/y.js', () => {
  const lines = ['apps/ @o'];
  it('GitHub: @o, a trailing slash alone does not anchor', () => assert.deepEqual(ownersOf(lines, 'github', 'x/apps/y.js'), ['@o']));
  it('GitLab: @o', () => assert.deepEqual(ownersOf(lines, 'gitlab', 'x/apps/y.js'), ['@o']));
});

describe('CODEOWNERS vector 8: `**/logs @o` on a/b/logs/x', () => {
  it('GitHub: @o', () => assert.deepEqual(ownersOf(['**/logs @o'], 'github', 'a/b/logs/x'), ['@o']));
  it('GitLab (table silent; same directory rule as GitHub): @o, and the advised `logs/` too', () => {
    assert.deepEqual(ownersOf(['**/logs @o'], 'gitlab', 'a/b/logs/x'), ['@o']);
    assert.deepEqual(ownersOf(['logs/ @o'], 'gitlab', 'a/b/logs/x'), ['@o']);
  });
});

describe('CODEOWNERS vector 9: `*.md @a` on A.MD', () => {
  for (const flavor of ['github', 'gitlab'] as const) {
    it(`${flavor}: none, matching is case-sensitive`, () => {
      assert.equal(ownersOf(['*.md @a'], flavor, 'A.MD'), undefined);
      assert.deepEqual(ownersOf(['*.md @a'], flavor, 'a.md'), ['@a']);
    });
  }
});

describe('CODEOWNERS vector 10: `*.js @a # @b` on a.js', () => {
  const lines = ['*.js @a # @b'];
  it('GitHub: @a, the inline comment ends the owners', () => {
    assert.deepEqual(ownersOf(lines, 'github', 'a.js'), ['@a']);
    assert.deepEqual(parseLines(lines, 'github').problems, []);
  });
  it('GitLab: @a @b, the `#` word is dropped and reported', () => {
    assert.deepEqual(ownersOf(lines, 'gitlab', 'a.js'), ['@a', '@b']);
    assert.deepEqual(problemLines(parseLines(lines, 'gitlab')), [[1, 'Invalid owner']]);
  });
});

describe('CODEOWNERS vector 11: `\\#f.rb @x` on #f.rb', () => {
  const lines = ['\\#f.rb @x'];
  it('GitHub: unsupported, the line is an error and skipped', () => {
    const parsed = parseLines(lines, 'github');
    assert.deepEqual(problemLines(parsed), [[1, 'Unsupported syntax']]);
    assert.deepEqual(parsed.rules, []);
  });
  it('GitLab: @x', () => assert.deepEqual(ownersOf(lines, 'gitlab', '#f.rb'), ['@x']));
});

describe('CODEOWNERS vector 12: `!x.lock` on x.lock', () => {
  it('GitHub: error, the line is skipped', () => {
    const parsed = parseLines(['* @a', '!x.lock'], 'github');
    assert.deepEqual(problemLines(parsed), [[2, 'Unsupported syntax']]);
    assert.deepEqual(ownersOf(['* @a', '!x.lock'], 'github', 'x.lock'), ['@a']);
  });
  it('GitLab: excluded in that section', () => {
    const match = resolveIn('* @a\n!x.lock', 'gitlab', 'x.lock');
    assert.deepEqual(match?.owners, []);
    assert.equal(match?.rules[0]?.exclusion, true);
    assert.deepEqual(ownersOf(['* @a', '!x.lock'], 'gitlab', 'y.lock'), ['@a']);
  });
});

describe('CODEOWNERS vector 13: `a\\ b/ @s` on `a b/c`', () => {
  const lines = ['a\\ b/ @s'];
  it('GitHub (undocumented; we accept the escaped space): @s', () => assert.deepEqual(ownersOf(lines, 'github', 'a b/c'), ['@s']));
  it('GitLab: @s', () => {
    assert.deepEqual(ownersOf(lines, 'gitlab', 'a b/c'), ['@s']);
    assert.equal(parseLines(lines, 'gitlab').rules[0]?.pattern, 'a b/');
  });
});

describe('CODEOWNERS vector 14: `* docs@`', () => {
  it('GitHub: invalid owner, the line is skipped', () => {
    const parsed = parseLines(['* @a', '* docs@'], 'github');
    assert.deepEqual(problemLines(parsed), [[2, 'Invalid owner']]);
    assert.deepEqual(ownersOf(['* @a', '* docs@'], 'github', 'x'), ['@a']);
  });
  it('GitLab: the owner is ignored (reported), the rule stays and leaves no owners', () => {
    const parsed = parseLines(['* @a', '* docs@'], 'gitlab');
    assert.deepEqual(problemLines(parsed), [[2, 'Invalid owner']]);
    assert.deepEqual(ownersOf(['* @a', '* docs@'], 'gitlab', 'x'), []);
  });
});

describe('CODEOWNERS vector 15: `[Docs] @t` / `docs/` on docs/x', () => {
  const lines = ['[Docs] @t', 'docs/'];
  it('GitHub: error for the section header; `docs/` alone clears ownership', () => {
    assert.deepEqual(problemLines(parseLines(lines, 'github')), [[1, 'Invalid pattern']]);
    assert.deepEqual(ownersOf(lines, 'github', 'docs/x'), []);
  });
  it('GitLab: @t, the section default owner', () => assert.deepEqual(ownersOf(lines, 'gitlab', 'docs/x'), ['@t']));
});

describe('CODEOWNERS vector 16: default section plus [R] and [R2] on internal/README.md', () => {
  const lines = ['* @ad', '[R]', 'README.md @u1', 'internal/README.md @u4', '[R2]', 'README.md @u3'];
  it('GitLab: @ad @u4 @u3, the union of each section\'s last match', () => {
    const match = resolveIn(lines.join('\n'), 'gitlab', 'internal/README.md');
    assert.deepEqual(match?.owners, ['@ad', '@u4', '@u3']);
    assert.equal(match?.area, 'README.md');
    assert.deepEqual(match?.rules.map((rule) => rule.line), [1, 4, 6]);
  });
});

describe('CODEOWNERS vector 17: CRLF or BOM before `* @x`', () => {
  for (const flavor of ['github', 'gitlab'] as const) {
    it(`${flavor}: @x with CRLF`, () => {
      assert.deepEqual(resolveIn('# owners\r\n* @x\r\n', flavor, 'any')?.owners, ['@x']);
      assert.deepEqual(parseLines(['# owners\r', '* @x\r'], flavor).problems, []);
    });
    it(`${flavor}: @x with a BOM`, () => {
      assert.deepEqual(resolveIn('\uFEFF* @x', flavor, 'any')?.owners, ['@x']);
      assert.deepEqual(parseLines(['\uFEFF* @x'], flavor).problems, []);
    });
  }
});

describe('CODEOWNERS vector 18: both .github/CODEOWNERS and /CODEOWNERS', () => {
  const files = new Map([
    ['.github/CODEOWNERS', '* @from-github-dir'],
    ['CODEOWNERS', '* @from-root'],
  ]);
  const readFile = async (relPath: string) => {
    const text = files.get(relPath);
    return text === undefined ? undefined : { size: Buffer.byteLength(text), text };
  };
  const exists = async () => false;
  it('GitHub: .github wins', async () => {
    const loaded = await loadCodeowners(readFile, 'github', exists);
    assert.equal(loaded.sourcePath, '.github/CODEOWNERS');
    assert.deepEqual(loaded.rules.map((rule) => rule.owners), [['@from-github-dir']]);
  });
  it('GitLab: root wins', async () => {
    const loaded = await loadCodeowners(readFile, 'gitlab', exists);
    assert.equal(loaded.sourcePath, 'CODEOWNERS');
    assert.deepEqual(loaded.rules.map((rule) => rule.owners), [['@from-root']]);
  });
});
