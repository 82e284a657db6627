/** Splitting a CODEOWNERS line into words while honouring backslash escapes. */

const isWhitespace = (char: string): boolean => char === ' ' || char === '\t';

/** Splits on unescaped spaces and tabs; escape pairs (`\ `, `\#`, `\\`) stay in the token as written. */
export function tokenize(content: string): string[] {
  // Most lines have no escape: split at once rather than a character at a time.
  if (!content.includes('\\')) return content.split(/[ \t]+/).filter((token) => token !== '');
  const tokens: string[] = [];
  let current = '';
  for (let index = 0; index < content.length; index++) {
    const char = content.charAt(index);
    if (char === '\\' && index + 1 < content.length) {
      current += char + content.charAt(index + 1);
      index++;
    } else if (isWhitespace(char)) {
      if (current !== '') {
        tokens.push(current);
      }
      current = '';
    } else {
      current += char;
    }
  }
  return current === '' ? tokens : [...tokens, current];
}

/**
 * Removes the escapes that only exist to get a pattern past the line syntax: `\ ` (a space inside
 * the pattern) and `\#` (a pattern starting with `#`, which would otherwise be a comment). Every other
 * escape (`\*`, `\\`) is kept, because it still means something to the pattern matcher.
 */
export function unescapeLineSyntax(token: string): string {
  if (!token.includes('\\')) return token;
  let pattern = '';
  for (let index = 0; index < token.length; index++) {
    const char = token.charAt(index);
    const next = token.charAt(index + 1);
    if (char === '\\' && (next === '#' || isWhitespace(next))) {
      pattern += next;
      index++;
    } else if (char === '\\' && next !== '') {
      pattern += char + next;
      index++;
    } else {
      pattern += char;
    }
  }
  return pattern;
}

/** Whether `char` occurs in `token` other than right after a backslash. */
export function hasUnescaped(token: string, char: string): boolean {
  if (!token.includes('\\')) return token.includes(char);
  for (let index = 0; index < token.length; index++) {
    if (escapesNext(token, index)) index++;
    else if (token.charAt(index) === char) return true;
  }
  return false;
}

/** Whether `token` contains the escape `\` + `char`. */
export function hasEscaped(token: string, char: string): boolean {
  if (!token.includes('\\')) return false;
  for (let index = 0; index < token.length; index++) {
    if (!escapesNext(token, index)) continue;
    if (token.charAt(index + 1) === char) return true;
    index++;
  }
  return false;
}

/**
 * Whether the backslash-escape at `index` takes the next character: a backslash before anything
 * but a line terminator (which a line cannot hold, but a `\u2028` can be in one).
 */
function escapesNext(token: string, index: number): boolean {
  return token.charAt(index) === '\\' && index + 1 < token.length && !/[\n\r\u2028\u2029]/.test(token.charAt(index + 1));
}
