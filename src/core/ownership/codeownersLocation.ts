import { CODEOWNERS_MAX_BYTES, parseCodeowners } from './codeownersParser';
import type { CodeownersFlavor, CodeownersProblem, OwnershipRule } from './types';

/** Where each host looks for CODEOWNERS, in its order: the first file found is the only one used. */
export const CODEOWNERS_LOCATIONS: Record<CodeownersFlavor, string[]> = {
  github: ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'],
  gitlab: ['CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS'],
};

/** Any of these in a repository means it is hosted on GitLab. */
const GITLAB_MARKERS = ['.gitlab/CODEOWNERS', '.gitlab-ci.yml', '.gitlab'];

export type CodeownersFlavorSetting = 'auto' | CodeownersFlavor;

/**
 * Reads a repo-relative file: undefined when it does not exist or is not a regular file. `text`
 * may be left out when the file is too large to be worth reading.
 */
export type ReadRepoFile = (relPath: string) => Promise<{ size: number; text?: string } | undefined>;

export type RepoPathExists = (relPath: string) => Promise<boolean>;

export interface LoadedCodeowners {
  readonly flavor: CodeownersFlavor;
  /** The file that was used (or skipped); undefined when there is none. */
  readonly sourcePath?: string;
  readonly rules: OwnershipRule[];
  readonly problems: CodeownersProblem[];
  /** Why no rules were loaded, for the log and the status view. */
  readonly skippedReason?: string;
}

/** Finds, size-checks and parses the repository's CODEOWNERS through the host's file ports. */
export async function loadCodeowners(
  readFile: ReadRepoFile,
  flavorSetting: CodeownersFlavorSetting,
  exists: RepoPathExists,
): Promise<LoadedCodeowners> {
  const flavor = flavorSetting === 'auto' ? await detectFlavor(exists) : flavorSetting;
  for (const relPath of CODEOWNERS_LOCATIONS[flavor]) {
    const file = await readFile(relPath);
    if (file) {
      return loadFile(file, relPath, flavor);
    }
  }
  return {
    flavor,
    rules: [],
    problems: [],
    skippedReason: `No CODEOWNERS file at ${CODEOWNERS_LOCATIONS[flavor].join(', ')}`,
  };
}

async function detectFlavor(exists: RepoPathExists): Promise<CodeownersFlavor> {
  for (const marker of GITLAB_MARKERS) {
    if (await exists(marker)) {
      return 'gitlab';
    }
  }
  return 'github';
}

/** The first file found is used even when unusable: GitHub does not fall back to the next location. */
function loadFile(file: { size: number; text?: string }, relPath: string, flavor: CodeownersFlavor): LoadedCodeowners {
  if (file.size > CODEOWNERS_MAX_BYTES) {
    const reason = `${relPath} is larger than 3 MB; GitHub ignores it too`;
    // Line 0: the problem is about the whole file, not one of its lines.
    return { flavor, sourcePath: relPath, rules: [], problems: [{ line: 0, kind: 'File too large', message: reason }], skippedReason: reason };
  }
  if (file.text === undefined) {
    return { flavor, sourcePath: relPath, rules: [], problems: [], skippedReason: `${relPath} could not be read` };
  }
  return { flavor, sourcePath: relPath, ...parseCodeowners(file.text, flavor, relPath) };
}
