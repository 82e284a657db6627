import * as vscode from 'vscode';
import { activeAssist } from '../core/assists/timeBoxes';
import { builtBy, ownersLabel } from '../core/presentation/areaOrigin';
import { pairingInvitation } from '../core/presentation/pairing';
import type { AreaReport } from '../core/analysis/areaReport';
import type { AreaTarget } from './areaTarget';
import { COMMANDS } from './commandIds';
import type { TimeBoxStore } from './timeBoxStore';

interface SuggestionItem extends vscode.QuickPickItem {
  readonly run: () => Promise<unknown> | unknown;
}

/** The quick pick behind the status bar item: pair, hand off, time-box, snooze, why. */
export async function showSuggestions(target: AreaTarget, store: TimeBoxStore, now: number): Promise<void> {
  const { area } = target;
  const assisting = activeAssist(store.boxes, target.analysis.folder.uri.toString(), area.key, now);
  const items: SuggestionItem[] = [
    ...area.suggestions.map((suggestion) => ({
      label: `$(person) Pair with ${suggestion.name}`,
      description: suggestion.email,
      detail: suggestion.reason,
      run: async () => {
        await vscode.env.clipboard.writeText(pairingInvitation(suggestion, area));
        void vscode.window.showInformationMessage(`Copied an invitation and a Co-authored-by trailer for ${suggestion.name}.`);
      },
    })),
    { label: '$(note) Write handoff note', detail: `Draft the note that hands ${area.area} back to ${handBackTo(area)}`, run: () => vscode.commands.executeCommand(COMMANDS.writeHandoffNote) },
    assisting
      ? { label: '$(watch) End my time-boxed help', detail: 'Nudges come back; you will be offered the handoff note', run: () => vscode.commands.executeCommand(COMMANDS.endAssist) }
      : { label: "$(watch) I'm helping here until…", detail: 'Pause nudges for this area for a set time', run: () => vscode.commands.executeCommand(COMMANDS.startAssist) },
    { label: '$(bell-slash) Snooze…', detail: 'For an hour, for today, or mark the area as yours', run: () => vscode.commands.executeCommand(COMMANDS.snooze) },
    { label: '$(question) Why am I seeing this?', detail: 'The numbers and the rule, in an editor', run: () => vscode.commands.executeCommand(COMMANDS.showWhy) },
  ];
  if (area.suggestions.length === 0) {
    const nobody = area.source === 'history' ? 'Nobody who built this area was active in the window' : 'No owner-team member was active in the window';
    items.unshift({ label: `$(info) ${nobody}`, detail: 'Ask the owners who should pick this up', run: () => undefined });
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder: `${area.area} · ${area.directory === undefined ? 'owned by ' : ''}${ownersLabel(area)}`, matchOnDetail: true });
  await picked?.run();
}

/** Whom the handoff note is for: the owners, or for an area read from history, the people who built it. */
function handBackTo(area: AreaReport): string {
  if (area.source === 'history') return builtBy(area) ?? 'the people who should own it';
  return area.owners.join(', ');
}
