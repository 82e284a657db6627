import type { AreaActivity } from './areaActivity';
import type { Person } from '../identity/person';
import { daysAgo, plural } from '../text/wording';

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
  readonly candidates: ReadonlySet<string>;
  readonly inferred: boolean;
  readonly people: ReadonlyMap<string, Person>;
  readonly isMe: (key: string) => boolean;
  readonly isBot: (person: Person) => boolean;
  readonly windowStartSeconds: number;
  readonly windowDays: number;
  readonly nowSeconds: number;
  readonly limit: number;
}

/**
 * Ranks owner-team people for pairing and handoff: knowledge of the area's files (DOA authorship)
 * and recent changes there weigh equally, each on a log scale relative to the best candidate
 * (see {@link relativeToBest}); the latest activity anywhere breaks ties. Me, bots and people with
 * no commit in the whole window are skipped.
 */
export function rankSuggestions(context: SuggestionContext): Suggestion[] {
  const ranked = [...context.candidates]
    .map((key) => context.people.get(key))
    .filter((person): person is Person => person !== undefined)
    .filter((person) => !context.isMe(person.key) && !context.isBot(person) && person.lastActive >= context.windowStartSeconds)
    .map((person) => ({
      person,
      knownFiles: context.activity.authoredFiles.get(person.key) ?? 0,
      recentChanges: context.activity.commitsBy.get(person.key) ?? 0,
    }));
  const maxKnown = Math.max(1, ...ranked.map((r) => r.knownFiles));
  const maxRecent = Math.max(1, ...ranked.map((r) => r.recentChanges));
  return ranked
    .map((r) => ({ ...r, score: relativeToBest(r.knownFiles, maxKnown) + relativeToBest(r.recentChanges, maxRecent) }))
    .sort((a, b) => b.score - a.score || b.person.lastActive - a.person.lastActive || a.person.key.localeCompare(b.person.key))
    .slice(0, context.limit)
    .map(({ person, knownFiles, recentChanges }) => ({
      name: person.name,
      email: person.email,
      reason: suggestionReason(knownFiles, recentChanges, person, context),
      inferred: context.inferred,
    }));
}

/**
 * A count as a fraction of the best candidate's, on a log scale: 1 for the best, 0 for none.
 * Both counts are heavy-tailed: in rails one person knows 416 of activerecord's files while the
 * people changing it every week know a few dozen. Scaled linearly, that knowledge plus a single
 * recent change outranked someone with 21 changes there in the window. Replaying two years of
 * rails, git/git, curl and express (`npm run eval`), the log scale's first suggestion went on to
 * change the area at least as often as the linear one's in every repository, and more often in
 * rails; the reasons shown still name the same two counts.
 */
export function relativeToBest(count: number, best: number): number {
  return best > 0 ? Math.log1p(count) / Math.log1p(best) : 0;
}

function suggestionReason(knownFiles: number, recentChanges: number, person: Person, context: SuggestionContext): string {
  const parts: string[] = [];
  if (knownFiles > 0) parts.push(`knows ${knownFiles} of ${context.activity.files} files in ${context.area}`);
  if (recentChanges > 0) parts.push(`${plural(recentChanges, 'change')} there in the last ${context.windowDays} days`);
  if (parts.length === 0) parts.push(`on the owning team, active ${daysAgo(person.lastActive, context.nowSeconds)}`);
  const sentence = parts.join('; ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}${context.inferred ? ' (team membership inferred from history)' : ''}.`;
}
