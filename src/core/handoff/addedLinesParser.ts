/**
 * Pure parser for the added lines of a zero-context patch: `git log -p -U0 --format=%x1e%H
 * --src-prefix=a/ --dst-prefix=b/ --no-color` (each commit starts with a 0x1e byte and its sha)
 * or `git diff -U0 HEAD` (no commit header), walked by `walkPatch`.
 */
import { walkPatch } from '../git/zeroContextPatch';
import type { OpenThread } from './handoffModel';

export interface AddedLine {
  /** Full sha of the commit that added the line; undefined for worktree diffs. */
  readonly commit: string | undefined;
  /** Path after the change, unquoted. */
  readonly path: string;
  /** The line's text without the leading `+`. */
  readonly line: string;
}

/** Every added line of the patch output, in output order. */
export function parseAddedLines(output: string): AddedLine[] {
  const added: AddedLine[] = [];
  let commit: string | undefined;
  let path: string | undefined;
  walkPatch(output, {
    commit: (sha) => (commit = sha),
    file: () => (path = undefined),
    newPath: (newPath) => (path = newPath),
    added: (line) => {
      if (path !== undefined) added.push({ commit, path, line });
    },
  });
  return added;
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
