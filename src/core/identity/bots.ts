import picomatch from 'picomatch';
import { detachedCopy } from '../git/nulTokenizer';
import type { Contact } from './person';

/**
 * Bots and AI agents. GitHub apps commit as `name[bot]@users.noreply.github.com`; a few agents
 * use their own addresses. Users add more in `multiplier.bots` (substrings or `*` globs).
 */
const BUILT_IN_BOT_EMAILS: readonly RegExp[] = [
  /\[bot\]@users\.noreply\.github\.com$/i,
  /^noreply@anthropic\.com$/i,
  /^cursoragent@cursor\.com$/i,
  /^(?:\d+\+)?(?:copilot|devin-ai-integration|github-actions)@users\.noreply\.github\.com$/i,
  /^bot@renovateapp\.com$/i,
  /^support@dependabot\.com$/i,
];
const BUILT_IN_BOT_NAMES: readonly RegExp[] = [/\[bot\]$/i, /^dependabot\b/i, /^renovate\b/i, /^github-actions\b/i];

export type BotMatcher = (contact: Contact) => boolean;

/** Answers are remembered per contact: a history asks about the same few people for every commit. */
export function createBotMatcher(patterns: readonly string[]): BotMatcher {
  const configured = patterns.map(compileBotPattern);
  const isBot = (contact: Contact): boolean => {
    if (BUILT_IN_BOT_EMAILS.some((re) => re.test(contact.email))) return true;
    if (BUILT_IN_BOT_NAMES.some((re) => re.test(contact.name))) return true;
    return configured.some((matches) => matches(contact.email) || matches(contact.name));
  };
  const answers = new Map<string, Map<string, boolean>>();
  return (contact) => {
    let byName = answers.get(contact.email);
    if (!byName) {
      byName = new Map();
      answers.set(detachedCopy(contact.email), byName);
    }
    let answer = byName.get(contact.name);
    if (answer === undefined) {
      answer = isBot(contact);
      byName.set(detachedCopy(contact.name), answer);
    }
    return answer;
  };
}

/** A pattern with `*` is a case-insensitive glob over the whole value; otherwise a substring. */
function compileBotPattern(pattern: string): (value: string) => boolean {
  const needle = pattern.toLowerCase();
  if (!needle.includes('*')) return (value) => value.toLowerCase().includes(needle);
  const isMatch = picomatch(needle, { nocase: true, nobrace: true, noextglob: true, dot: true, bash: true });
  return (value) => isMatch(value.toLowerCase());
}
