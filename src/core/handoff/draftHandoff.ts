import type { AreaReport } from '../analysis/areaReport';
import type { GitRunner } from '../git/gitCommand';
import { GitFailure } from '../git/gitFailure';
import { filterDriverNames, upstreamBranch } from '../git/repositoryCommands';
import { filterDriverOverrides } from '../git/safetyRecipe';
import type { ScanResult } from '../scan/scanRepository';
import { createPathFilter } from '../history/pathFilter';
import { personKey } from '../identity/person';
import { findOpenThreads, parseAddedLines } from './addedLinesParser';
import { areaKnowers } from './areaKnowers';
import { commitLineCounts, commitPatches, unpushedCommits, worktreeLineCounts, worktreePatch, worktreeStatus } from './handoffCommands';
import type { HandoffCommit, HandoffFileStat, HandoffInput, OpenThread, UncommittedChange } from './handoffModel';
import { handoffArea, type HandoffTarget } from './handoffTarget';
import { renderHandoffNote } from './renderHandoffNote';
import { withLinesReplaced } from '../replaced/readLinesReplaced';

/** Patches of at most this many of my recent commits are read for open threads. */
const MAX_PATCHED_COMMITS = 50;

/** Drafts the handoff note for the area of the path the user named. */
export async function draftHandoffNote(scan: ScanResult, target: HandoffTarget, signal?: AbortSignal): Promise<string> {
  return renderHandoffNote(await gatherHandoff(scan, await handoffArea(scan, target, signal), signal));
}

/** Everything the note says about `area`; replaced lines are read here when the area has none yet. */
export async function gatherHandoff(scan: ScanResult, area: AreaReport, signal?: AbortSignal): Promise<HandoffInput> {
  if (area.othersLinesReplaced !== null) return gatherHandoffOf(scan, area, [], signal);
  const replaced = await withLinesReplaced(scan, [area], { signal });
  return gatherHandoffOf(replaced.scan, replaced.scan.analysis.areas.find((a) => a.key === area.key) ?? area, replaced.warnings, signal);
}

async function gatherHandoffOf(scan: ScanResult, area: AreaReport, linesReplacedProblems: readonly string[], signal?: AbortSignal): Promise<HandoffInput> {
  const { analysis, runner, me } = scan;
  const inArea = (path: string): boolean => analysis.areaOf(path)?.key === area.key;
  const mine = analysis.contributions.filter(
    (c) => c.counted && c.time >= analysis.windowStartSeconds && analysis.isMe(c.author) && c.changes.some((change) => inArea(change.path)),
  );
  const myCommits: HandoffCommit[] = mine.map((c) => ({ sha: c.sha, time: c.time, subject: c.subject }));
  const shas = mine.map((c) => c.sha);
  const myFiles = shas.length > 0 ? sumLineCounts(await runner.run(commitLineCounts(shas), { signal }), inArea) : [];
  const patched = shas.slice(0, MAX_PATCHED_COMMITS);
  const committedThreads = patched.length > 0 ? findOpenThreads(parseAddedLines(await runner.run(commitPatches(patched), { signal })), inArea) : [];
  const upstream = await runner.run(upstreamBranch, { signal });
  const unpushed = upstream ? (await runner.run(unpushedCommits(upstream), { signal })).filter((c) => c.paths.some(inArea)) : [];
  const worktree = await readWorktree(runner, inArea, signal);
  const myPerson = [...analysis.people.values()].find((p) => analysis.isMe(p.key));
  const recipient = area.suggestions[0];
  const countsPath = createPathFilter(scan.settings.ignore);
  const { knowers, more } = areaKnowers({
    files: scan.index.files.filter((path) => countsPath(path) && inArea(path)),
    knowledge: scan.index.knowledge,
    people: analysis.people,
    leaveOut: (key) => analysis.isMe(key) || (recipient !== undefined && key === personKey(recipient.email)),
    changedByMe: new Set(myFiles.map((file) => file.path)),
  });
  return {
    area: area.area,
    owners: area.owners,
    ownershipSource: area.source === 'settings' ? 'multiplier.ownershipMap' : area.sourcePath,
    membersInferred: area.membersInferred,
    recipients: area.suggestions,
    me: { name: myPerson?.name ?? me.display[0] ?? 'me', email: myPerson?.email ?? me.display[0] ?? '' },
    knowers,
    moreKnowers: more,
    windowDays: analysis.windowDays,
    myCommits,
    myFiles,
    aiAssistedCommits: area.aiAssistedCommits,
    decisionFiles: area.decisionFiles,
    linesReplaced: area.othersLinesReplaced,
    linesReplacedProblems,
    branch: scan.repository.branch,
    upstream,
    unpushed: unpushed.map(({ sha, time, subject }) => ({ sha, time, subject })),
    uncommitted: worktree.changes,
    worktreeNote: worktree.note,
    openThreads: [...worktree.threads, ...committedThreads],
    share: { commits: area.commits, mySoloCommits: area.soloCommits, myShare: area.myShare, threshold: scan.settings.nudge.shareThreshold },
    nowSeconds: analysis.nowSeconds,
  };
}

function sumLineCounts(commits: ReadonlyArray<{ files: ReadonlyArray<{ path: string; added: number | null; removed: number | null }> }>, inArea: (path: string) => boolean): HandoffFileStat[] {
  const totals = new Map<string, { added: number | null; removed: number | null }>();
  for (const commit of commits) {
    for (const file of commit.files) {
      if (!inArea(file.path)) continue;
      const total = totals.get(file.path) ?? { added: 0, removed: 0 };
      totals.set(file.path, {
        added: total.added === null || file.added === null ? null : total.added + file.added,
        removed: total.removed === null || file.removed === null ? null : total.removed + file.removed,
      });
    }
  }
  return [...totals].map(([path, counts]) => ({ path, ...counts }));
}

interface WorktreeRead {
  readonly changes: UncommittedChange[];
  readonly threads: OpenThread[];
  readonly note: string | undefined;
}

/**
 * Uncommitted work, read with every filter driver blanked. A driver whose name cannot be blanked
 * safely means the worktree is not read at all; the note says so instead of guessing.
 */
async function readWorktree(runner: GitRunner, inArea: (path: string) => boolean, signal?: AbortSignal): Promise<WorktreeRead> {
  const overrides = filterDriverOverrides(await runner.run(filterDriverNames, { signal }));
  if (!overrides) {
    return { changes: [], threads: [], note: 'the repository defines a filter driver whose name cannot be switched off safely, so uncommitted changes were not read' };
  }
  try {
    const options = { signal, extraConfig: overrides };
    const status = (await runner.run(worktreeStatus, options)).filter((entry) => inArea(entry.path));
    const counts = status.length > 0 ? await runner.run(worktreeLineCounts, options) : new Map();
    const changes = status.map((entry) => ({ ...entry, ...(counts.get(entry.path) ?? { added: null, removed: null }) }));
    const threads = status.length > 0 ? findOpenThreads(parseAddedLines(await runner.run(worktreePatch, options)), inArea) : [];
    return { changes, threads, note: undefined };
  } catch (error) {
    if (error instanceof GitFailure && error.kind !== 'cancelled') return { changes: [], threads: [], note: `git could not read the working tree (${error.message})` };
    throw error;
  }
}
