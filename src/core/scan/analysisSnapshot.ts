/**
 * What the extension host keeps of a scan: plain data only, so it crosses from the analysis
 * worker by structured clone, plus a lookup built on the host from the ownership rules. The
 * status bar asks the lookup, in memory, on every editor change.
 */
import type { AreaReport } from '../analysis/areaReport';
import type { Balance } from '../analysis/balance';
import { areaKey } from '../analysis/areas';
import { weeklyActivity, type WeeklyActivity } from '../analysis/weeklyActivity';
import type { RepositoryInfo } from '../git/openRepository';
import { createOwnershipResolver, type OwnershipResolverInput } from '../ownership/ownershipResolver';
import type { AreaLinesReplaced } from '../analysis/linesReplaced';
import type { CodeownersReport, ScanResult } from './scanRepository';

export interface AnalysisSnapshot {
  /** Names this reading in the worker: questions about it (`FolderAnalysis.ask`) carry it. */
  readonly scanId: string;
  readonly repository: RepositoryInfo;
  readonly me: { readonly display: readonly string[] };
  readonly areas: readonly AreaReport[];
  readonly ownership: OwnershipResolverInput;
  readonly codeowners: CodeownersReport | undefined;
  readonly warnings: readonly string[];
  readonly windowDays: number;
  readonly read: ScanResult['read'];
  readonly commitCount: number;
  /** Week-by-week changes per area over the window, mine against all (the footprint chart). */
  readonly footprint: WeeklyActivity;
  /** Where my commits of the window went (the footprint's balance). */
  readonly balance: Balance;
}

export function toSnapshot(scan: ScanResult, scanId: string): AnalysisSnapshot {
  return {
    scanId,
    repository: scan.repository,
    me: { display: scan.me.display },
    areas: scan.analysis.areas,
    ownership: scan.ownership,
    codeowners: scan.codeowners,
    warnings: scan.warnings,
    windowDays: scan.analysis.windowDays,
    read: scan.read,
    commitCount: scan.index.commitCount,
    footprint: weeklyActivity({
      contributions: scan.index.recent,
      windowStartSeconds: scan.analysis.windowStartSeconds,
      nowSeconds: scan.analysis.nowSeconds,
      areaOf: (path) => scan.analysis.areaOf(path)?.key,
      isMe: scan.analysis.isMe,
    }),
    balance: scan.analysis.balance,
  };
}

/** The snapshot with replaced lines filled in for the areas answered (the rest as they were). */
export function snapshotWithLinesReplaced(snapshot: AnalysisSnapshot, answers: readonly AreaLinesReplaced[]): AnalysisSnapshot {
  if (answers.length === 0) return snapshot;
  const byKey = new Map(answers.map((answer) => [answer.areaKey, answer.linesReplaced]));
  return { ...snapshot, areas: snapshot.areas.map((area) => (byKey.has(area.key) ? { ...area, othersLinesReplaced: byKey.get(area.key) ?? null } : area)) };
}

/** path → its owned area's report, memoized per path (the status bar asks again and again). */
export function snapshotLookup(snapshot: AnalysisSnapshot): (path: string) => AreaReport | undefined {
  const resolver = createOwnershipResolver(snapshot.ownership);
  const byKey = new Map(snapshot.areas.map((area) => [area.key, area]));
  const memo = new Map<string, AreaReport | null>();
  return (path) => {
    let report = memo.get(path);
    if (report === undefined) {
      const match = resolver.ownerOf(path);
      report = (match && match.owners.length > 0 ? byKey.get(areaKey(match)) : undefined) ?? null;
      memo.set(path, report);
    }
    return report ?? undefined;
  };
}
