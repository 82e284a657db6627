/**
 * Drafts the handoff note as Markdown. The voice is a colleague's, not an auditor's: it names
 * people and numbers, leaves room for the user's own words, and suggests concrete next steps.
 * Every string from the repository goes through escapeMarkdownText or codeSpan, so the draft
 * stays inert however it is previewed.
 */
import type { HandoffCommit, HandoffFileStat, HandoffInput, HandoffKnower, HandoffPerson, OpenThread, UncommittedChange } from './handoffModel';
import { codeSpan, escapeMarkdownText } from '../text/markdown';
import { englishList, percent, plural } from '../text/wording';
import { linesReplacedSentence, MARKDOWN_FORMAT } from '../presentation/shadowSentences';

const SHORT_SHA_LENGTH = 7;
const SECONDS_TO_MS = 1000;
/** U+2212, so "+12 −3" reads as a diffstat and not as a list marker or a hyphen. */
const MINUS = '\u2212';

export function renderHandoffNote(input: HandoffInput): string {
  const sections = [
    titleAndHeader(input),
    whySection(input),
    changesSection(input),
    workInProgressSection(input),
    openThreadsSection(input.openThreads),
    decisionsSection(input),
    nextStepsSection(input),
    shareSection(input),
  ];
  const lines = sections.map((section) => section.join('\n')).join('\n\n').split('\n');
  // The note is pasted into editors and PRs that flag trailing spaces.
  return `${lines.map((line) => line.trimEnd()).join('\n')}\n`;
}

// ---- sections -------------------------------------------------------------------------------

function titleAndHeader(input: HandoffInput): string[] {
  const [recipient, ...others] = input.recipients;
  return [
    `# Handoff: ${codeSpan(input.area)}`,
    '',
    `- **For:** ${recipient ? personWithReason(recipient) : 'no one suggested yet: ask the owners who should pick this up'}`,
    // One cc per line: reasons are sentences (they end in "." and may hold a ";").
    ...(others.length > 0 ? ['- **cc:**', ...others.map((person) => `  - ${personWithReason(person)}`)] : ['- **cc:** no one else']),
    `- **Owners:** ${ownersLine(input)}`,
    `- **From:** ${personLabel(input.me)}`,
    `- **Date:** ${utcDate(input.nowSeconds)} (UTC)`,
  ];
}

function whySection(input: HandoffInput): string[] {
  const area = codeSpan(input.area);
  const sentence = input.owners.length > 0
    ? `I've been doing a lot of the recent work in ${area}, which ${ownersPhrase(input.owners)}, and I'd like to hand it back so the decisions stay with them.`
    : `I've been doing a lot of the recent work in ${area}, and I'd like to hand it to the people who should own it.`;
  return [
    "## Why I'm handing this off",
    '',
    sentence,
    '',
    '_Add a sentence or two in your own words: what pulled you in, and what you hope they take over._',
  ];
}

function changesSection(input: HandoffInput): string[] {
  const heading = `## What I changed (last ${plural(input.windowDays, 'day')})`;
  if (input.myCommits.length === 0) return [heading, '', `No commits of mine here in the last ${plural(input.windowDays, 'day')}.`];
  const lines = [heading, '', ...input.myCommits.map(commitLine)];
  if (input.myFiles.length > 0) lines.push('', 'Files, most changed first:', '', ...sortedByChangedLines(input.myFiles).map(fileStatLine));
  const shadow = [
    aiAssistedLine(input.aiAssistedCommits),
    linesReplacedSentence(input.linesReplaced, MARKDOWN_FORMAT, 'My'),
    ...input.linesReplacedProblems.map((problem) => `_Not every replaced line could be read (${escapeMarkdownText(problem)})._`),
  ].filter((line): line is string => line !== undefined);
  if (shadow.length > 0) lines.push('', ...shadow);
  return lines;
}

function workInProgressSection(input: HandoffInput): string[] {
  const lines = ['## Work in progress', '', branchSentence(input)];
  if (input.worktreeNote !== undefined) {
    lines.push('', `The working tree was not read (${escapeMarkdownText(input.worktreeNote)}), so uncommitted changes are not listed here.`);
  }
  if (input.unpushed.length > 0) lines.push('', 'Not pushed yet:', '', ...input.unpushed.map(commitLine));
  if (input.uncommitted.length > 0) lines.push('', 'Uncommitted:', '', ...input.uncommitted.map(uncommittedLine));
  const nothingListed = input.unpushed.length === 0 && input.uncommitted.length === 0;
  if (nothingListed) lines.push('', input.worktreeNote === undefined ? 'Nothing uncommitted or unpushed.' : 'Nothing unpushed.');
  return lines;
}

function openThreadsSection(threads: readonly OpenThread[]): string[] {
  const body = threads.length > 0 ? threads.map(openThreadLine) : ['None found in your changes.'];
  return ['## Open threads', '', ...body];
}

