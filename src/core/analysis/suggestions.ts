import type { AreaActivity } from './areaActivity';
import type { Person } from '../identity/person';
import { DAY_SECONDS } from '../time';
import { daysAgo, plural } from '../text/wording';
import { PRESENCE_ORDER, presenceOf, type Presence } from './presence';

export interface Suggestion {
  readonly name: string;
  readonly email: string;
  /** One line built from the numbers the ranking used. */
  readonly reason: string;
  /** True when the person's team membership was inferred from history. */
  readonly inferred: boolean;
}

export interface SuggestionContext {
  readonly area: string;
  readonly activity: AreaActivity;
  /** The owner team's members. */
  readonly candidates: ReadonlySet<string>;
  /**
   * True when history is all the team there is (members inferred from history): then everyone
   * history connects to the area is a candidate, not only those the team inference kept.
   */
  readonly teamFromHistory: boolean;
  /** True when the owner team's members were inferred from history (said in the reason). */
  readonly inferred: boolean;
  /** Everyone who knows the area's files or changed them: see {@link rankSuggestions}. */
  readonly areaPeople: ReadonlySet<string>;
  /** Per person key: counted commits anywhere in the repository in the window. */
  readonly windowCommitsBy: ReadonlyMap<string, number>;
  readonly people: ReadonlyMap<string, Person>;
  readonly isMe: (key: string) => boolean;
  readonly isBot: (person: Person) => boolean;
  readonly windowStartSeconds: number;
  readonly windowDays: number;
  readonly nowSeconds: number;
  readonly limit: number;
}

/** What the ranking knows about one candidate; the reason is built from exactly these. */
interface CandidateEvidence {
  readonly person: Person;
  readonly presence: Presence;
  /** Files of the area the person is a DOA author of. */
  readonly knownFiles: number;
  /** Their commits in the area in the window. */
  readonly recentChanges: number;
  /** Their commits anywhere in the repository in the window. */
  readonly windowCommits: number;
  /** Author time (seconds) of their latest change to the area's files, if any. */
  readonly lastChanged: number | undefined;
  /** False for someone history connects to the area who is not on its configured team. */
  readonly onTeam: boolean;
}

/**
 * Ranks people for pairing and handoff. Who: the owner team's members and everyone else who
 * knows the area's files or changed them (where the team comes from history, they are the team;
 * where it is configured, they join only when no member is active, after the members, saying
 * they are not on it). Never me or bots.
 * Order: former people ({@link presenceOf}) last, then the team before others, then people
 * active in the window before those away; within that, four signals weigh equally, each from 0
 * to 1:
 * - knowledge: DOA-authored files of the area ({@link relativeToBest});
 * - recent changes in the area in the window ({@link relativeToBest});
 * - freshness of that knowledge: their latest change to the area's files ({@link freshness});
 * - activity anywhere in the repository in the window ({@link relativeToBest}): someone busy in a
 *   neighbouring area is at hand; someone who has not committed anywhere is not.
 * Replaying two years of git/git, rails, curl and express (`npm run eval`), the last two raised
 * the first suggestion's hit rate where knowledge and recent changes alone put people who had
 * stopped working in the area, or anywhere, before those who had just been there.
 */
export function rankSuggestions(context: SuggestionContext): Suggestion[] {
  const evidence = candidateEvidence(context);
  const maxKnown = Math.max(1, ...evidence.map((e) => e.knownFiles));
  const maxRecent = Math.max(1, ...evidence.map((e) => e.recentChanges));
  const maxWindow = Math.max(1, ...evidence.map((e) => e.windowCommits));
  return evidence
    .map((e) => ({
      evidence: e,
      score:
        relativeToBest(e.knownFiles, maxKnown) +
        relativeToBest(e.recentChanges, maxRecent) +
        freshness(e.lastChanged, context.nowSeconds, context.windowDays) +
        relativeToBest(e.windowCommits, maxWindow),
    }))
    .sort(
      ({ evidence: a, score: scoreA }, { evidence: b, score: scoreB }) =>
        Number(a.presence === 'former') - Number(b.presence === 'former') ||
        Number(b.onTeam) - Number(a.onTeam) ||
        PRESENCE_ORDER[a.presence] - PRESENCE_ORDER[b.presence] ||
        scoreB - scoreA ||
        (b.lastChanged ?? 0) - (a.lastChanged ?? 0) ||
        b.person.lastActive - a.person.lastActive ||
        a.person.key.localeCompare(b.person.key),
    )
    .slice(0, context.limit)
    .map(({ evidence: e }) => ({
      name: e.person.name,
      email: e.person.email,
      reason: suggestionReason(e, context),
      inferred: context.inferred || !e.onTeam,
    }));
}

