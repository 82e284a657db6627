import { parseCodeowners, type ParsedCodeowners } from '../../../src/core/ownership/codeownersParser';
import { createOwnershipResolver } from '../../../src/core/ownership/ownershipResolver';
import type { CodeownersFlavor, OwnershipMatch } from '../../../src/core/ownership/types';

/** Parses CODEOWNERS lines (joined with `\n`) as the file `CODEOWNERS`. */
export function parseLines(lines: readonly string[], flavor: CodeownersFlavor): ParsedCodeowners {
  return parseCodeowners(lines.join('\n'), flavor, 'CODEOWNERS');
}

/** Parses CODEOWNERS text and resolves one path through a resolver with no settings rules. */
export function resolveIn(text: string, flavor: CodeownersFlavor, path: string): OwnershipMatch | undefined {
  const { rules } = parseCodeowners(text, flavor, 'CODEOWNERS');
  return createOwnershipResolver({ settingsRules: [], codeownersRules: rules, flavor }).ownerOf(path);
}

/** The owners of `path`, or undefined when no rule covers it. */
export function ownersOf(lines: readonly string[], flavor: CodeownersFlavor, path: string): readonly string[] | undefined {
  return resolveIn(lines.join('\n'), flavor, path)?.owners;
}

/** Problems as `[line, kind]` pairs, to assert them exactly and readably. */
export function problemLines(parsed: ParsedCodeowners): Array<[number, string]> {
  return parsed.problems.map((problem) => [problem.line, problem.kind]);
}
