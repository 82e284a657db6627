// GitHub handles are letters, digits and hyphens; GitLab also allows `.` and `_`. Accepting the
// union keeps one rule for both flavours of CODEOWNERS that the map sits on top of.
const HANDLE_SEGMENT = '[A-Za-z0-9_][A-Za-z0-9._-]*';
const USER_HANDLE = new RegExp(`^@${HANDLE_SEGMENT}$`);
// GitLab groups nest (`@group/subgroup/team`), so a team is an org followed by one or more segments.
const TEAM_HANDLE = new RegExp(`^@${HANDLE_SEGMENT}(?:/${HANDLE_SEGMENT})+$`);
// Deliberately loose: CODEOWNERS owners only need to be recognisably an address, and `docs@`
// or `alice@localhost` are far more often typos than real owners.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const OWNER_TOKEN_HINT = 'use @user, @org/team or an email';

/** `@user`, `@org/team` or an email, as CODEOWNERS accepts. */
export function isOwnerToken(token: string): boolean {
  return USER_HANDLE.test(token) || TEAM_HANDLE.test(token) || EMAIL.test(token);
}

/** `@org/team`: the only kind of owner that `multiplier.teams` can give members to. */
export function isTeamHandle(token: string): boolean {
  return TEAM_HANDLE.test(token);
}
