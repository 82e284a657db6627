import { isValidOwner, ownerKind } from '../ownership/owners';

export const OWNER_TOKEN_HINT = 'use @user, @org/team or an email';

/**
 * `@user`, `@org/team` (GitLab's nested groups too) or an email: one rule, shared with the
 * CODEOWNERS parser, for both flavours the map sits on top of. GitLab roles (`@@maintainer`)
 * name no people we could suggest, so the map does not take them.
 */
export function isOwnerToken(token: string): boolean {
  return !token.startsWith('@@') && isValidOwner(token, 'gitlab');
}

/** `@org/team`: the only kind of owner that `multiplier.teams` can give members to. */
export function isTeamHandle(token: string): boolean {
  return isOwnerToken(token) && ownerKind(token) === 'team';
}
