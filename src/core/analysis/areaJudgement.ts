/**
 * Whether an area is mine, and what its knowledge says, before the share is weighed: an area is
 * mine when a rule names me (or a team I am a configured member of); an inferred area is also
 * mine when I built it, i.e. I am a degree-of-authorship author of at least half its files, and
 * only an inferred area whose knowledge is mainly others' (they author more of its files than I
 * do) can nudge.
 */
import type { AreaMatch } from '../areas/areaMatch';
import { ownerIsMe, type MyIdentity } from '../identity/myIdentity';
import { plural } from '../text/wording';
import type { OwnerMembers } from './ownerMembers';

/** An inferred area is mine from this share of its files known by me. */
export const BUILT_BY_ME_SHARE = 0.5;

export interface JudgementInput {
  readonly match: AreaMatch;
  readonly owners: ReadonlyArray<{ readonly owner: string; readonly members: OwnerMembers }>;
  readonly me: MyIdentity;
  readonly inferred: boolean;
  /** The area's files that count, and how many of them I am a DOA author of. */
  readonly files: number;
  readonly myKnownFiles: number;
  /** Files with a DOA author other than me. */
  readonly knownByOthers: number;
}

export interface Judgement {
  /** Why the area is mine ("you built it: …"), or undefined. */
  readonly mineBecause: string | undefined;
  /** Why an inferred area, not mine, still is not others' (I know as many of its files as they do), or undefined. */
  readonly notTheirs: string | undefined;
  /** What the knowledge says, for an inferred area that is not mine. */
  readonly reasons: readonly string[];
}

/** Whether I built an inferred area: I am a DOA author of at least half its files. */
export function builtByMe(area: { readonly files: number; readonly myKnownFiles: number }): boolean {
  return area.files > 0 && area.myKnownFiles >= area.files * BUILT_BY_ME_SHARE;
}

export function areaJudgement(input: JudgementInput): Judgement {
  const byRule = mineByRule(input);
  if (byRule || !input.inferred) return { mineBecause: byRule, notTheirs: undefined, reasons: [] };
  const known = `${input.myKnownFiles} of its ${plural(input.files, 'file')}`;
  if (builtByMe(input)) {
    return { mineBecause: `you built it (you know ${known}, from history)`, notTheirs: undefined, reasons: [] };
  }
  if (input.knownByOthers <= input.myKnownFiles) {
    return { mineBecause: undefined, notTheirs: `its knowledge is not mainly others': you know ${known}, others ${input.knownByOthers}`, reasons: [] };
  }
  return { mineBecause: undefined, notTheirs: undefined, reasons: [`Its knowledge is mainly others': they know ${input.knownByOthers} of its ${plural(input.files, 'file')}, you know ${input.myKnownFiles}.`] };
}

function mineByRule(input: JudgementInput): string | undefined {
  const { match, owners, me } = input;
  const where = match.source === 'settings' ? 'multiplier.ownershipMap' : match.sourcePath;
  const named = owners.find(({ owner }) => ownerIsMe(me, owner));
  if (named) return `you are listed as an owner (${named.owner} in ${where})`;
  const member = owners.find(({ members }) => members.includesMe);
  if (member) return `you are a member of ${member.owner}, which owns it`;
  return undefined;
}
