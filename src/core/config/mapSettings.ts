import { isPlainObject } from './isPlainObject';
import { describeValue, entryKey, itemKey } from './problemWording';
import { globPatternProblem } from './globPatterns';
import { readStringList } from './listSettings';
import { isOwnerToken, isTeamHandle, OWNER_TOKEN_HINT } from './ownerTokens';
import type { OwnershipMapEntry, ReportProblem } from './settingTypes';

/** An owner as written, with the exact key to report it under. */
interface OwnerCandidate {
  readonly key: string;
  readonly value: unknown;
}

/** The valid rules of `multiplier.ownershipMap`, in the order written (later ones win). */
export function readOwnershipMap(key: string, value: unknown, report: ReportProblem): OwnershipMapEntry[] {
  const rules: OwnershipMapEntry[] = [];
  for (const [pattern, owners] of objectEntries(key, value, 'must be an object mapping path patterns to owners', report)) {
    const rule = readOwnershipRule(entryKey(key, pattern), pattern.trim(), owners, report);
    if (rule) rules.push(rule);
  }
  return rules;
}

/** The valid teams of `multiplier.teams`; a team whose entry is unusable is left to inference. */
export function readTeams(key: string, value: unknown, report: ReportProblem): Record<string, readonly string[]> {
  const teams: Array<[string, readonly string[]]> = [];
  for (const [team, members] of objectEntries(key, value, 'must be an object mapping @org/team handles to lists of member emails or names', report)) {
    const teamKey = entryKey(key, team);
    if (!isTeamHandle(team.trim())) {
      report(teamKey, 'is not a team handle; use @org/team');
      continue;
    }
    const memberList = readStringList(teamKey, members, report);
    if (memberList) teams.push([team.trim(), memberList]);
  }
  // fromEntries defines own properties, so a key such as "__proto__" cannot reach the prototype.
  return Object.fromEntries(teams);
}

function objectEntries(key: string, value: unknown, expected: string, report: ReportProblem): Array<[string, unknown]> {
  if (value === undefined) return [];
  if (isPlainObject(value)) return Object.entries(value);
  report(key, `${expected}, got ${describeValue(value)}`);
  return [];
}

function readOwnershipRule(key: string, pattern: string, owners: unknown, report: ReportProblem): OwnershipMapEntry | undefined {
  const patternProblem = globPatternProblem(pattern);
  if (patternProblem) {
    report(key, `pattern ${patternProblem}`);
    return undefined;
  }
  const candidates = ownerCandidates(key, owners);
  if (!candidates) {
    report(key, `must be a list of owners or a space-separated string of owners, got ${describeValue(owners)}`);
    return undefined;
  }
  const valid = candidates.filter((candidate) => isValidOwner(candidate.value));
  const invalid = candidates.filter((candidate) => !isValidOwner(candidate.value));
  // An empty owner list means "explicitly unowned", so a rule whose every owner is a typo is
  // dropped instead: it must not silently take ownership away from the rules before it.
  if (invalid.length > 0 && valid.length === 0) {
    const written = invalid.map((candidate) => describeValue(candidate.value)).join(', ');
    report(key, `has no valid owner (${written}); ${OWNER_TOKEN_HINT}. The rule is ignored`);
    return undefined;
  }
  // A string of owners can repeat a typo ("@a bad bad"): one problem per key and wording.
  const reported = new Set<string>();
  for (const candidate of invalid) {
    const message = invalidOwnerMessage(candidate.value);
    if (reported.has(`${candidate.key}\0${message}`)) continue;
    reported.add(`${candidate.key}\0${message}`);
    report(candidate.key, message);
  }
  return { pattern, owners: valid.map((candidate) => (candidate.value as string).trim()) };
}

/** The owners as written, each with its exact key; undefined when `owners` has the wrong type. */
function ownerCandidates(key: string, owners: unknown): OwnerCandidate[] | undefined {
  if (typeof owners === 'string') {
    return owners.split(/\s+/).filter((token) => token !== '').map((token) => ({ key, value: token }));
  }
  if (Array.isArray(owners)) {
    return owners.map((owner: unknown, index) => ({ key: itemKey(key, index), value: owner }));
  }
  return undefined;
}

function isValidOwner(owner: unknown): boolean {
  return typeof owner === 'string' && isOwnerToken(owner.trim());
}

function invalidOwnerMessage(owner: unknown): string {
  return typeof owner === 'string'
    ? `${describeValue(owner)} is not a valid owner; ${OWNER_TOKEN_HINT}`
    : `must be an owner such as @user, @org/team or an email, got ${describeValue(owner)}`;
}
