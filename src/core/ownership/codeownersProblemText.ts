import type { CodeownersProblem } from './types';

/**
 * One CODEOWNERS problem as `path:line: kind: message`, the form terminals and editors turn into
 * links; a problem with the whole file (line 0, e.g. a file over 3 MB) has no line number.
 */
export function codeownersProblemText(sourcePath: string | undefined, problem: CodeownersProblem): string {
  const where = sourcePath ?? 'CODEOWNERS';
  return `${where}${problem.line > 0 ? `:${problem.line}` : ''}: ${problem.kind}: ${problem.message}`;
}
