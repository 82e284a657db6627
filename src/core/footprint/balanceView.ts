/**
 * Where my hands-on time went, for the footprint: the balance as a chart's segments and one
 * sentence, and the outlets that keep a leader's hands warm without taking the wheel: areas of
 * my own, pairing sessions, reviews.
 */
import type { AreaReport } from '../analysis/areaReport';
import type { Balance } from '../analysis/balance';
import { englishList, lastDays, plural } from '../text/wording';

export type BalanceKind = keyof Balance;

export interface BalanceSegment {
  readonly kind: BalanceKind;
  readonly label: string;
  readonly count: number;
  /** Of all my changes in the window, 0–1. */
  readonly fraction: number;
}

export interface BalanceView {
  readonly segments: readonly BalanceSegment[];
  readonly total: number;
  /** The chart in one sentence; also its text alternative. */
  readonly sentence: string;
  readonly outlets: readonly string[];
}

const KINDS: ReadonlyArray<{ kind: BalanceKind; label: string; phrase: string }> = [
  { kind: 'own', label: 'your own areas', phrase: 'in your own areas' },
  { kind: 'paired', label: 'paired with owners', phrase: 'paired with the owners' },
  { kind: 'teamSolo', label: 'solo in team areas', phrase: 'solo in team areas' },
  { kind: 'unowned', label: 'unowned code', phrase: 'in code no team owns' },
];

export function balanceView(balance: Balance, areas: readonly AreaReport[], windowDays: number): BalanceView {
  const total = balance.own + balance.paired + balance.teamSolo + balance.unowned;
  const segments = KINDS.map(({ kind, label }) => ({ kind, label, count: balance[kind], fraction: total > 0 ? balance[kind] / total : 0 }));
  return { segments, total, sentence: balanceSentence(balance, total, windowDays), outlets: outlets(areas) };
}

/** "Of your 8 changes in the last 90 days, 1 was in your own areas, 1 paired with the owners and 6 solo in team areas." */
function balanceSentence(balance: Balance, total: number, windowDays: number): string {
  if (total === 0) return `You made no changes in ${lastDays(windowDays)}.`;
  const present = KINDS.filter(({ kind }) => balance[kind] > 0);
  const parts = present.map(({ kind, phrase }, i) => (i === 0 ? withVerb(`${balance[kind]} ${phrase}`, balance[kind] === 1 ? 'was' : 'were') : `${balance[kind]} ${phrase}`));
  return `Of your ${plural(total, 'change')} in ${lastDays(windowDays)}, ${englishList(parts)}.`;
}

/** "6 solo in team areas" → "6 were solo in team areas". */
function withVerb(part: string, verb: string): string {
  const space = part.indexOf(' ');
  return `${part.slice(0, space)} ${verb}${part.slice(space)}`;
}

function outlets(areas: readonly AreaReport[]): string[] {
  const own = areas.filter((area) => area.isMine).map((area) => area.area);
  const team = areas.filter((area) => !area.isMine && area.soloCommits > 0).sort((a, b) => Number(b.level === 'nudge') - Number(a.level === 'nudge') || b.soloCommits - a.soloCommits);
  const focus = team[0];
  const partner = focus?.suggestions[0];
  return [
    own.length > 0
      ? `Your own areas (${englishList(own.slice(0, 3))}${own.length > 3 ? ', …' : ''}): the decisions there are yours to make.`
      : 'An area of your own: a tool, a prototype or an experiment no team has claimed.',
    focus && partner
      ? `A pairing session with ${partner.name} in ${focus.area}: you stay close to the code, and the decisions stay with them.`
      : 'Pairing sessions with the owners, instead of solo changes in their areas.',
    focus
      ? `Reviews of the owners’ changes in ${focus.area}: you keep up with the code without taking the wheel.`
      : 'Reviews of your teams’ changes: you keep up with the code without taking the wheel.',
  ];
}
