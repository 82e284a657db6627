import { strict as assert } from 'node:assert';
import { compileCodeownersPattern, patternComplexityProblem } from '../../../src/core/ownership/codeownersPattern';
import type { CodeownersFlavor } from '../../../src/core/ownership/types';

/** The subset of `paths` the pattern matches, so one assertion shows hits and misses together. */
function matched(pattern: string, flavor: CodeownersFlavor, paths: readonly string[]): string[] {
  const matches = compileCodeownersPattern(pattern, flavor);
  return paths.filter((path) => matches(path));
}

describe('compileCodeownersPattern', () => {
  for (const flavor of ['github', 'gitlab'] as const) {
    describe(flavor, () => {
      it('matches a slash-less pattern at any depth', () => {
        assert.deepEqual(matched('*.js', flavor, ['x.js', 'a/b/x.js', 'x.ts', 'a/x.jsx']), ['x.js', 'a/b/x.js']);
      });

      it('anchors a leading slash to the root', () => {
        assert.deepEqual(matched('/docs', flavor, ['docs', 'docs/a/b.md', 'src/docs/a.md', 'docs2/a']), ['docs', 'docs/a/b.md']);
      });

      it('reads a trailing slash as everything below a directory, not a file of that name', () => {
        assert.deepEqual(matched('/apps/', flavor, ['apps', 'apps/x', 'apps/a/b/c', 'x/apps/y']), ['apps/x', 'apps/a/b/c']);
      });

      it('lets a wildcard-free last segment name a directory too', () => {
        assert.deepEqual(matched('/apps/github', flavor, ['apps/github', 'apps/github/x', 'apps/github/a/b', 'apps/githubber']), [
          'apps/github',
          'apps/github/x',
          'apps/github/a/b',
        ]);
      });

      it('keeps a wildcard last segment to direct children', () => {
        assert.deepEqual(matched('/docs/*', flavor, ['docs/a.md', 'docs/a/b.md', 'docs/.hidden']), ['docs/a.md', 'docs/.hidden']);
        assert.deepEqual(matched('/src/*.ts', flavor, ['src/a.ts', 'src/a.ts/b', 'src/x/a.ts']), ['src/a.ts']);
      });

      it('treats ** like gitignore', () => {
        assert.deepEqual(matched('**/logs', flavor, ['logs', 'logs/x', 'a/b/logs/x', 'a/logsx/y']), ['logs', 'logs/x', 'a/b/logs/x']);
        assert.deepEqual(matched('/docs/**/*.md', flavor, ['docs/a.md', 'docs/a/b/c.md', 'docs/a/b/c.txt']), ['docs/a.md', 'docs/a/b/c.md']);
        assert.deepEqual(matched('/docs/**', flavor, ['docs/a', 'docs/a/b/c', 'other/a']), ['docs/a', 'docs/a/b/c']);
      });

      it('matches dotfiles and dot directories with wildcards', () => {
        assert.deepEqual(matched('*', flavor, ['.env', '.github/workflows/ci.yml', 'a/.b/c']), ['.env', '.github/workflows/ci.yml', 'a/.b/c']);
        assert.deepEqual(matched('*.yml', flavor, ['.github/workflows/ci.yml', '.yml']), ['.github/workflows/ci.yml', '.yml']);
      });

      it('is case-sensitive', () => {
        assert.deepEqual(matched('*.md', flavor, ['a.md', 'A.MD', 'a.Md']), ['a.md']);
        assert.deepEqual(matched('/Docs/', flavor, ['Docs/a', 'docs/a']), ['Docs/a']);
      });

      it('lets ? match one character but never a slash', () => {
        assert.deepEqual(matched('/a?c', flavor, ['abc', 'a/c', 'ac', 'abbc']), ['abc']);
      });

      it('keeps braces literal and fast, even a {1..1000000} range', () => {
        const pattern = `/ids/{1..1000000}${'{1..1000000}'.repeat(200)}.txt`;
        const started = process.hrtime.bigint();
        const matches = compileCodeownersPattern(pattern, flavor);
        const paths = ['ids/1.txt', 'ids/500000.txt', pattern.slice(1)];
        assert.deepEqual(paths.filter((path) => matches(path)), [pattern.slice(1)]);
        assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 200, 'compiling and matching took over 200 ms');
        assert.deepEqual(matched('/{a,b}.js', flavor, ['a.js', '{a,b}.js']), ['{a,b}.js']);
      });

      it('gives no meaning to extglob and regex characters', () => {
        assert.deepEqual(matched('/(a|b).js', flavor, ['a.js', '(a|b).js']), ['(a|b).js']);
        assert.deepEqual(matched('/+(a).js', flavor, ['a.js', 'aa.js', '+(a).js']), ['+(a).js']);
        assert.deepEqual(matched('/@(a).js', flavor, ['a.js', '@(a).js']), ['@(a).js']);
        assert.deepEqual(matched('/$^.js', flavor, ['$^.js', 'x.js']), ['$^.js']);
        assert.deepEqual(matched('/!x', flavor, ['!x', 'y']), ['!x']);
      });

      it('reads a backslash as making the next character literal', () => {
        assert.deepEqual(matched('/lit\\*.js', flavor, ['lit*.js', 'litx.js']), ['lit*.js']);
        assert.deepEqual(matched('/a b/', flavor, ['a b/c', 'a/c']), ['a b/c']);
      });

      it('matches nothing for an empty pattern or a lone slash', () => {
        assert.deepEqual(matched('', flavor, ['a', 'a/b']), []);
        assert.deepEqual(matched('/', flavor, ['a', 'a/b']), []);
      });

      it('matches nothing, quickly, for a pattern too complex to match safely', () => {
        const started = process.hrtime.bigint();
        assert.deepEqual(matched('*a*a*a*a*b', flavor, [`${'a'.repeat(255)}b`, 'a'.repeat(255)]), []);
        assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 200);
      });
    });
  }

  it('anchors an inner slash on GitHub only', () => {
    assert.deepEqual(matched('docs/*.md', 'github', ['docs/a.md', 'src/docs/a.md']), ['docs/a.md']);
    assert.deepEqual(matched('docs/*.md', 'gitlab', ['docs/a.md', 'src/docs/a.md']), ['docs/a.md', 'src/docs/a.md']);
  });

  it('reads [ ] as a character class on GitLab, with ! or ^ negating, and literally on GitHub', () => {
    assert.deepEqual(matched('/[ab].js', 'gitlab', ['a.js', 'b.js', 'c.js', '[ab].js']), ['a.js', 'b.js']);
    assert.deepEqual(matched('/[!ab].js', 'gitlab', ['a.js', 'c.js']), ['c.js']);
    assert.deepEqual(matched('/[^ab].js', 'gitlab', ['a.js', 'c.js']), ['c.js']);
    assert.deepEqual(matched('/a[/]b', 'gitlab', ['a/b', 'a[/]b']), ['a[/]b']);
    assert.deepEqual(matched('/[ab].js', 'github', ['a.js', '[ab].js']), ['[ab].js']);
  });
});

describe('patternComplexityProblem', () => {
  it('accepts realistic patterns', () => {
    for (const pattern of ['*', '/src/**/*.test.ts', '*.spec.*', '**/a/**/b/**/c', `/${'a'.repeat(4000)}`]) {
      assert.equal(patternComplexityProblem(pattern), undefined, pattern);
    }
  });

  it('names the limit a pattern exceeds', () => {
    assert.match(patternComplexityProblem('*a*b*c*d') ?? '', /more than 3 `\*` wildcards/);
    assert.match(patternComplexityProblem('**/a/**/b/**/c/**') ?? '', /more than 3 `\*\*` segments/);
    assert.match(patternComplexityProblem('a'.repeat(4097)) ?? '', /longer than 4096/);
  });

  it('does not count escaped stars', () => {
    assert.equal(patternComplexityProblem('\\*a\\*b\\*c\\*d'), undefined);
  });
});