/** Only what history cannot tell is left to fill in; the decision files my changes touched are listed. */
function decisionsSection(input: HandoffInput): string[] {
  const decisions = input.decisionFiles.length === 0
    ? ['- **Decisions I made, and why:** _fill in_']
    : ['- **Decisions I made, and why:**', ...input.decisionFiles.map((path) => `  - ${codeSpan(path)}: _what did I decide here, and why? Should the owners have made this call?_`)];
  return [
    '## Decisions and context',
    '',
    ...decisions,
    '- **What I tried and dropped:** _fill in_',
    ...whoElseKnows(input),
  ];
}

function whoElseKnows(input: HandoffInput): string[] {
  const label = '- **Who else knows this code:**';
  if (input.knowers.length === 0) return [`${label} no one else, by the history of its files`];
  const others = plural(input.moreKnowers, 'more person who knows', 'more people who know');
  const more = input.moreKnowers > 0 ? [`  - and ${others} fewer of its files`] : [];
  return [label, ...input.knowers.map((knower) => `  - ${personLabel(knower)}: ${knownFilesText(knower)}`), ...more];
}

/** "`a` and `b`", or "`a`, `b`, `c` and 4 more files" when the list was cut. */
function knownFilesText(knower: HandoffKnower): string {
  const named = knower.namedFiles.map(codeSpan);
  const unnamed = knower.knownFiles - named.length;
  return unnamed > 0 ? `${named.join(', ')} and ${plural(unnamed, 'more file')}` : englishList(named);
}

function nextStepsSection(input: HandoffInput): string[] {
  const recipient = input.recipients[0];
  const steps = recipient ? stepsWithRecipient(input, recipient) : stepsWithoutRecipient(input);
  const replaced = input.linesReplaced;
  if (replaced && replaced.total > 0) {
    const whose = replaced.byPerson.length === 1 && replaced.byPerson[0] ? escapeMarkdownText(replaced.byPerson[0].name) : 'their authors';
    steps.push(`Go over the ${plural(replaced.total, 'line')} my changes replaced with ${whose}: they may have had reasons I missed.`);
  }
  if (input.openThreads.length > 0) {
    const threads = input.openThreads.length === 1 ? 'the open thread' : `the ${input.openThreads.length} open threads`;
    steps.push(`Move ${threads} into ${ownersTracker(input.owners)}.`);
  }
  return ['## Suggested next steps', '', ...steps.map((step) => `- [ ] ${step}`)];
}

function shareSection(input: HandoffInput): string[] {
  const { commits, mySoloCommits, myShare, threshold } = input.share;
  const heading = '## My share';
  if (commits <= 0) return [heading, '', `No changes in this area in the last ${plural(input.windowDays, 'day')}.`];
  return [
    heading,
    '',
    `- **Before:** ${mySoloCommits} of ${plural(commits, 'change')} (${percent(myShare)}) in the last ${plural(input.windowDays, 'day')}.`,
    `- **After:** ${afterSentence(commits, mySoloCommits, threshold)}`,
  ];
}

// ---- share arithmetic -----------------------------------------------------------------------

/**
 * The smallest n with mySoloCommits / (commits + n) < threshold: how many more owner changes
 * bring my share under the nudge threshold. The closed form is checked against the inequality
 * itself so floating point (3 / 0.3 is not exactly 10) cannot make it off by one. undefined when
 * no n can, i.e. a threshold of 0 or less.
 */
export function changesToFallBelow(commits: number, mySoloCommits: number, threshold: number): number | undefined {
  const usable = [commits, mySoloCommits, threshold].every(Number.isFinite);
  if (!usable || threshold <= 0 || commits <= 0) return undefined;
  const isBelow = (n: number): boolean => mySoloCommits / (commits + n) < threshold;
  let n = Math.max(0, Math.ceil(mySoloCommits / threshold - commits));
  while (!isBelow(n)) n++;
  while (n > 0 && isBelow(n - 1)) n--;
  return n;
}

function afterSentence(commits: number, mySoloCommits: number, threshold: number): string {
  const n = changesToFallBelow(commits, mySoloCommits, threshold);
  const thresholdText = `the ${percent(threshold)} nudge threshold`;
  if (n === undefined) return `No number of owner changes brings my share under ${thresholdText}.`;
  if (n === 0) return `My share of changes is already below ${thresholdText}.`;
  const total = commits + n;
  return `${plural(n, 'more change')} by the owners would bring my share to ${mySoloCommits} of ${total} (${percent(mySoloCommits / total)}), below ${thresholdText}.`;
}

// ---- lines ----------------------------------------------------------------------------------

function stepsWithRecipient(input: HandoffInput, recipient: HandoffPerson): string[] {
  const name = addressedAs(recipient);
  const hasOpenWork = input.unpushed.length > 0 || input.uncommitted.length > 0 || input.worktreeNote !== undefined;
  return [
    `Pair with ${name} for 30 minutes on the changes above.`,
    hasOpenWork ? `Ask ${name} to review the open work before it lands.` : `Ask ${name} to review the changes above.`,
  ];
}

