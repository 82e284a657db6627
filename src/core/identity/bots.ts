import { detachedCopy } from '../git/nulTokenizer';
import { createAgentMatcher } from './agents';
import { compileIdentityPattern } from './identityPattern';
import type { Contact } from './person';

/**
 * Bots and AI agents. GitHub apps commit as `name[bot]@users.noreply.github.com`; agents are
 * recognised by `agents.ts`. Users add more in `multiplier.bots` and `multiplier.agents`
 * (substrings or `*` globs).
 */
const BUILT_IN_BOT_EMAILS: readonly RegExp[] = [
  /\[bot\]@users\.noreply\.github\.com$/i,
  /^(?:\d+\+)?github-actions@users\.noreply\.github\.com$/i,
  /^bot@renovateapp\.com$/i,
  /^support@dependabot\.com$/i,
];
const BUILT_IN_BOT_NAMES: readonly RegExp[] = [/\[bot\]$/i, /^dependabot\b/i, /^renovate\b/i, /^github-actions\b/i];

export type BotMatcher = (contact: Contact) => boolean;

/**
 * `patterns` from `multiplier.bots`, `agentPatterns` from `multiplier.agents`: an agent is a bot
 * too. Answers are remembered per contact: a history asks about the same few people for every
 * commit.
 */
export function createBotMatcher(patterns: readonly string[], agentPatterns: readonly string[] = []): BotMatcher {
  const configured = patterns.map(compileIdentityPattern);
  const isAgent = createAgentMatcher(agentPatterns);
  const isBot = (contact: Contact): boolean => {
    if (BUILT_IN_BOT_EMAILS.some((re) => re.test(contact.email))) return true;
    if (BUILT_IN_BOT_NAMES.some((re) => re.test(contact.name))) return true;
    if (isAgent(contact)) return true;
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
