/**
 * Pure parser for the added lines of a zero-context patch: `git log -p -U0 --format=%x1e%H
 * --src-prefix=a/ --dst-prefix=b/ --no-color` (each commit starts with a 0x1e byte and its sha)
 * or `git diff -U0 HEAD` (no commit header). Hunk bodies are consumed by the counts in their
 * `@@` header, so an added line whose text is `++ x` (shown as `+++ x`) or `diff --git …` is never
 * taken for a header.
 */
import type { OpenThread } from './handoffModel';

export interface AddedLine {
  /** Full sha of the commit that added the line; undefined for worktree diffs. */
  readonly commit: string | undefined;
  /** Path after the change, unquoted. */
  readonly path: string;
  /** The line's text without the leading `+`. */
  readonly line: string;
}

const RECORD_START = '\x1e';
const HUNK_HEADER = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/;
const DELETED_FILE = '/dev/null';
const NEW_SIDE_PREFIX = 'b/';

/** C escapes git uses in quoted paths (quote.c), besides octal. */
const NAMED_ESCAPES: Readonly<Record<string, number>> = {
  a: 0x07, b: 0x08, t: 0x09, n: 0x0a, v: 0x0b, f: 0x0c, r: 0x0d, '"': 0x22, '\\': 0x5c,
};

/**
 * Unquotes a C-quoted path (`"b/a\tb\"c-\303\251.txt"`). Octal escapes are bytes of the UTF-8
 * name, so bytes are collected and decoded once; anything after the closing quote (git adds a
 * tab when the name has a space) is ignored.
 */
function unquoteCPath(quoted: string): string {
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

/** The path of a `+++ ` line, or undefined for a deleted file. */
function newSidePath(rawPath: string): string | undefined {
  // An unquoted name never holds a tab (git would quote it), so a trailing tab is git's marker
  // for a name with a space.
  const path = rawPath.startsWith('"') ? unquoteCPath(rawPath) : rawPath.replace(/\t$/, '');
  if (path === DELETED_FILE) return undefined;
  return path.startsWith(NEW_SIDE_PREFIX) ? path.slice(NEW_SIDE_PREFIX.length) : path;
}

/** Lines still to read in the current hunk, per side. */
interface HunkRemaining {
  old: number;
  new: number;
}

function hunkCounts(header: string): HunkRemaining | undefined {
  const match = HUNK_HEADER.exec(header);
  if (!match) return undefined;
  // An omitted count means one line.
  return { old: Number(match[1] ?? 1), new: Number(match[2] ?? 1) };
}

/** Every added line of the patch output, in output order. */
export function parseAddedLines(output: string): AddedLine[] {
  const added: AddedLine[] = [];
  let commit: string | undefined;
  let path: string | undefined;
  let hunk: HunkRemaining | undefined;

  for (const line of output.split('\n')) {
    if (hunk) {
      const kind = consumeHunkLine(line, hunk);
      if (kind === 'added' && path !== undefined) added.push({ commit, path, line: line.slice(1) });
      if (kind !== 'foreign') {
        if (isHunkDone(hunk)) hunk = undefined;
        continue;
      }
      // A body shorter than its header promised: read this line as a header line instead.
      hunk = undefined;
    }
    if (line.startsWith(RECORD_START)) {
      commit = line.slice(RECORD_START.length).trim();
      path = undefined;
    } else if (line.startsWith('diff --git ')) {
      // Binary and mode-only changes have no `+++` line: forget the previous file's path.
      path = undefined;
    } else if (line.startsWith('+++ ')) {
      path = newSidePath(line.slice('+++ '.length));
    } else if (line.startsWith('@@ ')) {
      hunk = hunkCounts(line);
      if (hunk && isHunkDone(hunk)) hunk = undefined;
    }
  }
  return added;
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

const THREAD_KEYWORD = /\b(TODO|FIXME|XXX|HACK)\b/;
const MAX_THREAD_TEXT = 200;
const SHORT_SHA_LENGTH = 7;

/** Caps by code points so an emoji or accented letter is never cut in half. */
function capText(text: string): string {
  const codePoints = Array.from(text);
  if (codePoints.length <= MAX_THREAD_TEXT) return text;
  return `${codePoints.slice(0, MAX_THREAD_TEXT - 1).join('')}…`;
}

/**
 * The TODO/FIXME/XXX/HACK lines among `added` whose file lies in the area, first occurrence kept
 * (log output is newest first, so that is the latest commit that added the text).
 */
export function findOpenThreads(added: readonly AddedLine[], isInArea: (path: string) => boolean): OpenThread[] {
  const threads: OpenThread[] = [];
  const seen = new Set<string>();
  for (const { commit, path, line } of added) {
    if (!THREAD_KEYWORD.test(line) || !isInArea(path)) continue;
    const text = capText(line.trim());
    const key = `${path}\0${text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    threads.push({ path, text, commit: commit?.slice(0, SHORT_SHA_LENGTH) });
  }
  return threads;
}
