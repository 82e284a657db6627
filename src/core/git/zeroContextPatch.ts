/**
 * A walker over zero-context patches (`-U0`, `--src-prefix=a/ --dst-prefix=b/`): `git log -p`
 * (each commit starts with a 0x1e byte and its sha), `git diff-tree -p` or `git diff-index -p`.
 * Hunk bodies are consumed by the counts in their `@@` header, so a content line whose text is
 * `++ x` (shown as `+++ x`), `-- x` or `diff --git …` is never taken for a header. Paths are
 * unquoted from git's C quoting; `/dev/null` (a created or deleted side) is undefined.
 */

export interface PatchHunk {
  /** First line and number of lines on the old side (`-a,b`), and on the new side (`+c,d`). */
  readonly oldStart: number;
  readonly oldCount: number;
  readonly newStart: number;
  readonly newCount: number;
}

/** What the walk reports, in output order; every callback is optional. */
export interface PatchVisitor {
  /** A `log -p` commit header: the full sha. */
  readonly commit?: (sha: string) => void;
  /** A new file section (`diff --git`): forget the previous file's paths. */
  readonly file?: () => void;
  readonly oldPath?: (path: string | undefined) => void;
  readonly newPath?: (path: string | undefined) => void;
  readonly hunk?: (hunk: PatchHunk) => void;
  /** An added line, without its `+`. */
  readonly added?: (line: string) => void;
}

const RECORD_START = '\x1e';
const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
const DELETED_FILE = '/dev/null';

/** C escapes git uses in quoted paths (quote.c), besides octal. */
const NAMED_ESCAPES: Readonly<Record<string, number>> = {
  a: 0x07, b: 0x08, t: 0x09, n: 0x0a, v: 0x0b, f: 0x0c, r: 0x0d, '"': 0x22, '\\': 0x5c,
};

/**
 * Unquotes a C-quoted path (`"b/a\tb\"c-\303\251.txt"`). Octal escapes are bytes of the UTF-8
 * name, so bytes are collected and decoded once; anything after the closing quote (git adds a
 * tab when the name has a space) is ignored.
 */
export function unquoteCPath(quoted: string): string {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 1; i < quoted.length; i++) {
    const character = quoted[i] as string;
    if (character === '"') break;
    if (character !== '\\') {
      const codePoint = quoted.codePointAt(i) as number;
      if (codePoint > 0xffff) i++;
      bytes.push(...encoder.encode(String.fromCodePoint(codePoint)));
      continue;
    }
    const octal = /^[0-3][0-7]{2}/.exec(quoted.slice(i + 1, i + 4));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      i += 3;
      continue;
    }
    const next = quoted[i + 1];
    if (next === undefined) break;
    bytes.push(NAMED_ESCAPES[next] ?? next.charCodeAt(0));
    i += 1;
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** The path of a `--- ` or `+++ ` line without its `a/` or `b/` prefix, or undefined for `/dev/null`. */
function sidePath(rawPath: string, prefix: 'a/' | 'b/'): string | undefined {
  // An unquoted name never holds a tab (git would quote it), so a trailing tab is git's marker
  // for a name with a space.
  const path = rawPath.startsWith('"') ? unquoteCPath(rawPath) : rawPath.replace(/\t$/, '');
  if (path === DELETED_FILE) return undefined;
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

/** Lines still to read in the current hunk, per side. */
interface HunkRemaining {
  old: number;
  new: number;
}

function parseHunk(header: string): PatchHunk | undefined {
  const match = HUNK_HEADER.exec(header);
  if (!match) return undefined;
  // An omitted count means one line.
  return { oldStart: Number(match[1]), oldCount: Number(match[2] ?? 1), newStart: Number(match[3]), newCount: Number(match[4] ?? 1) };
}

export function walkPatch(output: string, visitor: PatchVisitor): void {
  let hunk: HunkRemaining | undefined;
  for (const line of output.split('\n')) {
    if (hunk) {
      const kind = consumeHunkLine(line, hunk);
      if (kind === 'added') visitor.added?.(line.slice(1));
      if (kind !== 'foreign') {
        if (isHunkDone(hunk)) hunk = undefined;
        continue;
      }
      // A body shorter than its header promised: read this line as a header line instead.
      hunk = undefined;
    }
    if (line.startsWith(RECORD_START)) {
      visitor.commit?.(line.slice(RECORD_START.length).trim());
      visitor.file?.();
    } else if (line.startsWith('diff --git ')) {
      // Binary and mode-only changes have no `---`/`+++` lines: forget the previous file's paths.
      visitor.file?.();
    } else if (line.startsWith('--- ')) {
      visitor.oldPath?.(sidePath(line.slice('--- '.length), 'a/'));
    } else if (line.startsWith('+++ ')) {
      visitor.newPath?.(sidePath(line.slice('+++ '.length), 'b/'));
    } else if (line.startsWith('@@ ')) {
      const parsed = parseHunk(line);
      if (parsed) visitor.hunk?.(parsed);
      hunk = parsed && { old: parsed.oldCount, new: parsed.newCount };
      if (hunk && isHunkDone(hunk)) hunk = undefined;
    }
  }
}

function isHunkDone(hunk: HunkRemaining): boolean {
  return hunk.old <= 0 && hunk.new <= 0;
}

/**
 * Reads one hunk body line and counts it against the side it belongs to; 'foreign' when the
 * line cannot belong to the hunk.
 */
function consumeHunkLine(line: string, hunk: HunkRemaining): 'added' | 'counted' | 'foreign' {
  const marker = line[0];
  // "\ No newline at end of file" annotates the previous line and is not counted.
  if (marker === '\\') return 'counted';
  if (marker === '+' && hunk.new > 0) {
    hunk.new--;
    return 'added';
  }
  if (marker === '-' && hunk.old > 0) {
    hunk.old--;
    return 'counted';
  }
  if (marker === ' ' && hunk.old > 0 && hunk.new > 0) {
    hunk.old--;
    hunk.new--;
    return 'counted';
  }
  return 'foreign';
}
