import { patternComplexityProblem } from './codeownersPattern';
import { hasEscaped, hasUnescaped, tokenize, unescapeLineSyntax } from './codeownersTokens';
import { isValidOwner } from './owners';
import type { CodeownersFlavor, CodeownersProblem, CodeownersProblemKind, OwnershipRule } from './types';

/** GitHub does not load a CODEOWNERS file of 3 MB or more; callers skip such files before parsing. */
export const CODEOWNERS_MAX_BYTES = 3 * 1024 * 1024;

export interface ParsedCodeowners {
  readonly rules: OwnershipRule[];
  readonly problems: CodeownersProblem[];
}

/** A GitLab section as it applies to the rules below its header. */
interface Section {
  /** The spelling of the section's first header; undefined for the rules before any header. */
  readonly name?: string;
  /** Owners for rules of this header that name none. */
  readonly defaultOwners: readonly string[];
}

interface ParseState {
  readonly flavor: CodeownersFlavor;
  readonly sourcePath: string;
  readonly rules: OwnershipRule[];
  readonly problems: CodeownersProblem[];
  /** Lower-cased name → the merged section, because GitLab merges sections case-insensitively. */
  readonly sections: Map<string, Section>;
  section: Section;
}

/** GitLab `[Name]`, `^[Name]`, `[Name][2]`, each optionally followed by default owners. */
const GITLAB_SECTION_HEADER = /^(\^)?\[([^\]]*)\](?:\[([^\]]*)\])?(.*)$/;
/** What a GitHub user most likely meant as a GitLab section header (not a `[ab].js` pattern). */
const SECTION_HEADER_LOOKALIKE = /^\^?\[[^\]]+\](?:\[\d*\])?(?=\s|$)/;

/**
 * Parses a CODEOWNERS file into ordered rules. Invalid lines are skipped and reported with their
 * 1-based line number, as GitHub and GitLab do in their "CODEOWNERS errors" views.
 */
export function parseCodeowners(text: string, flavor: CodeownersFlavor, sourcePath: string): ParsedCodeowners {
  const state: ParseState = {
    flavor,
    sourcePath,
    rules: [],
    problems: [],
    sections: new Map(),
    section: { defaultOwners: [] },
  };
  codeownersLines(text).forEach((rawLine, index) => {
    const content = rawLine.trim();
    if (content === '' || content.startsWith('#')) {
      return;
    }
    if (flavor === 'github') {
      parseGithubLine(content, index + 1, state);
    } else {
      parseGitlabLine(content, index + 1, state);
    }
  });
  return { rules: state.rules, problems: state.problems };
}

/** `trim()` would also drop a BOM, but only by accident of the spec; strip it on purpose. */
function codeownersLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
}

function parseGithubLine(content: string, line: number, state: ParseState): void {
  const header = SECTION_HEADER_LOOKALIKE.exec(content);
  if (header) {
    report(state, line, 'Invalid pattern', `\`${header[0]}\` is a GitLab section header; GitHub has no sections, so the line is skipped`);
    return;
  }
  const [patternToken = '', ...ownerTokens] = withoutInlineComment(tokenize(content));
  const unsupported = githubUnsupportedSyntax(patternToken);
  if (unsupported !== undefined) {
    report(state, line, 'Unsupported syntax', `\`${patternToken}\`: ${unsupported}; the line is skipped`);
    return;
  }
  // GitHub does not document `\ ` but we accept it as an escaped space, like GitLab and gitignore do,
  // rather than reject paths with spaces that GitHub may well match.
  const pattern = unescapeLineSyntax(patternToken);
  if (!isMatchablePattern(pattern, line, state)) {
    return;
  }
  const invalidOwners = ownerTokens.filter((token) => !isValidOwner(token, 'github'));
  for (const token of invalidOwners) {
    report(state, line, 'Invalid owner', `\`${token}\` is not a valid owner (expected @user, @org/team or an email); GitHub skips the whole line`);
  }
  if (invalidOwners.length === 0) {
    addRule(state, { pattern, owners: ownerTokens, line });
  }
}

/** GitHub ends the owners at a word starting with `#`. */
function withoutInlineComment(tokens: string[]): string[] {
  const commentStart = tokens.findIndex((token, index) => index > 0 && token.startsWith('#'));
  return commentStart < 0 ? tokens : tokens.slice(0, commentStart);
}

/** The gitignore syntax GitHub's documentation says does not work in CODEOWNERS. */
function githubUnsupportedSyntax(pattern: string): string | undefined {
  if (pattern.startsWith('!')) {
    return 'GitHub does not support `!` to negate a pattern';
  }
  if (hasEscaped(pattern, '#')) {
    return 'GitHub does not support escaping `#` with `\\`';
  }
  if (hasUnescaped(pattern, '[')) {
    return 'GitHub does not support `[ ]` character ranges';
  }
  return undefined;
}

