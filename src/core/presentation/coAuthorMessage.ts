import { parseContact, personKey, type Contact } from '../identity/person';
import { coAuthorTrailer } from './pairing';

export interface CoAuthoredMessage {
  readonly message: string;
  /** False when the message already named the person as co-author (by email). */
  readonly added: boolean;
}

/** `Token: value`, as git reads a trailer line (`Co-authored-by: …`, `Signed-off-by: …`). */
const TRAILER_LINE = /^[A-Za-z0-9][A-Za-z0-9-]*:\s*\S/;
const CO_AUTHOR_LINE = /^\s*co-authored-by:(.*)$/i;

/**
 * A commit message with `person`'s `Co-authored-by:` trailer added, keeping every line the user
 * typed. Git reads trailers only from the message's last paragraph, after a blank line: the
 * trailer joins that paragraph when it already is a trailer block (another co-author, a
 * sign-off), and otherwise opens one. An empty message keeps its first line empty for the
 * subject. A person already named as co-author (by email, in any case) is not added again.
 */
export function addCoAuthorTrailer(message: string, person: Contact): CoAuthoredMessage {
  const lines = message.split(/\r?\n/);
  if (namesCoAuthor(lines, person.email)) return { message, added: false };
  const trailer = coAuthorTrailer(person);
  const eol = message.includes('\r\n') ? '\r\n' : '\n';
  const typed = message.replace(/\s+$/, '');
  if (typed === '') return { message: `${eol}${eol}${trailer}`, added: true };
  const paragraphs = typed.split(/\r?\n(?:[ \t]*\r?\n)+/);
  const last = paragraphs[paragraphs.length - 1] ?? '';
  const endsWithTrailers = paragraphs.length > 1 && last.split(/\r?\n/).every((line) => TRAILER_LINE.test(line));
  return { message: `${typed}${endsWithTrailers ? eol : eol + eol}${trailer}`, added: true };
}

function namesCoAuthor(lines: readonly string[], email: string): boolean {
  const key = personKey(email);
  return lines.some((line) => {
    const value = CO_AUTHOR_LINE.exec(line)?.[1];
    const contact = value === undefined ? undefined : parseContact(value);
    return contact !== undefined && personKey(contact.email) === key;
  });
}
