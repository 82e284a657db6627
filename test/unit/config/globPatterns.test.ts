import { strict as assert } from 'node:assert';
import { botPatternProblem, globPatternProblem } from '../../../src/core/config/globPatterns';

const RANGE_ADVICE = 'which can expand to a huge number of patterns; list the alternatives instead, e.g. {a,b,c}';

describe('glob pattern checks', () => {
  const accepted = [
    'src/**',
    '*.{js,ts}',
    '{a,b}/{c,d}',
    '{src,../lib}/index.ts',
    'a/\\{1..9\\}',
    'a.b..c',
    '{a,b}'.repeat(10),
    '**/*.generated.*',
    '**/a/**/b/**',
    '*a*b*c',
  ];
  for (const pattern of accepted) {
    it(`accepts ${pattern}`, () => assert.equal(globPatternProblem(pattern), undefined));
  }

  const rejected: Array<[string, string]> = [
    ['{1..9}', `uses the brace range {1..9}, ${RANGE_ADVICE}`],
    ['src/{a..z}/x', `uses the brace range {a..z}, ${RANGE_ADVICE}`],
    ['x/{01..10..2}.ts', `uses the brace range {01..10..2}, ${RANGE_ADVICE}`],
    ['{a,{1..3}}', `uses the brace range {1..3}, ${RANGE_ADVICE}`],
    ['{a,b}'.repeat(11), 'has 11 brace groups; at most 10 are allowed because each one multiplies the patterns to match'],
    ['{a,{b,{c,{d,{e,{f,{g,{h,{i,{j,{k}}}}}}}}}}}', 'has 11 brace groups; at most 10 are allowed because each one multiplies the patterns to match'],
    ['**/*a*a*a*a*b', 'has 5 `*` wildcards in one path segment; at most 3 are allowed because more can make matching one long file name take minutes'],
    ['**/a/**/b/**/c/**', 'has 4 `**` segments; at most 3 are allowed because each one makes matching slower'],
    ['', 'must not be empty'],
    ['a'.repeat(1001), 'is 1001 characters long; the limit is 1000'],
  ];
  for (const [pattern, message] of rejected) {
    it(`rejects ${pattern.length > 40 ? `${pattern.slice(0, 40)}…` : JSON.stringify(pattern)}`, () => {
      assert.equal(globPatternProblem(pattern), message);
    });
  }

  it('accepts exactly the length limit, and applies a tighter one when asked', () => {
    assert.equal(globPatternProblem('a'.repeat(1000)), undefined);
    assert.equal(globPatternProblem('a'.repeat(501), 500), 'is 501 characters long; the limit is 500');
  });

  it('bounds the wildcards of a bot pattern, which is matched against names the repository chose', () => {
    assert.equal(botPatternProblem('renovate*@users.noreply.github.com'), undefined);
    assert.equal(botPatternProblem('*bot*'), undefined);
    assert.equal(botPatternProblem('*a*a*a*b'), 'has 4 `*` wildcards; at most 3 are allowed because more can make matching one long name take minutes');
    assert.equal(botPatternProblem('\\*a\\*a\\*a\\*b'), undefined, 'escaped stars are literal');
  });
});
