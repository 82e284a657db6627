import { compileIdentityPattern } from './identityPattern';
import type { Contact } from './person';

/**
 * AI coding agents, by the addresses they commit or co-author with. Each is also a bot: it is
 * never a person to pair with, and its commits with a human co-author are that human's. Users add
 * more in `multiplier.agents` (substrings or `*` globs of emails or names).
 */
const BUILT_IN_AGENT_EMAILS: readonly RegExp[] = [
  // Claude Code
  /^noreply@anthropic\.com$/i,
  // GitHub Copilot (co-author trailer and coding agent)
  /^(?:\d+\+)?copilot@users\.noreply\.github\.com$/i,
  /^(?:\d+\+)?copilot-swe-agent\[bot\]@users\.noreply\.github\.com$/i,
  // Cursor
  /^cursoragent@cursor\.com$/i,
  // OpenAI Codex
  /^noreply@openai\.com$/i,
  /^(?:\d+\+)?chatgpt-codex-connector\[bot\]@users\.noreply\.github\.com$/i,
  // aider, opencode, Amp
  /^noreply@aider\.chat$/i,
  /^noreply@opencode\.ai$/i,
  /^amp@ampcode\.com$/i,
  // Devin, Jules, Gemini Code Assist
  /^(?:\d+\+)?devin-ai-integration(?:\[bot\])?@users\.noreply\.github\.com$/i,
  /^(?:\d+\+)?google-labs-jules\[bot\]@users\.noreply\.github\.com$/i,
  /^(?:\d+\+)?gemini-code-assist\[bot\]@users\.noreply\.github\.com$/i,
];

export type AgentMatcher = (contact: Contact) => boolean;

/** True for a known AI agent or one of `patterns` (from `multiplier.agents`). */
export function createAgentMatcher(patterns: readonly string[]): AgentMatcher {
  const configured = patterns.map(compileIdentityPattern);
  return (contact) => BUILT_IN_AGENT_EMAILS.some((re) => re.test(contact.email)) || configured.some((matches) => matches(contact.email) || matches(contact.name));
}
