/**
 * The long shadow in words: AI-assisted work, decision files, the owners' lines my changes
 * replaced, dives and their aftermath. One sentence each, shared by the tooltip, *Why*, the
 * handoff note, the footprint and the CLI, so they all say the same thing. Sentences are plain
 * text; a Markdown caller passes formatters that escape names and paths.
 */
import type { AreaReport } from '../analysis/areaReport';
import type { Dive } from '../analysis/dives';
import type { LinesReplaced } from '../analysis/linesReplaced';
import { codeSpan, escapeMarkdownText } from '../text/markdown';
import { englishList, ordinal, plural } from '../text/wording';

export interface SentenceFormat {
  /** A person's name, an area's name. */
  readonly text: (value: string) => string;
  /** A repo-relative path. */
  readonly path: (value: string) => string;
  /** A day, from seconds since the epoch. */
  readonly day: (seconds: number) => string;
}

/** ISO dates (UTC) and text as it is: the CLI's format. */
export const PLAIN_FORMAT: SentenceFormat = {
  text: (value) => value,
  path: (value) => value,
  day: (seconds) => new Date(seconds * 1000).toISOString().slice(0, 10),
};

/** Repository text escaped, paths as code spans: for tooltips, *Why* and the handoff note. */
export const MARKDOWN_FORMAT: SentenceFormat = { ...PLAIN_FORMAT, text: escapeMarkdownText, path: codeSpan };

/** The area's long-shadow lines that apply, in the order the tooltip and *Why* show them. */
export function shadowLines(area: AreaReport, yearDives: readonly Dive[], nowSeconds: number, format: SentenceFormat = PLAIN_FORMAT): string[] {
  return [
    aiAssistedSentence(area),
    decisionFilesSentence(area.decisionFiles, format),
    linesReplacedSentence(area.othersLinesReplaced, format),
    diveSentence(area.key, yearDives, nowSeconds, format),
  ].filter((line): line is string => line !== undefined);
}

/** "2 of your 5 solo changes here were AI-assisted." — undefined when none was. */
export function aiAssistedSentence(area: Pick<AreaReport, 'aiAssistedCommits' | 'soloCommits'>): string | undefined {
  if (area.aiAssistedCommits <= 0) return undefined;
  const verb = area.aiAssistedCommits === 1 ? 'was' : 'were';
  return `${area.aiAssistedCommits} of your ${plural(area.soloCommits, 'solo change')} here ${verb} AI-assisted: new code for the owners to learn.`;
}

/** "You changed 2 decision files here: a and b." — undefined when none. */
export function decisionFilesSentence(files: readonly string[], format: SentenceFormat = PLAIN_FORMAT, shown = 3): string | undefined {
  if (files.length === 0) return undefined;
  const named = files.slice(0, shown).map(format.path);
  const more = files.length > shown ? [`${files.length - shown} more`] : [];
  return `You changed ${plural(files.length, 'decision file')} here: ${englishList([...named, ...more])}.`;
}

/** "Your changes replaced 30 lines Ana wrote." (or "My changes …", in a note) — undefined when none were found. */
export function linesReplacedSentence(replaced: LinesReplaced | null, format: SentenceFormat = PLAIN_FORMAT, whose: 'Your' | 'My' = 'Your'): string | undefined {
  if (!replaced || replaced.total <= 0) return undefined;
  const atLeast = replaced.complete ? '' : 'at least ';
  const [only] = replaced.byPerson;
  if (replaced.byPerson.length === 1 && only) return `${whose} changes replaced ${atLeast}${plural(replaced.total, 'line')} ${format.text(only.name)} wrote.`;
  const shown = replaced.byPerson.slice(0, 3).map((person) => `${person.lines} by ${format.text(person.name)}`);
  const others = replaced.byPerson.slice(3).reduce((sum, person) => sum + person.lines, 0);
  if (others > 0) shown.push(`${others} by others`);
  return `${whose} changes replaced ${atLeast}${plural(replaced.total, 'line')} others wrote: ${englishList(shown)}.`;
}

/**
 * "Your 3rd dive into team areas this year; after the last one the owners made 5 changes there."
 * About the area's latest dive, among every dive of the year; undefined when the area has none.
 */
export function diveSentence(areaKey: string, yearDives: readonly Dive[], nowSeconds: number, format: SentenceFormat = PLAIN_FORMAT): string | undefined {
  const index = lastIndexWhere(yearDives, (dive) => dive.areaKey === areaKey);
  if (index === -1) return undefined;
  const nth = index === 0 ? 'first' : ordinal(index + 1);
  const previous = yearDives[index - 1];
  if (!previous) return `Your ${nth} dive into team areas this year.`;
  const where = previous.areaKey === areaKey ? '' : ` (${format.text(previous.area)})`;
  return `Your ${nth} dive into team areas this year; ${aftermathClause(previous, nowSeconds, `the last one${where}`)}.`;
}

/** "after the last one the owners made 5 changes there", or "… have made 2 … so far" while it runs. */
export function aftermathClause(dive: Dive, nowSeconds: number, which = 'it'): string {
  const changes = dive.ownersChangesAfter === 0 ? 'no changes' : plural(dive.ownersChangesAfter, 'change');
  if (dive.aftermathEndSeconds > nowSeconds) return `since ${which} the owners have made ${changes} there so far`;
  return `after ${which} the owners made ${changes} there`;
}

/** "3 Mar – 24 Mar: 6 solo changes (2 AI-assisted); after it the owners made 5 changes there." */
export function diveLine(dive: Dive, nowSeconds: number, format: SentenceFormat = PLAIN_FORMAT): string {
  const ai = dive.aiAssistedCommits > 0 ? ` (${dive.aiAssistedCommits} AI-assisted)` : '';
  return `${format.day(dive.startSeconds)} – ${format.day(dive.endSeconds)}: ${plural(dive.commits, 'solo change')}${ai}; ${aftermathClause(dive, nowSeconds)}.`;
}

function lastIndexWhere<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i] as T)) return i;
  return -1;
}
