/** Splitting a CODEOWNERS line into words while honouring backslash escapes. */

const WHITESPACE = /^[ \t]$/;

/** Splits on unescaped spaces and tabs; escape pairs (`\ `, `\#`, `\\`) stay in the token as written. */
export function tokenize(content: string): string[] {
  const tokens: string[] = [];
  let current = '';
  for (let index = 0; index < content.length; index++) {
    const char = content.charAt(index);
    if (char === '\\' && index + 1 < content.length) {
      current += char + content.charAt(index + 1);
      index++;
    } else if (WHITESPACE.test(char)) {
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
  let pattern = '';
  for (let index = 0; index < token.length; index++) {
    const char = token.charAt(index);
    const next = token.charAt(index + 1);
    if (char === '\\' && (next === '#' || WHITESPACE.test(next))) {
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
  return escapePairsAndChars(token).some((piece) => piece === char);
}

/** Whether `token` contains the escape `\` + `char`. */
export function hasEscaped(token: string, char: string): boolean {
  return escapePairsAndChars(token).some((piece) => piece === `\\${char}`);
}

function escapePairsAndChars(token: string): string[] {
  return token.match(/\\.|[\s\S]/g) ?? [];
}
