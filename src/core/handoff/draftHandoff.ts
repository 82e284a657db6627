import type { AreaReport } from '../analysis/areaReport';
import type { GitRunner } from '../git/gitCommand';
import { GitFailure } from '../git/gitFailure';
import { filterDriverNames, treeEntries, upstreamBranch } from '../git/repositoryCommands';
import { filterDriverOverrides } from '../git/safetyRecipe';
import type { ScanResult } from '../scan/scanRepository';
import { findOpenThreads, parseAddedLines } from './addedLinesParser';
import { commitLineCounts, commitPatches, unpushedCommits, worktreeLineCounts, worktreePatch, worktreeStatus } from './handoffCommands';
import type { HandoffCommit, HandoffFileStat, HandoffInput, OpenThread, UncommittedChange } from './handoffModel';
import { renderHandoffNote } from './renderHandoffNote';
import { withLinesReplaced } from '../replaced/readLinesReplaced';

export class HandoffError extends Error {}

/** Patches of at most this many of my recent commits are read for open threads. */
const MAX_PATCHED_COMMITS = 50;

/** The area a path (file, folder, or an area's own name) lies in. */
export function findArea(scan: ScanResult, relPath: string): AreaReport | undefined {
  const path = relPath.replace(/^\.(?:\/|$)/, '').replace(/\/+$/, '');
  const { analysis } = scan;
  const byName = analysis.areas.find((area) => area.area === relPath || area.area.replace(/^\/|\/$/g, '') === path);
  if (byName) return byName;
  const direct = analysis.areaOf(path);
  if (direct) return direct;
  // A folder: the area of the first file below it that has one.
  const prefix = path === '' ? '' : `${path}/`;
  for (const contribution of analysis.contributions) {
    for (const change of contribution.changes) {
      if (change.path.startsWith(prefix)) {
        const area = analysis.areaOf(change.path);
        if (area) return area;
      }
    }
  }
  return undefined;
}

/** Drafts the handoff note for the area of `relPath` (repo-relative, `/`-separated). */
export async function draftHandoffNote(scan: ScanResult, relPath: string, signal?: AbortSignal): Promise<string> {
  if (relPath === '..' || relPath.startsWith('../')) throw new HandoffError(`${relPath} is outside the repository at ${scan.repository.topLevel}.`);
  const submodule = await submoduleContaining(scan, relPath, signal);
  if (submodule) {
    throw new HandoffError(
      `${relPath} is inside the submodule ${submodule}, a repository of its own whose history this repository does not hold. Write the note from the submodule (multiplier handoff PATH --repo ${submodule}).`,
    );
  }
  const area = findArea(scan, relPath);
  if (!area) throw new HandoffError(`${relPath || '.'} is not in a team-owned area: no ownership rule with owners matches it.`);
  return renderHandoffNote(await gatherHandoff(scan, area, signal));
}

/**
 * The submodule `relPath` lies in (or is), when one of its leading folders is a gitlink in HEAD:
 * the superproject's history only records which commit of it is used, never its files.
 */
async function submoduleContaining(scan: ScanResult, relPath: string, signal?: AbortSignal): Promise<string | undefined> {
  const segments = relPath.replace(/^\.(?:\/|$)/, '').replace(/\/+$/, '').split('/').filter((s) => s !== '' && s !== '.');
  if (segments.length === 0) return undefined;
  const prefixes = segments.map((_, index) => segments.slice(0, index + 1).join('/'));
  const entries = await scan.runner.run(treeEntries(prefixes), { signal });
  return entries.find((entry) => entry.type === 'commit')?.path;
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
  return {
    area: area.area,
    owners: area.owners,
    ownershipSource: area.source === 'settings' ? 'multiplier.ownershipMap' : area.sourcePath,
    membersInferred: area.membersInferred,
    recipients: area.suggestions,
    me: { name: myPerson?.name ?? me.display[0] ?? 'me', email: myPerson?.email ?? me.display[0] ?? '' },
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