function stepsWithoutRecipient(input: HandoffInput): string[] {
  const askWhom = input.owners.length > 0 ? englishList(input.owners.map(escapeMarkdownText)) : 'the team';
  return [
    `Ask ${askWhom} who should pick this area up.`,
    'Pair with that person for 30 minutes on the changes above.',
  ];
}

function aiAssistedLine(aiAssistedCommits: number): string | undefined {
  if (aiAssistedCommits <= 0) return undefined;
  const these = aiAssistedCommits === 1 ? '1 of these changes was' : `${aiAssistedCommits} of these changes were`;
  return `${these} AI-assisted: code nobody on the team has written by hand yet, so walk the owners through it.`;
}

function commitLine(commit: HandoffCommit): string {
  return `- ${utcDate(commit.time)} ${codeSpan(commit.sha.slice(0, SHORT_SHA_LENGTH))} ${escapeMarkdownText(commit.subject)}`;
}

function fileStatLine(file: HandoffFileStat): string {
  return `- ${codeSpan(file.path)} ${lineCounts(file.added, file.removed)}`;
}

function uncommittedLine(change: UncommittedChange): string {
  return `- ${codeSpan(change.path)} ${statusWord(change.status)} ${lineCounts(change.added, change.removed)}`;
}

function openThreadLine(thread: OpenThread): string {
  const origin = thread.commit === undefined ? 'uncommitted' : codeSpan(thread.commit);
  return `- ${codeSpan(thread.path)}: ${escapeMarkdownText(thread.text)} (${origin})`;
}

function branchSentence(input: HandoffInput): string {
  if (input.branch === undefined) return 'On a detached HEAD.';
  const upstream = input.upstream === undefined ? 'with no upstream yet' : `tracking ${codeSpan(input.upstream)}`;
  return `On branch ${codeSpan(input.branch)}, ${upstream}.`;
}

function ownersLine(input: HandoffInput): string {
  const owners = input.owners.length > 0 ? input.owners.map(escapeMarkdownText).join(', ') : 'none recorded';
  const inferred = input.membersInferred ? ' (team members inferred from history)' : '';
  return `${owners}, from ${codeSpan(input.ownershipSource)}${inferred}`;
}

/** "@acme/payments owns" or "@a and @b own": the owners as the subject of a sentence. */
function ownersPhrase(owners: readonly string[]): string {
  return `${englishList(owners.map(escapeMarkdownText))} ${owners.length === 1 ? 'owns' : 'own'}`;
}

function ownersTracker(owners: readonly string[]): string {
  const [onlyOwner] = owners;
  return owners.length === 1 && onlyOwner !== undefined ? `the ${escapeMarkdownText(onlyOwner)} tracker` : "the owners' tracker";
}

function personWithReason(person: HandoffPerson): string {
  const reason = escapeMarkdownText(person.reason);
  return reason === '' ? personLabel(person) : `${personLabel(person)}: ${reason}`;
}

function personLabel(person: { readonly name: string; readonly email: string }): string {
  const name = escapeMarkdownText(person.name);
  const email = person.email.trim() === '' ? '' : codeSpan(person.email);
  if (name === '') return email === '' ? 'someone unnamed' : email;
  return email === '' ? name : `${name} (${email})`;
}

/** How the next steps address the recipient: by name, or by email when the name is empty. */
function addressedAs(person: HandoffPerson): string {
  const name = escapeMarkdownText(person.name);
  if (name !== '') return name;
  return person.email.trim() === '' ? 'them' : codeSpan(person.email);
}

// ---- small formatting -----------------------------------------------------------------------

function sortedByChangedLines(files: readonly HandoffFileStat[]): HandoffFileStat[] {
  // Binary files have no line count: they go last rather than pretending to be 0-line changes.
  const changedLines = (file: HandoffFileStat): number =>
    file.added === null || file.removed === null ? -1 : file.added + file.removed;
  return [...files].sort((a, b) => changedLines(b) - changedLines(a) || compareText(a.path, b.path));
}

function lineCounts(added: number | null, removed: number | null): string {
  if (added === null || removed === null) return 'binary';
  return `+${added} ${MINUS}${removed}`;
}

const STATUS_WORDS: Readonly<Record<string, string>> = {
  M: 'modified', A: 'added', D: 'deleted', R: 'renamed', C: 'copied', T: 'type changed', U: 'conflicted', '?': 'untracked',
};

/** Porcelain letters ("M", " M", "??", "R") as a word; unknown codes are shown escaped. */
function statusWord(status: string): string {
  const letter = status.trim()[0];
  return (letter !== undefined ? STATUS_WORDS[letter] : undefined) ?? escapeMarkdownText(status);
}

function utcDate(epochSeconds: number): string {
  const date = new Date(epochSeconds * SECONDS_TO_MS);
  // toISOString throws on an invalid date; a bad timestamp must not lose the whole note.
  return Number.isNaN(date.getTime()) ? 'unknown date' : date.toISOString().slice(0, 10);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
