/**
 * Properties of the CODEOWNERS parser and matcher, for both flavours, on generated files and
 * paths. CODEOWNERS comes from the repository, so whatever it holds must parse without throwing.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseCodeowners } from '../../../src/core/ownership/codeownersParser';
import { compileCodeownersPattern } from '../../../src/core/ownership/codeownersPattern';
import { createOwnershipResolver } from '../../../src/core/ownership/ownershipResolver';
import type { CodeownersFlavor } from '../../../src/core/ownership/types';

const flavor: fc.Arbitrary<CodeownersFlavor> = fc.constantFrom('github', 'gitlab');

/** Words CODEOWNERS lines are made of, valid and not, so generated files reach every branch. */
const word = fc.oneof(
  fc.constantFrom('*', '**', '/src/', 'docs/*', '*.js', '!x', '[Section]', '^[Opt][2]', '[', ']', '\\#x', '\\ ', '#', '@org/team', '@user', 'a@b.co', '@@maintainer', 'docs@', '@', '\\', '**/**/**/**/x', '*a*a*a*a*b', '{1..9}', '\uFEFF'),
  fc.string({ maxLength: 12 }),
);
const line = fc.array(word, { maxLength: 5 }).map((words) => words.join(' '));
const newline = fc.constantFrom('\n', '\r\n', '\r');
const codeownersText = fc.array(fc.tuple(line, newline), { maxLength: 25 }).map((lines) => lines.map(([text, end]) => text + end).join(''));

/** A path segment with no glob syntax: starts with a letter or digit, may hold spaces, unicode and punctuation. */
const literalSegment = fc
  .tuple(
    fc.constantFrom(...'abcXYZ09éÑ'),
    fc.array(fc.constantFrom(...'abcdefgABCDEFG0123456789éÉñÑ._- +@%&=,;\'"(){}$^~!'), { maxLength: 10 }),
  )
  .map(([first, rest]) => first + rest.join(''))
  .filter((segment) => segment.trim() === segment);
const literalPath = fc.array(literalSegment, { minLength: 1, maxLength: 4 }).map((segments) => segments.join('/'));
const anyPath = fc.oneof(literalPath, fc.string({ maxLength: 30 }), fc.array(fc.constantFrom('src', 'a', 'A', 'x.js', '.github', 'docs'), { minLength: 1, maxLength: 5 }).map((s) => s.join('/')));

/** How the path is written on a CODEOWNERS line: spaces escaped, rooted with `/`. */
const asCodeownersPattern = (path: string): string => `/${path.replace(/ /g, '\\ ')}`;

const swapAsciiCase = (text: string): string => text.replace(/[a-zA-Z]/g, (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()));

describe('property: CODEOWNERS parser and matcher', () => {
  it('parsing never throws, and every reported problem and every rule names a line that exists (1-based)', () => {
    fc.assert(
      fc.property(codeownersText, flavor, (text, chosen) => {
        const lineCount = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/).length;
        const { rules, problems } = parseCodeowners(text, chosen, 'CODEOWNERS');
        for (const problem of problems) {
          assert.ok(Number.isInteger(problem.line) && problem.line >= 1 && problem.line <= lineCount, `problem on line ${problem.line} of ${lineCount}`);
          assert.ok(problem.message.length > 0);
        }
        for (const rule of rules) assert.ok(Number.isInteger(rule.line) && rule.line >= 1 && rule.line <= lineCount, `rule on line ${rule.line} of ${lineCount}`);
      }),
      { numRuns: 500 },
    );
  });

  it('matching never throws and is deterministic: the same rules give the same owner for a path, every time and from a fresh resolver', () => {
    fc.assert(
      fc.property(codeownersText, flavor, fc.array(anyPath, { maxLength: 10 }), (text, chosen, paths) => {
        const { rules } = parseCodeowners(text, chosen, 'CODEOWNERS');
        const first = createOwnershipResolver({ settingsRules: [], codeownersRules: rules, flavor: chosen });
        const second = createOwnershipResolver({ settingsRules: [], codeownersRules: rules, flavor: chosen });
        for (const path of paths) {
          const answer = first.ownerOf(path);
          assert.deepEqual(first.ownerOf(path), answer);
          assert.deepEqual(second.ownerOf(path), answer);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a literal path pattern matches its own path and everything below it, in both flavours, rooted or not', () => {
    fc.assert(
      fc.property(literalPath, literalSegment, flavor, fc.boolean(), (path, child, chosen, rooted) => {
        const matches = compileCodeownersPattern(rooted ? `/${path}` : path, chosen);
        assert.ok(matches(path), `${path} matches itself`);
        assert.ok(matches(`${path}/${child}`), `${path}/${child} lies below it`);
      }),
      { numRuns: 500 },
    );
  });

  it('a CODEOWNERS line for a literal path owns that path (spaces escaped), and matching is case-sensitive', () => {
    fc.assert(
      fc.property(literalPath.filter((p) => /[a-zA-Z]/.test(p)), flavor, (path, chosen) => {
        const { rules, problems } = parseCodeowners(`${asCodeownersPattern(path)} @acme/owners\n`, chosen, 'CODEOWNERS');
        assert.deepEqual(problems, []);
        const resolver = createOwnershipResolver({ settingsRules: [], codeownersRules: rules, flavor: chosen });
        assert.deepEqual(resolver.ownerOf(path)?.owners, ['@acme/owners']);
        assert.equal(resolver.ownerOf(swapAsciiCase(path)), undefined, `${swapAsciiCase(path)} differs in case`);
      }),
      { numRuns: 500 },
    );
  });
});
