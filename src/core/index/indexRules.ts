import type { MultiplierSettings } from '../config/settings';
import { createPathFilter } from '../history/pathFilter';
import { createAgentMatcher } from '../identity/agents';
import { createBotMatcher } from '../identity/bots';
import type { PathFilter } from '../history/pathFilter';
import type { IndexRules } from './historyIndex';

/**
 * The rules that decide what counts, from settings and `.git-blame-ignore-revs`. `countsPath` is
 * the filter of `settings.ignore` when the caller already has one (a scan shares it with its analysis).
 */
export function indexRules(settings: MultiplierSettings, ignoredRevisions: readonly string[], countsPath: PathFilter = createPathFilter(settings.ignore)): IndexRules {
  return { isBot: createBotMatcher(settings.bots, settings.agents), isAgent: createAgentMatcher(settings.agents), countsPath, ignoredRevisions };
}
