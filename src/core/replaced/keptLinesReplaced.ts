/**
 * Replaced lines for one kept scan, read at most once per area: the nudge areas in the
 * background right after the scan, any other area when someone asks (*Why*, the handoff note),
 * and a question about an area being read in the background joins that read.
 */
import type { AreaReport } from '../analysis/areaReport';
import type { LinesReplaced } from '../analysis/linesReplaced';
import type { ScanResult } from '../scan/scanRepository';
import type { AreaLinesReplaced } from '../analysis/linesReplaced';
import { nudgeAreas, withLinesReplaced, type BlameCache } from './readLinesReplaced';

export type Lane = 'background' | 'interactive';

export class KeptLinesReplaced {
  private readonly reads = new Map<string, Promise<LinesReplaced | null>>();
  /** Stops the background read (the scan was replaced); questions are cancelled only by their askers. */
  private readonly background = new AbortController();
  private readonly inBackground = new Set<string>();

  /**
   * @param scans the scan with git in each lane
   * @param warn what stopped a read early besides the deadline (a git failure), for the log
   * @param cache the repository's blame results kept from earlier readings
   */
  constructor(
    private readonly scans: Readonly<Record<Lane, ScanResult>>,
    private readonly warn: (message: string) => void,
    private readonly cache?: BlameCache,
  ) {}

  /** Starts the background read of every nudge area; questions about them wait for it. */
  startForNudges(): void {
    const areas = nudgeAreas(this.scans.background.analysis.areas);
    if (areas.length === 0) return;
    areas.forEach((area) => this.inBackground.add(area.key));
    // Its failures are the log's (warn) and the next question's, which reads again.
    this.read(areas, 'background', this.background.signal).catch(() => undefined);
  }

  /** Replaced lines for each area (in order), reading those not read yet in `lane`. */
  async read(areas: readonly AreaReport[], lane: Lane, signal?: AbortSignal): Promise<AreaLinesReplaced[]> {
    const missing = areas.filter((area) => !this.reads.has(area.key));
    if (missing.length > 0) {
      const batch = withLinesReplaced(this.scans[lane], missing, { signal, cache: this.cache }).then((result) => {
        result.warnings.forEach(this.warn);
        return new Map(result.scan.analysis.areas.map((area) => [area.key, area.othersLinesReplaced]));
      });
      for (const area of missing) {
        const read = batch.then((byKey) => byKey.get(area.key) ?? null);
        // A cancelled or failed read is forgotten, so the next question reads again.
        read.catch(() => {
          if (this.reads.get(area.key) === read) this.reads.delete(area.key);
        });
        this.reads.set(area.key, read);
      }
    }
    const answers = await Promise.all(areas.map(async (area) => ({ areaKey: area.key, linesReplaced: await this.reads.get(area.key) })));
    return answers.flatMap(({ areaKey, linesReplaced }) => (linesReplaced ? [{ areaKey, linesReplaced }] : []));
  }

  /** Stops the background read (the scan was replaced); a later question reads its areas anew. */
  stop(): void {
    this.background.abort();
    for (const key of this.inBackground) this.reads.delete(key);
    this.inBackground.clear();
  }
}
