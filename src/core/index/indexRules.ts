import type { MultiplierSettings } from '../config/settings';
import { createPathFilter } from '../history/pathFilter';
import { createAgentMatcher } from '../identity/agents';
import { createBotMatcher } from '../identity/bots';
import type { IndexRules } from './historyIndex';

/** The rules that decide what counts, from settings and `.git-blame-ignore-revs`. */
export function indexRules(settings: MultiplierSettings, ignoredRevisions: readonly string[]): IndexRules {
  return { isBot: createBotMatcher(settings.bots, settings.agents), isAgent: createAgentMatcher(settings.agents), countsPath: createPathFilter(settings.ignore), ignoredRevisions };
}
