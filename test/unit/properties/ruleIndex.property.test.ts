/**
 * The indexed matcher tests only the rules a path may match; it must answer exactly what testing
 * every rule answers, last match and GitLab sections included, for CODEOWNERS of both flavours
 * and for the ownership map, on rules and paths made to collide and to be odd.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { areaDirectoryOf } from '../../../src/core/areas/areaDirectories';
import { parseCodeowners } from '../../../src/core/ownership/codeownersParser';
import { createOwnershipResolver, ownershipRulesFromSettings } from '../../../src/core/ownership/ownershipResolver';
import { indexedRules, lastMatch, linearRules } from '../../../src/core/ownership/ruleIndex';
import type { CodeownersFlavor } from '../../../src/core/ownership/types';

const flavor: fc.Arbitrary<CodeownersFlavor> = fc.constantFrom('github', 'gitlab');

/** Path segments that rules and paths share, so that rules match often, plus odd ones. */
const PATH_SEGMENTS = ['a', 'b', 'src', 'docs', 'x.js', 'a.md', 'x.test.ts', 'logs', 'é', 'a b', '.', '..', '', '*', 'a*b', '[ab]', '😀.md', '.hidden', 'a\nb', '\u2028', 'x\r'];
/** Pattern segments: literals, wildcards, classes, escapes, globstars. */
const PATTERN_SEGMENTS = [...PATH_SEGMENTS, '*', '**', '*.js', '*.md', '?', '?.js', 'x*', '*s', '[ab]', '[!a]', '[a-z]*', '\\*', 'a\\ b', 'a\\', '\\#x', '*.test.ts', '**/*', '*😀.md'];

const patternText = fc
  .tuple(fc.boolean(), fc.array(fc.constantFrom(...PATTERN_SEGMENTS), { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([rooted, segments, directory]) => `${rooted ? '/' : ''}${segments.join('/')}${directory ? '/' : ''}`);

/** Mostly shared segments, sometimes with a leading or trailing `/` (picomatch reads those its own way). */
const path = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.constantFrom('', '', '', '/'), fc.array(fc.constantFrom(...PATH_SEGMENTS), { minLength: 1, maxLength: 5 }), fc.constantFrom('', '', '', '/'))
      .map(([lead, segments, trail]) => `${lead}${segments.join('/')}${trail}`),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);

/** A CODEOWNERS file: rules with owners or none, and (read as GitLab) sections and exclusions. */
const codeownersLine = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(patternText, fc.constantFrom('@a', '@b @c', '', '@org/team')).map(([pattern, owners]) => `${pattern.replace(/ /g, '\\ ')} ${owners}`) },
  { weight: 1, arbitrary: patternText.map((pattern) => `!${pattern}`) },
  { weight: 1, arbitrary: fc.constantFrom('[Docs]', '[docs] @d', '^[Optional][2] @o', '[Other] @x') },
);
const codeownersText = fc.array(codeownersLine, { maxLength: 30 }).map((lines) => lines.join('\n'));

