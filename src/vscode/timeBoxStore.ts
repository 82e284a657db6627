import * as vscode from 'vscode';
import {
  endedUnannounced,
  markAnnounced,
  nextDeadline,
  parseTimeBoxes,
  pruned,
  type Assist,
  type TimeBoxes,
} from '../core/assists/timeBoxes';

const STATE_KEY = 'multiplier.timeBoxes';
/** Timers longer than this are re-armed: setTimeout overflows past ~24.8 days. */
const MAX_TIMER_MS = 6 * 60 * 60 * 1000;

/**
 * Assists and snoozes in the workspace's persisted state, so they survive a window reload.
 * Reads are validated (`parseTimeBoxes`); one timer wakes the extension when the next box ends.
 */
export class TimeBoxStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TimeBoxes>();
  readonly onDidChange = this.changed.event;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly memento: vscode.Memento,
    private readonly clock: () => number,
    private readonly onAssistsEnded: (ended: readonly Assist[]) => void,
  ) {
    this.arm();
  }

  get boxes(): TimeBoxes {
    return parseTimeBoxes(this.memento.get<unknown>(STATE_KEY));
  }

  async update(change: (boxes: TimeBoxes) => TimeBoxes): Promise<void> {
    const next = pruned(change(this.boxes), this.clock());
    await this.memento.update(STATE_KEY, next);
    void vscode.commands.executeCommand('setContext', 'multiplier.hasAssists', next.assists.some((a) => a.until > this.clock()));
    this.changed.fire(next);
    this.arm();
  }

  /** Announces assists that ended (also those that ended while VS Code was closed). */
  async checkEnded(): Promise<void> {
    const boxes = this.boxes;
    const ended = endedUnannounced(boxes, this.clock());
    if (ended.length === 0) return;
    await this.update(() => markAnnounced(boxes, ended));
    this.onAssistsEnded(ended);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.changed.dispose();
  }

  private arm(): void {
    clearTimeout(this.timer);
    const deadline = nextDeadline(this.boxes, this.clock());
    if (deadline === undefined) return;
    this.timer = setTimeout(() => {
      void this.checkEnded();
      this.changed.fire(this.boxes);
      this.arm();
    }, Math.min(MAX_TIMER_MS, Math.max(0, deadline - this.clock()) + 50));
  }
}
