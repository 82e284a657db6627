import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { codeSpan, escapeMarkdownText } from '../../../src/core/text/markdown';

const SIGNIFICANT = new Set('\\`*_[]<>|~&$');
const LINE_START_SYNTAX = /^(?:[#+\-=]|\d+[.)])/;

/** The first Markdown-significant character not preceded by an escaping backslash, if any. */
function firstUnescapedSignificant(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) {
    const character = text[i] as string;
    if (character === '\\') {
      i++;
      continue;
    }
    if (SIGNIFICANT.has(character)) return character;
  }
  return undefined;
}

/** Reads a code span back the way CommonMark does: fence, content, one space stripped from each side. */
function readCodeSpan(span: string): string {
  const fence = /^`+/.exec(span)?.[0] ?? '';
  assert.ok(fence.length > 0 && span.endsWith(fence), `not fenced: ${span}`);
  let content = span.slice(fence.length, span.length - fence.length);
  const runs = content.match(/`+/g) ?? [];
  assert.ok(runs.every((run) => run.length !== fence.length), `content closes the fence early: ${span}`);
  assert.ok(!content.startsWith('`') && !content.endsWith('`'), `content merges with the fence: ${span}`);
  if (content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '') content = content.slice(1, -1);
  return content;
}

describe('escapeMarkdownText', () => {
  it('turns link syntax, including a command link, into literal text', () => {
    assert.equal(escapeMarkdownText('[x](command:foo)'), '\\[x\\](command:foo)');
  });

  it('turns image syntax into literal text', () => {
    assert.equal(escapeMarkdownText('![i](http://x)'), '!\\[i\\](http://x)');
  });

  it('turns an HTML tag into literal text', () => {
    assert.equal(escapeMarkdownText('<img src=x onerror=alert(1)>'), '\\<img src=x onerror=alert(1)\\>');
  });

  it('keeps a heading marker from starting a heading', () => {
    assert.equal(escapeMarkdownText('# heading'), '\\# heading');
  });

  it('keeps pipes from making a table', () => {
    assert.equal(escapeMarkdownText('| table |'), '\\| table \\|');
  });

  it('keeps a newline followed by a list item on the same line, inert', () => {
    assert.equal(escapeMarkdownText('fix\n- item\r\n1. two'), 'fix - item 1. two');
    assert.equal(escapeMarkdownText('- item'), '\\- item');
    assert.equal(escapeMarkdownText('+ item'), '\\+ item');
    assert.equal(escapeMarkdownText('12) two'), '12\\) two');
  });

  it('escapes entity references, emphasis, code, strikethrough, math and backslashes', () => {
    assert.equal(escapeMarkdownText('&amp; *a* _b_ `c` ~~d~~ $e$ C:\\dir'), '\\&amp; \\*a\\* \\_b\\_ \\`c\\` \\~\\~d\\~\\~ \\$e\\$ C:\\\\dir');
  });

  it('keeps a setext underline and a quote marker inert', () => {
    assert.equal(escapeMarkdownText('title\n===\n> quote'), 'title === \\> quote');
    assert.equal(escapeMarkdownText('=== x'), '\\=== x');
  });

  it('replaces control, separator and bidi characters with single spaces and trims', () => {
    assert.equal(escapeMarkdownText('  a\t\t\x00b\u2028c\u202ed\x85e\n  '), 'a b c d e');
  });

  it('leaves letters, accents and emoji (with their joiners) alone', () => {
    assert.equal(escapeMarkdownText('Zoë 👩‍💻 naïve'), 'Zoë 👩‍💻 naïve');
  });

  it('never leaves a significant character unescaped or a line break, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const escaped = escapeMarkdownText(text);
        assert.equal(firstUnescapedSignificant(escaped), undefined, JSON.stringify(escaped));
        assert.ok(!LINE_START_SYNTAX.test(escaped), `opens with line syntax: ${JSON.stringify(escaped)}`);
        assert.ok(!/[\r\n\u2028\u2029]/.test(escaped));
      }),
    );
  });
});

describe('codeSpan', () => {
  it('fences plain content with one backtick', () => {
    assert.equal(codeSpan('src/pay ments/a.ts'), '`src/pay ments/a.ts`');
  });

  it('shows link and HTML syntax literally', () => {
    assert.equal(codeSpan('[x](command:foo) <img src=x>'), '`[x](command:foo) <img src=x>`');
  });

  it('uses a fence longer than the longest backtick run inside', () => {
    assert.equal(codeSpan('a`b``c'), '```a`b``c```');
  });

  it('pads content that starts or ends with a backtick', () => {
    assert.equal(codeSpan('`x'), '`` `x ``');
    assert.equal(codeSpan('x``'), '``` x`` ```');
  });

  it('pads content that starts with a space so the space survives', () => {
    assert.equal(codeSpan(' a'), '`  a `');
  });

  it('puts newlines on one line', () => {
    assert.equal(codeSpan('a\nb\r\nc'), '`a b  c`');
  });

  it('renders empty content as a visible empty span', () => {
    assert.equal(codeSpan(''), '` `');
  });

  it('reads back as the same content (line breaks as spaces), whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('`', ' ', 'a', '\n', '<', '[') }), (text) => {
        const span = codeSpan(text);
        const expected = text === '' ? ' ' : text.replace(/\n/g, ' ');
        assert.equal(readCodeSpan(span), expected, JSON.stringify(span));
      }),
    );
  });
});
