/**
 * The CODEOWNERS line tokens against a character-at-a-time reading of the same rules, on lines
 * with and without escapes: the quick paths for lines without a backslash must say the same.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { hasEscaped, hasUnescaped, tokenize, unescapeLineSyntax } from '../../../src/core/ownership/codeownersTokens';

const isBreak = (char: string): boolean => /[\n\r\u2028\u2029]/.test(char);

/** Words split at unescaped spaces and tabs; a backslash takes the next character (not a line break) into the word. */
function referenceTokens(content: string): string[] {
  const tokens: string[] = [];
  let word = '';
  for (let i = 0; i < content.length; i++) {
    const char = content[i] as string;
    if (char === '\\' && i + 1 < content.length) {
      word += char + (content[++i] as string);
    } else if (char === ' ' || char === '\t') {
      if (word) tokens.push(word);
      word = '';
    } else word += char;
  }
  if (word) tokens.push(word);
  return tokens;
}

function referenceUnescape(token: string): string {
  let out = '';
  for (let i = 0; i < token.length; i++) {
    const char = token[i] as string;
    const next = token[i + 1] ?? '';
    if (char === '\\' && (next === '#' || next === ' ' || next === '\t')) {
      out += next;
      i++;
    } else if (char === '\\' && next !== '') {
      out += char + next;
      i++;
    } else out += char;
  }
  return out;
}

/** Positions of `char` and of escaped `char`, reading escapes left to right. */
function referenceOccurrences(token: string, char: string): { unescaped: boolean; escaped: boolean } {
  let unescaped = false;
  let escaped = false;
  for (let i = 0; i < token.length; i++) {
    if (token[i] === '\\' && i + 1 < token.length && !isBreak(token[i + 1] as string)) {
      if (token[i + 1] === char) escaped = true;
      i++;
    } else if (token[i] === char) unescaped = true;
  }
  return { unescaped, escaped };
}

const text = fc.array(fc.constantFrom('a', 'é', '/', '*', '#', '[', ' ', '\t', '\\', '\u2028', '\u00a0', '@'), { maxLength: 16 }).map((chars) => chars.join(''));
const withoutBackslash = text.map((t) => t.replace(/\\/g, ''));

describe('property: CODEOWNERS line tokens', () => {
  for (const [name, lines] of [
    ['lines with escapes', text],
    ['lines without a backslash (the quick path)', withoutBackslash],
  ] as const) {
    it(`${name}: words, unescaping and escape tests equal a character-at-a-time reading`, () => {
      fc.assert(
        fc.property(lines, fc.constantFrom('#', '['), (line, char) => {
          assert.deepEqual(tokenize(line), referenceTokens(line));
          assert.equal(unescapeLineSyntax(line), referenceUnescape(line));
          const { unescaped, escaped } = referenceOccurrences(line, char);
          assert.equal(hasUnescaped(line, char), unescaped);
          assert.equal(hasEscaped(line, char), escaped);
        }),
        { numRuns: 2000 },
      );
    });
  }
});