describe('property: the indexed CODEOWNERS matcher equals testing every rule', () => {
  it('gives the same owner, area and rules for every path, in both flavours', () => {
    fc.assert(
      fc.property(codeownersText, flavor, fc.array(path, { minLength: 1, maxLength: 20 }), (text, chosen, paths) => {
        const { rules } = parseCodeowners(text, chosen, 'CODEOWNERS');
        const input = { settingsRules: [], codeownersRules: rules, flavor: chosen };
        const indexed = createOwnershipResolver(input);
        const linear = createOwnershipResolver(input, linearRules);
        for (const p of paths) assert.deepEqual(indexed.ownerOf(p), linear.ownerOf(p), `${JSON.stringify(p)} under\n${text}`);
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the same answer for the ownership map, which wins over CODEOWNERS', () => {
    const map = fc.array(fc.tuple(patternText, fc.constantFrom([], ['@m'], ['@n', '@m'])), { maxLength: 15 }).map((entries) => entries.map(([pattern, owners]) => ({ pattern, owners })));
    fc.assert(
      fc.property(map, codeownersText, flavor, fc.array(path, { minLength: 1, maxLength: 20 }), (entries, text, chosen, paths) => {
        const input = { settingsRules: ownershipRulesFromSettings(entries), codeownersRules: parseCodeowners(text, chosen, 'CODEOWNERS').rules, flavor: chosen };
        const indexed = createOwnershipResolver(input);
        const linear = createOwnershipResolver(input, linearRules);
        for (const p of paths) assert.deepEqual(indexed.ownerOf(p), linear.ownerOf(p), JSON.stringify({ p, entries }));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the same last match for any list of raw patterns', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(patternText, fc.string({ maxLength: 12 })), { maxLength: 40 }), flavor, fc.array(path, { minLength: 1, maxLength: 20 }), (patterns, chosen, paths) => {
        const indexed = indexedRules(patterns, chosen);
        const linear = linearRules(patterns, chosen);
        for (const p of paths) assert.equal(lastMatch(indexed, p), lastMatch(linear, p), JSON.stringify({ p, patterns }));
      }),
      { numRuns: 3000 },
    );
  });

  it('visits only the rules a path can reach, not the whole file', () => {
    const patterns = [
      '*',
      ...Array.from({ length: 3000 }, (_, i) => `/services/s${i}/`),
      ...Array.from({ length: 3000 }, (_, i) => `/services/s${i % 50}/file${i}.ts`),
      ...Array.from({ length: 1000 }, (_, i) => `*.ext${i}`),
      ...Array.from({ length: 1000 }, (_, i) => `dir${i}/`),
    ];
    const visits = (index: ReturnType<typeof indexedRules>, p: string): number[] => {
      const visited: number[] = [];
      index.visitCandidates(p, (rule) => {
        visited.push(rule);
        return false;
      });
      return visited;
    };
    const at = (pattern: string): number => patterns.indexOf(pattern);
    for (const chosen of ['github', 'gitlab'] as const) {
      const index = indexedRules(patterns, chosen);
      assert.deepEqual(visits(index, 'services/s7/file1007.ts'), [at('/services/s7/file1007.ts'), at('/services/s7/'), 0]);
      assert.equal(lastMatch(index, 'services/s7/file1007.ts'), at('/services/s7/file1007.ts'));
      assert.deepEqual(visits(index, 'services/s7/dir3/x.ts'), [at('dir3/'), at('/services/s7/'), 0]);
      assert.equal(lastMatch(index, 'services/s7/dir3/x.ts'), at('dir3/'));
      assert.deepEqual(visits(index, 'x/y.ext999'), [at('*.ext999'), 0]);
      assert.equal(lastMatch(index, 'elsewhere/y.txt'), 0);
    }
  });
});

describe('property: the inferred-area lookup equals scanning every area folder', () => {
  const segment = fc.constantFrom('a', 'b', 'src', 'x.ts', 'é', 'a b', '.hidden');
  const folderPath = fc.array(segment, { minLength: 1, maxLength: 4 }).map((segments) => segments.join('/'));

  it('walking up a path’s folders finds the deepest area folder holding it, as testing each folder does', () => {
    fc.assert(
      fc.property(fc.array(folderPath, { maxLength: 30 }), fc.array(folderPath, { minLength: 1, maxLength: 20 }), (folders, paths) => {
        const areas = new Set(folders);
        const deepestByScan = (p: string): string =>
          folders.filter((folder) => p.startsWith(`${folder}/`)).reduce((deepest, folder) => (folder.length > deepest.length ? folder : deepest), '');
        for (const p of paths) assert.equal(areaDirectoryOf(p, areas), deepestByScan(p), JSON.stringify({ p, folders }));
      }),
      { numRuns: 3000 },
    );
  });
});
