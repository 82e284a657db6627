import type { AreaReport } from '../core/analysis/areaReport';
import type { LinesReplaced } from '../core/analysis/linesReplaced';
import { percent } from '../core/text/wording';
import { allDives } from '../core/analysis/dives';
import { shadowLines } from '../core/presentation/shadowSentences';
import type { ScanResult } from '../core/scan/scanRepository';
import { homeRelative } from './homePath';

const round = (share: number): number => Math.round(share * 10000) / 10000;

/** The JSON contract of `multiplier scan --json` (product.md), plus explanatory fields. */
export function scanJson(result: ScanResult): object {
  const { analysis, repository } = result;
  return {
    repo: repository.topLevel,
    head: repository.head,
    branch: repository.branch ?? null,
    me: result.me.display,
    windowDays: analysis.windowDays,
    shallow: repository.shallow,
    areas: analysis.areas.map(areaJson),
    warnings: result.warnings,
    codeowners: result.codeowners
      ? { path: result.codeowners.sourcePath ?? null, flavor: result.codeowners.flavor, problems: result.codeowners.problems, skipped: result.codeowners.skippedReason ?? null }
      : null,
  };
}

export function areaJson(area: AreaReport): object {
  return {
    area: area.area,
    owners: area.owners,
    source: area.source,
    sourcePath: area.sourcePath,
    commits: area.commits,
    myCommits: area.myCommits,
    pairedCommits: area.pairedCommits,
    myShare: round(area.myShare),
    commitShare: round(area.commitShare),
    lineShare: round(area.lineShare),
    lines: area.lines,
    myLines: area.myLines,
    level: area.level,
    reasons: area.reasons,
    membersInferred: area.membersInferred,
    files: area.files,
    myKnownFiles: area.myKnownFiles,
    suggestions: area.suggestions.map(({ name, email, reason }) => ({ name, email, reason })),
    aiAssistedCommits: area.aiAssistedCommits,
    decisionFiles: area.decisionFiles,
    othersLinesReplaced: linesReplacedJson(area.othersLinesReplaced),
  };
}

/** `{ total, byPerson, complete }`, or null where it was not read (areas without a nudge). */
export function linesReplacedJson(replaced: LinesReplaced | null): object | null {
  return replaced && { total: replaced.total, byPerson: replaced.byPerson.map(({ name, email, lines }) => ({ name, email, lines })), complete: replaced.complete };
}

const LEVEL_LABEL = { nudge: 'NUDGE', info: 'info ', none: '     ' } as const;

/**
 * Text for a terminal: what needs attention first, quiet areas summarised in one line. The
 * repository is named from `home` (`~/src/git`) when it lies there.
 */
export function scanText(result: ScanResult, home: string | undefined): string {
  const { analysis, repository } = result;
  const lines = [
    `Multiplier · ${homeRelative(repository.topLevel, home)} @ ${repository.head.slice(0, 7)}${repository.branch ? ` (${repository.branch})` : ' (detached)'}`,
    `Window: last ${analysis.windowDays} days · me: ${result.me.display.join(', ') || 'unknown'}`,
    '',
  ];
  const involved = analysis.areas.filter((area) => area.level !== 'none' || area.myCommits > 0);
  const yearDives = allDives(analysis.areas);
  const quiet = analysis.areas.length - involved.length;
  if (involved.length === 0) lines.push('You made no changes in team-owned areas in this window.');
  for (const area of involved) {
    lines.push(`${LEVEL_LABEL[area.level]}  ${area.area}  ${area.owners.join(' ')}  ${shareSummary(area)}`);
    if (area.level === 'nudge') {
      for (const reason of area.reasons) lines.push(`       ${reason}`);
      for (const line of shadowLines(area, yearDives, analysis.nowSeconds)) lines.push(`       ${line}`);
      for (const suggestion of area.suggestions) lines.push(`       → pair with ${suggestion.name} <${suggestion.email}>: ${suggestion.reason}`);
    }
  }
  if (quiet > 0) lines.push('', `${quiet} more owned ${quiet === 1 ? 'area' : 'areas'} where you made no changes.`);
  // Warnings (shallow clone, no identity) go to stderr, with the settings and CODEOWNERS ones.
  return `${lines.join('\n')}\n`;
}


/** "you 4/5 changes (80%) · 16/17 lines (94%)": both shares, each next to its own numbers. */
function shareSummary(area: AreaReport): string {
  const changes = `you ${area.soloCommits}/${area.commits} changes (${percent(area.commitShare)})`;
  return area.lines > 0 ? `${changes} · ${area.myLines}/${area.lines} lines (${percent(area.lineShare)})` : changes;
}
