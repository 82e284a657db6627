import type { AreaReport } from '../analysis/areaReport';
import type { Suggestion } from '../analysis/suggestions';
import { shortAreaName } from './statusView';

/** The `Co-authored-by:` trailer that credits a pairing partner in the commit. */
export function coAuthorTrailer(person: { readonly name: string; readonly email: string }): string {
  return `Co-authored-by: ${person.name.replace(/[\r\n<>\s]+/g, ' ').trim()} <${person.email.replace(/[\r\n<>\s]/g, '')}>`;
}

/** A short, warm invitation plus the trailer, ready to paste into chat and then into a commit. */
export function pairingInvitation(suggestion: Suggestion, area: AreaReport): string {
  const first = suggestion.name.split(/\s+/)[0] || suggestion.name;
  return [
    `Hi ${first}, I've been making changes in ${shortAreaName(area.area)} (${area.soloCommits} of the last ${area.commits}), and it's your team's area.`,
    'Could we pair for 30 minutes on the next one, so the decisions stay with you?',
    '',
    coAuthorTrailer(suggestion),
    '',
  ].join('\n');
}
