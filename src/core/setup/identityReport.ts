/**
 * Who Multiplier takes me to be in one repository, for "Confirm My Identity": every email,
 * `@handle` and name that counts as me with where it comes from, how many recent commits that
 * recognises, and people in history who look like me but do not count (same name, other email).
 */
import type { Contribution } from '../history/contributions';
import { configEntries } from '../git/repositoryCommands';
import { createBotMatcher } from '../identity/bots';
import type { MyIdentity } from '../identity/myIdentity';
import { personKey, type Contact, type Person } from '../identity/person';
import { plural } from '../text/wording';
import { daysBetween } from '../time';
import type { ScanResult } from '../scan/scanRepository';
import { aliasKind, type AliasKind } from './aliases';

export type IdentitySource = 'git config user.email' | 'multiplier.identities' | '.mailmap' | 'GitHub no-reply address';

export interface IdentityEntry {
  readonly value: string;
  readonly kind: AliasKind;
  readonly source: IdentitySource;
}

export interface LookalikeIdentity {
  readonly email: string;
  readonly name: string;
  readonly recentChanges: number;
  readonly reason: string;
}

export interface IdentityReport {
  /** `user.name` / `user.email` as the repository's git config has them; undefined without an email. */
  readonly gitUser: Contact | undefined;
  readonly entries: readonly IdentityEntry[];
  /** `multiplier.identities` as the scan read it. */
  readonly aliases: readonly string[];
  /** Counted commits in the window authored by me. */
  readonly recentChanges: number;
  /** Seconds since the epoch of my latest counted commit, if any. */
  readonly lastActive: number | undefined;
  readonly windowDays: number;
  /** At most five, most recently active first. */
  readonly lookalikes: readonly LookalikeIdentity[];
}

export interface IdentityReportInput {
  readonly me: MyIdentity;
  readonly gitUser: Contact | undefined;
  readonly aliases: readonly string[];
  readonly people: ReadonlyMap<string, Person>;
  readonly isMe: (personKey: string) => boolean;
  readonly isBot: (contact: Contact) => boolean;
  readonly contributions: readonly Contribution[];
  /** Seconds since the epoch. */
  readonly windowStartSeconds: number;
  readonly windowDays: number;
  readonly nowSeconds: number;
}

const MAX_LOOKALIKES = 5;

/** Pure: from a finished analysis and git config's user to the report. */
export function describeIdentity(input: IdentityReportInput): IdentityReport {
  const aliasKeys = new Set(input.aliases.map(personKey));
  const gitEmail = input.gitUser ? personKey(input.gitUser.email) : undefined;
  const entries: IdentityEntry[] = input.me.display.map((value) => {
    const kind = aliasKind(value);
    const key = personKey(value);
    const source: IdentitySource =
      key === gitEmail ? 'git config user.email' : aliasKeys.has(key) ? 'multiplier.identities' : kind === 'handle' ? 'GitHub no-reply address' : '.mailmap';
    return { value, kind, source };
  });
  for (const alias of input.aliases) {
    if (aliasKind(alias) === 'name') entries.push({ value: alias.trim(), kind: 'name', source: 'multiplier.identities' });
  }

  const recentChanges = input.contributions.filter((c) => c.counted && c.time >= input.windowStartSeconds && input.isMe(c.author)).length;
  const mine = [...input.people.values()].filter((person) => input.isMe(person.key));
  const lastActive = mine.reduce<number | undefined>((latest, person) => (person.lastActive > 0 ? Math.max(latest ?? 0, person.lastActive) : latest), undefined);
  return {
    gitUser: input.gitUser,
    entries,
    aliases: input.aliases,
    recentChanges,
    lastActive,
    windowDays: input.windowDays,
    lookalikes: lookalikes(input),
  };
}

/** People who commit under my git user.name with an email that does not count as me. */
function lookalikes(input: IdentityReportInput): LookalikeIdentity[] {
  const name = input.gitUser?.name.trim().toLowerCase();
  if (!name) return [];
  const recentBy = new Map<string, number>();
  for (const c of input.contributions) {
    if (c.counted && c.time >= input.windowStartSeconds) recentBy.set(c.author, (recentBy.get(c.author) ?? 0) + 1);
  }
  return [...input.people.values()]
    .filter((person) => person.names.has(name) && !input.isMe(person.key) && !input.isBot({ name: person.name, email: person.email }) && person.lastActive > 0)
    .sort((a, b) => b.lastActive - a.lastActive || a.key.localeCompare(b.key))
    .slice(0, MAX_LOOKALIKES)
    .map((person) => {
      const recentChanges = recentBy.get(person.key) ?? 0;
      const when = recentChanges > 0
        ? `${plural(recentChanges, 'change')} in the last ${input.windowDays} days`
        : `last change ${plural(daysBetween(person.lastActive, input.nowSeconds), 'day')} ago`;
      return { email: person.email, name: person.name, recentChanges, reason: `commits as ${input.gitUser?.name.trim()}, your git user.name; ${when}` };
    });
}

/** The report for a scan: reads git config's user once (the scan keeps only the resolved identity). */
export async function readIdentityReport(scan: Pick<ScanResult, 'runner' | 'me' | 'settings' | 'analysis'>, signal?: AbortSignal): Promise<IdentityReport> {
  const config = await scan.runner.run(configEntries, { signal });
  const email = config.get('user.email');
  const isBot = createBotMatcher(scan.settings.bots, scan.settings.agents);
  return describeIdentity({
    me: scan.me,
    gitUser: email ? { name: config.get('user.name') ?? '', email } : undefined,
    aliases: scan.settings.identities,
    people: scan.analysis.people,
    isMe: scan.analysis.isMe,
    isBot,
    contributions: scan.analysis.contributions,
    windowStartSeconds: scan.analysis.windowStartSeconds,
    windowDays: scan.analysis.windowDays,
    nowSeconds: scan.analysis.nowSeconds,
  });
}
