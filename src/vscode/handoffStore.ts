import * as vscode from 'vscode';
import { parseHandoffs, withHandoff, type HandoffRecord, type Handoffs } from '../core/assists/handoffs';

const STATE_KEY = 'multiplier.handoffs';

/**
 * The handoff loop's memory in the workspace's persisted state: per area, when I handed it back
 * and my share then. Reads are validated (`parseHandoffs`); what followed is never stored, the
 * footprint recomputes it from history on each read.
 */
export class HandoffStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Handoffs>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly memento: vscode.Memento,
    private readonly clock: () => number,
  ) {}

  get handoffs(): Handoffs {
    return parseHandoffs(this.memento.get<unknown>(STATE_KEY));
  }

  async remember(record: HandoffRecord): Promise<void> {
    const next = withHandoff(this.handoffs, record, this.clock());
    await this.memento.update(STATE_KEY, next);
    this.changed.fire(next);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