function parseGitlabLine(content: string, line: number, state: ParseState): void {
  if (content.startsWith('[') || content.startsWith('^[')) {
    parseGitlabSectionHeader(content, line, state);
    return;
  }
  const [patternToken = '', ...ownerTokens] = tokenize(content);
  const exclusion = patternToken.startsWith('!');
  const pattern = unescapeLineSyntax(exclusion ? patternToken.slice(1) : patternToken);
  if (pattern === '') {
    report(state, line, 'Invalid pattern', '`!` must be followed by the pattern to exclude');
    return;
  }
  if (!isMatchablePattern(pattern, line, state)) {
    return;
  }
  if (exclusion) {
    // GitLab ignores owners written after an exclusion: the path has none in this section.
    addRule(state, { pattern, owners: [], line, exclusion: true });
    return;
  }
  const owners = validGitlabOwners(ownerTokens, line, state);
  addRule(state, { pattern, owners: owners.length > 0 ? owners : state.section.defaultOwners, line });
}

function parseGitlabSectionHeader(content: string, line: number, state: ParseState): void {
  const header = GITLAB_SECTION_HEADER.exec(content);
  const problem = header ? sectionHeaderProblem(header) : `\`${content}\` is missing the \`]\` that closes the section name`;
  if (!header || problem !== undefined) {
    report(state, line, 'Invalid section', `${problem}; the line is skipped`);
    return;
  }
  const name = (header[2] ?? '').trim();
  const defaultOwners = validGitlabOwners(tokenize(header[4] ?? ''), line, state);
  const earlier = state.sections.get(name.toLowerCase());
  // A repeated header continues the same section: it keeps the first spelling, and its earlier
  // default owners unless this header names new ones.
  state.section = {
    name: earlier?.name ?? name,
    defaultOwners: defaultOwners.length > 0 || !earlier ? defaultOwners : earlier.defaultOwners,
  };
  state.sections.set(name.toLowerCase(), state.section);
}

function sectionHeaderProblem(header: RegExpExecArray): string | undefined {
  const [whole, , name = '', approvals, rest = ''] = header;
  if (name.trim() === '') {
    return `\`${whole}\`: a section needs a name between \`[\` and \`]\``;
  }
  if (approvals !== undefined && !/^\d+$/.test(approvals)) {
    return `\`[${approvals}]\` after section \`${name}\` must be a number of approvals`;
  }
  if (rest !== '' && !/^\s/.test(rest)) {
    return `\`${whole}\` is not a section header; to start a pattern with a character class, write \`**/[…]\` (or \`/[…]\` for the root)`;
  }
  return undefined;
}

/** GitLab keeps a rule's valid owners and ignores (but reports) the other words. */
function validGitlabOwners(tokens: readonly string[], line: number, state: ParseState): string[] {
  for (const token of tokens.filter((candidate) => !isValidOwner(candidate, 'gitlab'))) {
    report(state, line, 'Invalid owner', gitlabInvalidOwnerMessage(token));
  }
  return tokens.filter((token) => isValidOwner(token, 'gitlab'));
}

function gitlabInvalidOwnerMessage(token: string): string {
  if (token.startsWith('#')) {
    return `\`${token}\` is not an owner: GitLab has no inline comments, so every word after the pattern is read as an owner; it is ignored`;
  }
  return `\`${token}\` is not a valid owner (expected @user, @group/subgroup, @@role or an email); it is ignored`;
}

function isMatchablePattern(pattern: string, line: number, state: ParseState): boolean {
  const complexity = patternComplexityProblem(pattern);
  if (complexity !== undefined) {
    report(state, line, 'Invalid pattern', `\`${pattern.slice(0, 80)}\`: ${complexity}; the line is skipped`);
  }
  return complexity === undefined;
}

function addRule(
  state: ParseState,
  rule: { pattern: string; owners: readonly string[]; line: number; exclusion?: boolean },
): void {
  const sectionName = state.section.name;
  // Assigned, not spread into the literal: a spread after the first field takes V8's slow path, per rule of a ten-thousand-line file.
  const added: { -readonly [K in keyof OwnershipRule]: OwnershipRule[K] } = { pattern: rule.pattern, owners: [...rule.owners], source: 'codeowners', sourcePath: state.sourcePath, line: rule.line };
  if (sectionName !== undefined) added.section = sectionName;
  if (rule.exclusion) added.exclusion = true;
  state.rules.push(added);
}

function report(state: ParseState, line: number, kind: CodeownersProblemKind, message: string): void {
  state.problems.push({ line, kind, message });
}
