import type { AreaReport } from '../analysis/areaReport';
import { escapeMarkdownText } from '../text/markdown';
import { percent } from '../text/wording';

/** "Why am I seeing this?": the numbers and rules behind an area's level, as Markdown. */
export function explainArea(area: AreaReport, context: { readonly windowDays: number; readonly threshold: number; readonly minCommits: number; readonly timeBoxes: readonly string[] }): string {
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
