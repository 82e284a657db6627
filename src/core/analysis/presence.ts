import { DAY_SECONDS } from '../time';

/**
 * Whether someone is around, from their latest counted commit anywhere in the repository:
 * `active` in the window, `away` for up to a year, `former` after that.
 */
export type Presence = 'active' | 'away' | 'former';

/**
 * A year without a commit makes someone former. In the histories of git/git, rails, curl and
 * express, of the people whose last commit was 180–365 days before a cut-off, 3.5–6.5% committed
 * again in the next 90 days; after 365 days without one, 0.9–2.7% did (against 24–46% of people
 * active in the last 90 days). Former people are still suggested, after everyone else.
 */
export const FORMER_AFTER_DAYS = 365;

export function presenceOf(lastActiveSeconds: number, windowStartSeconds: number, nowSeconds: number): Presence {
  if (lastActiveSeconds >= windowStartSeconds) return 'active';
  return nowSeconds - lastActiveSeconds <= FORMER_AFTER_DAYS * DAY_SECONDS ? 'away' : 'former';
}

/** Sort order: active people first, former ones last. */
export const PRESENCE_ORDER: Readonly<Record<Presence, number>> = { active: 0, away: 1, former: 2 };
