/**
 * The one judgement the product rests on: in this team-owned area, am I acting as the primary
 * author? Pure numbers in, a level and the sentences that explain it out.
 */

import { lastDays, percent, plural } from '../text/wording';

export type NudgeLevel = 'nudge' | 'info' | 'none';

export interface AreaNumbers {
  readonly area: string;
  readonly windowDays: number;
  /** Counted commits in the area in the window. */
  readonly commits: number;
  /** Of those, mine and not paired with the owners. */
  readonly soloCommits: number;
  /** Mine, co-authored with a member of the owning team: pairing, not heroism. */
  readonly pairedCommits: number;
  readonly lines: number;
  /** Lines of my unpaired commits. */
  readonly mySoloLines: number;
  /** Why the area is mine, when it is (e.g. "you are listed as an owner (@me)"). */
  readonly mineBecause: string | undefined;
  readonly shareThreshold: number;
  readonly minCommits: number;
}

export interface NudgeDecision {
  readonly level: NudgeLevel;
  /** My unpaired commits / all commits. */
  readonly commitShare: number;
  /** My unpaired lines / all lines (0 when no lines are known). */
  readonly lineShare: number;
  /** The share the decision used: the larger of the two. */
  readonly myShare: number;
  readonly reasons: readonly string[];
}


export function decideNudge(numbers: AreaNumbers): NudgeDecision {
  const solo = numbers.soloCommits;
  const commitShare = numbers.commits > 0 ? solo / numbers.commits : 0;
  const lineShare = numbers.lines > 0 ? numbers.mySoloLines / numbers.lines : 0;
  const myShare = Math.max(commitShare, lineShare);
  const shares = { commitShare, lineShare, myShare };
  const period = lastDays(numbers.windowDays);

  if (numbers.mineBecause) {
    return { level: 'none', ...shares, reasons: [`This area is yours: ${numbers.mineBecause}.`] };
  }
  if (solo + numbers.pairedCommits === 0) {
    return { level: 'none', ...shares, reasons: [`You have not changed ${numbers.area} in ${period}.`] };
  }

  const reasons = [`You made ${solo} of the ${plural(numbers.commits, 'change')} in ${numbers.area} in ${period} (${percent(commitShare)}).`];
  if (numbers.lines > 0) reasons.push(`Your solo work is ${numbers.mySoloLines} of ${plural(numbers.lines, 'changed line')} (${percent(lineShare)}).`);
  if (numbers.pairedCommits > 0) {
    reasons.push(`${plural(numbers.pairedCommits, 'change')} of yours ${numbers.pairedCommits === 1 ? 'was' : 'were'} paired with the owners: that counts as pairing, not solo work.`);
  }

  const soleRecentAuthor = solo > 0 && solo === numbers.commits;
  const overThreshold = myShare >= numbers.shareThreshold && solo >= numbers.minCommits;
  if (soleRecentAuthor) reasons.push(`Nobody else has changed ${numbers.area} in ${period}.`);
  else if (overThreshold) {
    reasons.push(`Nudges start at ${percent(numbers.shareThreshold)} with at least ${plural(numbers.minCommits, 'solo change')}.`);
  } else {
    reasons.push(`Below the nudge line (${percent(numbers.shareThreshold)} with at least ${plural(numbers.minCommits, 'solo change')}).`);
  }
  return { level: soleRecentAuthor || overThreshold ? 'nudge' : 'info', ...shares, reasons };
}
