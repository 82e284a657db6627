/**
 * Markdown helpers for text that comes from the repository (commit subjects, file names, author
 * names, TODO lines). Whoever made the repo chose those strings, so they must never become a
 * link, an image, raw HTML, a heading, a list or a table in a note the user reads or previews.
 */

/**
 * Characters that break a line or hide what the reader sees: C0/C1 controls (newline, tab, NEL),
 * the Unicode line and paragraph separators, and the bidi embedding, override and isolate marks
 * ("Trojan Source"). Zero-width joiners stay: emoji need them.
 */
const LINE_BREAKING_OR_HIDING = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Characters that open inline syntax anywhere in a line: code, emphasis, strikethrough, links and
 * images (`[` `]`: a `!` or `(` does nothing without them), raw HTML and autolinks (`<` `>`),
 * table cells (`|`), entity references (`&`), math in VS Code's preview (`$`), and the escape
 * character itself. Everything else is left as typed, so a note stays readable while it is edited.
 */
const INLINE_SIGNIFICANT = /[\\`*_[\]<>|~&$]/g;

/** `text` on one line, with whitespace runs collapsed and the ends trimmed. */
function singleLine(text: string): string {
  return text.replace(LINE_BREAKING_OR_HIDING, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Repository text as inert Markdown prose on one line. What only means something at the start of
 * a line (a heading `#`, a list item `-` `+` or `1.`, a setext underline `=`) is escaped there too,
 * in case the text ever opens a line.
 */
export function escapeMarkdownText(text: string): string {
  return singleLine(text)
    .replace(INLINE_SIGNIFICANT, (character) => `\\${character}`)
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^([#+\-=])/, '\\$1');
}

function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}

/**
 * Repository text as an inline code span, which shows any content literally. The fence is one
 * backtick longer than any run inside so the content cannot close it. CommonMark strips one space
 * from each side when both ends are spaces, so padding both ends whenever the content begins or
 * ends with a backtick (which would merge with the fence) or a space keeps the content exact.
 */
export function codeSpan(text: string): string {
  const content = text.replace(LINE_BREAKING_OR_HIDING, ' ');
  // An empty code span does not exist in Markdown: a lone space is the closest visible thing.
  if (content === '') return '` `';
  const fence = '`'.repeat(longestBacktickRun(content) + 1);
  const needsPadding = /^[` ]|[` ]$/.test(content) && content.trim() !== '';
  const padding = needsPadding ? ' ' : '';
  return `${fence}${padding}${content}${padding}${fence}`;
}