/**
 * The team, and where it comes from history everyone history connects to the area. A configured
 * team is the owner's word: others join only when none of its members is active in the window.
 */
function candidateEvidence(context: SuggestionContext): CandidateEvidence[] {
  const team = eligible(context.candidates, true, context);
  if (!context.teamFromHistory && team.some((e) => e.presence === 'active')) return team;
  const others = [...context.areaPeople].filter((key) => !context.candidates.has(key));
  return [...team, ...eligible(new Set(others), context.teamFromHistory, context)];
}

function eligible(keys: ReadonlySet<string>, onTeam: boolean, context: SuggestionContext): CandidateEvidence[] {
  const evidence: CandidateEvidence[] = [];
  for (const key of keys) {
    const person = context.people.get(key);
    if (!person || context.isMe(person.key) || context.isBot(person)) continue;
    evidence.push({
      person,
      presence: presenceOf(person.lastActive, context.windowStartSeconds, context.nowSeconds),
      knownFiles: context.activity.authoredFiles.get(key) ?? 0,
      recentChanges: context.activity.commitsBy.get(key) ?? 0,
      windowCommits: context.windowCommitsBy.get(key) ?? 0,
      lastChanged: context.activity.lastChangedBy.get(key),
      onTeam,
    });
  }
  return evidence;
}

/**
 * A count as a fraction of the best candidate's, on a log scale: 1 for the best, 0 for none.
 * The counts are heavy-tailed: in rails one person knows 416 of activerecord's files while the
 * people changing it every week know a few dozen. Scaled linearly, that knowledge plus a single
 * recent change outranked someone with 21 changes there in the window. Replaying two years of
 * rails, git/git, curl and express (`npm run eval`), the log scale's first suggestion went on to
 * change the area at least as often as the linear one's in every repository, and more often in
 * rails.
 */
export function relativeToBest(count: number, best: number): number {
  return best > 0 ? Math.log1p(count) / Math.log1p(best) : 0;
}

/**
 * How fresh someone's knowledge of an area is: 1 for a change today, halving with every window
 * (½ after 90 days by default, ¼ after 180), 0 for someone who never changed its files. The
 * half-life is the window, the span the product already calls "recent", not a fitted constant;
 * the evaluation moved little between 30 and 180 days.
 */
export function freshness(lastChangedSeconds: number | undefined, nowSeconds: number, windowDays: number): number {
  if (lastChangedSeconds === undefined) return 0;
  const ageDays = Math.max(0, nowSeconds - lastChangedSeconds) / DAY_SECONDS;
  return 0.5 ** (ageDays / windowDays);
}

/**
 * "Knows 12 of 40 files in /src/payments/; 3 changes there and 40 elsewhere in the last 90 days."
 * Each clause states one number the ranking used; people not active in the window say when they
 * last were, and former people say so first.
 */
function suggestionReason(e: CandidateEvidence, context: SuggestionContext): string {
  const parts: string[] = [];
  if (e.knownFiles > 0) parts.push(`knows ${e.knownFiles} of ${context.activity.files} files in ${context.area}`);
  const elsewhere = e.windowCommits - e.recentChanges;
  const inWindow = `in the last ${context.windowDays} days`;
  if (e.recentChanges > 0) {
    parts.push(`${plural(e.recentChanges, 'change')} there${elsewhere > 0 ? ` and ${elsewhere} elsewhere` : ''} ${inWindow}`);
  } else {
    if (e.lastChanged !== undefined) parts.push(`last changed there ${daysAgo(e.lastChanged, context.nowSeconds)}`);
    if (elsewhere > 0) parts.push(`${plural(elsewhere, 'change')} elsewhere ${inWindow}`);
  }
  // Someone history connects to the area knows a file or changed one; a configured member may not.
  if (e.knownFiles === 0 && e.recentChanges === 0 && e.lastChanged === undefined) parts.unshift('on the owning team');
  if (e.presence === 'away') parts.push(`last active ${daysAgo(e.person.lastActive, context.nowSeconds)}`);
  const sentence = parts.join('; ');
  const former = e.presence === 'former' ? `Former contributor, last active ${daysAgo(e.person.lastActive, context.nowSeconds)}: ` : '';
  const source = !e.onTeam ? ' (not on the owning team: from history)' : context.inferred ? ' (team membership inferred from history)' : '';
  return `${former}${former ? sentence : capitalized(sentence)}${source}.`;
}

function capitalized(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
