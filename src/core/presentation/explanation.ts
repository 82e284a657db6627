import type { AreaReport } from '../analysis/areaReport';
import type { Dive } from '../analysis/dives';
import { escapeMarkdownText } from '../text/markdown';
import { percent } from '../text/wording';
import { aiAssistedSentence, diveLine, diveSentence, linesReplacedSentence, MARKDOWN_FORMAT } from './shadowSentences';

export interface ExplanationContext {
  readonly windowDays: number;
  readonly threshold: number;
  readonly minCommits: number;
  readonly timeBoxes: readonly string[];
  /** Every dive of the year in the repository, oldest first. */
  readonly yearDives: readonly Dive[];
  readonly nowSeconds: number;
}

/** "Why am I seeing this?": the numbers and rules behind an area's level, as Markdown. */
export function explainArea(area: AreaReport, context: ExplanationContext): string {
  const source = area.source === 'settings' ? 'the `multiplier.ownershipMap` setting' : escapeMarkdownText(area.sourcePath);
  const lines = [
    `# Why Multiplier ${area.level === 'nudge' ? 'nudges you' : 'shows this'}: ${escapeMarkdownText(area.area)}`,
    '',
    `**Owners:** ${area.owners.map(escapeMarkdownText).join(', ')}, from ${source}${area.membersInferred ? ' (team members inferred from history)' : ''}.`,
    '',
    '## What the history says',
    '',
    ...area.reasons.map((reason) => `- ${escapeMarkdownText(reason)}`),
    `- You know ${area.myKnownFiles} of the ${area.files} files here by degree of authorship${area.mySoleKnownFiles > 0 ? `, ${area.mySoleKnownFiles} of them as the only author` : ''}.`,
    ...shadowSection(area, context),
    '',
    '## The rule',
    '',
    `Multiplier nudges when your unpaired share of an owned area's changes in the last ${context.windowDays} days (commits or lines, whichever is larger) is at least ${percent(context.threshold)} with at least ${context.minCommits} of your commits, or when you are its only recent author. Commits co-authored with the owning team count as pairing. Merges, bots, lockfiles, generated and vendored files and \`.git-blame-ignore-revs\` commits do not count.`,
    '',
    'Jumping in is healthy when it is time-bound, keeps ownership with the owners, is about learning (pairing) and is exceptional.',
  ];
  if (area.suggestions.length > 0) {
    lines.push('', '## Who to pair with', '', ...area.suggestions.map((s) => `- **${escapeMarkdownText(s.name)}**: ${escapeMarkdownText(s.reason)}`));
  }
  if (context.timeBoxes.length > 0) lines.push('', '## Time boxes', '', ...context.timeBoxes.map((line) => `- ${line}`));
  return `${lines.join('\n')}\n`;
}

/** What the work leaves behind besides the share: AI help, decisions, replaced lines, dives. */
function shadowSection(area: AreaReport, context: ExplanationContext): string[] {
  const lines: string[] = [];
  const ai = aiAssistedSentence(area);
  if (ai) lines.push(`- ${ai}`);
  if (area.decisionFiles.length > 0) lines.push('- Decision files you changed here (ADRs, designs, contracts, schemas):', ...area.decisionFiles.map((path) => `  - ${MARKDOWN_FORMAT.path(path)}`));
  const replaced = linesReplacedSentence(area.othersLinesReplaced, MARKDOWN_FORMAT);
  if (replaced) lines.push(`- ${replaced}`);
  else if (area.othersLinesReplaced) lines.push(`- Your changes replaced no lines others wrote${area.othersLinesReplaced.complete ? '' : ' (as far as was read in time)'}.`);
  const dives = context.yearDives.filter((dive) => dive.areaKey === area.key);
  if (dives.length > 0) {
    lines.push(`- ${diveSentence(area.key, context.yearDives, context.nowSeconds, MARKDOWN_FORMAT) ?? ''} Dives here this year (3 or more solo changes, at most 14 days apart):`);
    lines.push(...dives.map((dive) => `  - ${diveLine(dive, context.nowSeconds, MARKDOWN_FORMAT)}`));
  }
  return lines;
}
