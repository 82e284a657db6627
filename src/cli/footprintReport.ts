/**
 * `multiplier footprint`: the footprint view's answers for a terminal or CI — the team areas I
 * work in, my dives of the year and what the owners did after each, and the balance of my
 * changes with the outlets that take nothing from a team. Same core sentences as the webview.
 */
import { allDives, type Dive } from '../core/analysis/dives';
import { balanceView } from '../core/footprint/balanceView';
import { footprintAnswer, isOwnArea, QUESTION } from '../core/footprint/footprintModel';
import { diveLine, shadowLines } from '../core/presentation/shadowSentences';
import type { ScanResult } from '../core/scan/scanRepository';
import { percent } from '../core/text/wording';
import { homeRelative } from './homePath';
import { areaJson } from './scanReport';

const isoTime = (seconds: number): string => new Date(seconds * 1000).toISOString();

function footprintAreas(result: ScanResult): ScanResult['analysis']['areas'] {
  return result.analysis.areas.filter((area) => !isOwnArea(area) && (area.myCommits > 0 || area.myKnownFiles > 0));
}

function diveJson(dive: Dive, nowSeconds: number): object {
  return {
    area: dive.area,
    start: isoTime(dive.startSeconds),
    end: isoTime(dive.endSeconds),
    commits: dive.commits,
    aiAssistedCommits: dive.aiAssistedCommits,
    ownersChangesAfter: dive.ownersChangesAfter,
    aftermathEnd: isoTime(dive.aftermathEndSeconds),
    aftermathComplete: dive.aftermathEndSeconds <= nowSeconds,
  };
}

/** The JSON contract of `multiplier footprint --json` (issue 11), dates in ISO 8601. */
export function footprintJson(result: ScanResult): object {
  const { analysis, repository } = result;
  const balance = balanceView(analysis.balance, analysis.areas, analysis.windowDays);
  return {
    repo: repository.topLevel,
    head: repository.head,
    me: result.me.display,
    windowDays: analysis.windowDays,
    now: isoTime(analysis.nowSeconds),
    answer: footprintAnswer(analysis.areas),
    areas: footprintAreas(result).map((area) => ({ ...areaJson(area), mySoleKnownFiles: area.mySoleKnownFiles })),
    ownAreas: analysis.areas.filter(isOwnArea).map((area) => area.area),
    dives: allDives(analysis.areas).map((dive) => diveJson(dive, analysis.nowSeconds)),
    balance: { ...analysis.balance, sentence: balance.sentence, outlets: balance.outlets },
    warnings: result.warnings,
  };
}

/** The footprint for a terminal; the repository is named from `home` (`~/src/git`) when it lies there. */
export function footprintText(result: ScanResult, home: string | undefined): string {
  const { analysis, repository } = result;
  const dives = allDives(analysis.areas);
  const balance = balanceView(analysis.balance, analysis.areas, analysis.windowDays);
  const lines = [
    `Multiplier footprint · ${homeRelative(repository.topLevel, home)} @ ${repository.head.slice(0, 7)}${repository.branch ? ` (${repository.branch})` : ' (detached)'}`,
    `Window: last ${analysis.windowDays} days · me: ${result.me.display.join(', ') || 'unknown'}`,
    '',
    QUESTION,
    footprintAnswer(analysis.areas),
    '',
    'Team areas you work in:',
  ];
  const areas = footprintAreas(result);
  if (areas.length === 0) lines.push('  none in this window.');
  for (const area of areas) {
    lines.push(`  ${area.area}  ${area.owners.join(' ')}  you ${percent(area.myShare)}${area.level === 'nudge' ? '  (primary author)' : ''}`);
    for (const line of shadowLines(area, dives, analysis.nowSeconds)) lines.push(`    ${line}`);
  }
  lines.push('', 'Dives into team areas, the last 365 days:');
  if (dives.length === 0) lines.push('  none: no run of 3 or more solo changes in one team area.');
  for (const dive of dives) lines.push(`  ${dive.area}  ${diveLine(dive, analysis.nowSeconds)}`);
  lines.push('', 'Where your hands-on time went:', `  ${balance.sentence}`, '  Outlets that take nothing from a team:', ...balance.outlets.map((outlet) => `  - ${outlet}`));
  return `${lines.join('\n')}\n`;
}
