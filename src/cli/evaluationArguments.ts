import { parseArgs } from 'node:util';
import type { AreaSource } from '../core/evaluation/evaluationAreas';

export const EVALUATION_USAGE = `Usage:
  npm run eval -- [--repo DIR] [--json] [--areas auto|codeowners|directories] [--no-lines]
                  [--exclude-path PATH]...

Replays the repository's history to past cut-offs (every 30 days over the two years before its
last commit), ranks who to pair with in each area with the extension's own code, and scores that
ranking and three baselines against who actually changed the area in the 90 days after.

Options:
  --repo DIR       The repository (any folder inside it). Default: the current folder.
  --areas SOURCE   auto (default): CODEOWNERS when it owns at least half of the files, else one
                   area per top-level directory; or force codeowners / directories.
  --no-lines       Skip the line counts of all history (about 3× the history read) and the
                   "most lines added" baseline that needs them.
  --exclude-path PATH
                   Leave PATH (from the top of the repository) out of history, for a clone
                   that lacks its blobs (\`git fsck\` names them); repeatable. The report lists it.
  --json           Print one JSON object instead of tables.
  -h, --help       Show this help.`;

export class EvaluationUsageError extends Error {}

export interface EvaluationArguments {
  readonly help: boolean;
  readonly repo: string;
  readonly json: boolean;
  readonly areas: AreaSource;
  readonly withLineCounts: boolean;
  readonly excludePaths: readonly string[];
}

const AREA_SOURCES: readonly AreaSource[] = ['auto', 'codeowners', 'directories'];

/** Parses argv (without node and script); throws EvaluationUsageError with one clear sentence. */
export function parseEvaluationArguments(argv: readonly string[], cwd: string): EvaluationArguments {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        repo: { type: 'string' },
        json: { type: 'boolean' },
        areas: { type: 'string' },
        'no-lines': { type: 'boolean' },
        'exclude-path': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new EvaluationUsageError(String((error as Error).message).replace(/\. To specify.*$/s, '.'));
  }
  const areas = values.areas ?? 'auto';
  if (!AREA_SOURCES.includes(areas as AreaSource)) throw new EvaluationUsageError(`--areas must be one of ${AREA_SOURCES.join(', ')}, got "${areas}".`);
  return {
    help: values.help ?? false,
    repo: values.repo ?? cwd,
    json: values.json ?? false,
    areas: areas as AreaSource,
    withLineCounts: !(values['no-lines'] ?? false),
    excludePaths: excludedPaths(values['exclude-path'] ?? []),
  };
}

/** Paths as git's `:(top,literal)` pathspecs take them: relative to the top, no leading `/`. */
function excludedPaths(values: readonly string[]): string[] {
  return values.map((value) => {
    const path = value.replace(/^\/+/, '');
    if (path.length === 0 || path.includes('\0')) throw new EvaluationUsageError(`--exclude-path needs a path inside the repository, got "${value}".`);
    return path;
  });
}
