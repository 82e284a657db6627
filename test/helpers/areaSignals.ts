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
