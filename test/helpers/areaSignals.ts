import type { AreaReport } from '../../src/core/analysis/areaReport';

/** The long-shadow fields of an AreaReport when none applies: for tests that build reports by hand. */
export const NO_SHADOW_SIGNALS: Pick<AreaReport, 'isMine' | 'aiAssistedCommits' | 'decisionFiles' | 'othersLinesReplaced' | 'dives' | 'ownerChanges'> = {
  isMine: false,
  aiAssistedCommits: 0,
  decisionFiles: [],
  othersLinesReplaced: null,
  dives: [],
  ownerChanges: [],
};

/** A team area's report with plain numbers (a payments area, 12 changes, 8 of them mine), overridable. */
export function areaReport(overrides: Partial<AreaReport> = {}): AreaReport {
  return {
    ...NO_SHADOW_SIGNALS,
    key: 'payments-key',
    area: '/src/payments/',
    owners: ['@acme/payments'],
    source: 'codeowners',
    sourcePath: '.github/CODEOWNERS',
    commits: 12,
    myCommits: 8,
    soloCommits: 8,
    pairedCommits: 0,
    lines: 0,
    myLines: 0,
    commitShare: 8 / 12,
    lineShare: 0,
    myShare: 8 / 12,
    level: 'nudge',
    reasons: ['You made 8 of the 12 changes in /src/payments/ in the last 90 days (67%).'],
    suggestions: [],
    membersInferred: false,
    files: 4,
    myKnownFiles: 1,
    mySoleKnownFiles: 0,
    ...overrides,
  };
}
