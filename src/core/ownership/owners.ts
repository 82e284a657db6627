import type { CodeownersFlavor } from './types';

/** How an owner names people: one person (`@user`, an email) or a group (`@org/team`, a GitLab role). */
export type OwnerKind = 'team' | 'user' | 'email';

// Deliberately permissive: we cannot ask the host whether a handle exists ("Unknown owner"), so we
// only reject what can never be an owner (`docs@`, `#`, `@`), not what might be a typo.
const HANDLE_PART = '[A-Za-z0-9_][A-Za-z0-9._-]*';
const USER_HANDLE = new RegExp(`^@${HANDLE_PART}$`);
const GITHUB_TEAM = new RegExp(`^@${HANDLE_PART}/${HANDLE_PART}$`);
/** GitLab groups nest: `@group/subgroup/team`. */
const GITLAB_GROUP = new RegExp(`^@${HANDLE_PART}(?:/${HANDLE_PART})+$`);
/** GitLab can name a project role as owner. */
const GITLAB_ROLE = /^@@(?:developer|maintainer|owner)$/i;
const EMAIL = /^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/;

/** Whether `token` can be an owner in a CODEOWNERS file of `flavor` (settings use GitHub's rules). */
export function isValidOwner(token: string, flavor: CodeownersFlavor = 'github'): boolean {
  if (USER_HANDLE.test(token) || EMAIL.test(token)) {
    return true;
  }
  return flavor === 'github' ? GITHUB_TEAM.test(token) : GITLAB_GROUP.test(token) || GITLAB_ROLE.test(token);
}

/** Classifies a valid owner; a GitLab role (`@@maintainer`) counts as a team because it names a group. */
export function ownerKind(owner: string): OwnerKind {
  if (!owner.startsWith('@')) {
    return 'email';
  }
  return owner.startsWith('@@') || owner.includes('/') ? 'team' : 'user';
}
