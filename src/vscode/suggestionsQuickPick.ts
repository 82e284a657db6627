import * as vscode from 'vscode';
import { activeAssist } from '../core/assists/timeBoxes';
import { pairingInvitation } from '../core/presentation/pairing';
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
    { label: '$(note) Write handoff note', detail: `Draft the note that hands ${area.area} back to ${area.owners.join(', ')}`, run: () => vscode.commands.executeCommand(COMMANDS.writeHandoffNote) },
    assisting
      ? { label: '$(watch) End my time-boxed help', detail: 'Nudges come back; you will be offered the handoff note', run: () => vscode.commands.executeCommand(COMMANDS.endAssist) }
      : { label: "$(watch) I'm helping here until…", detail: 'Pause nudges for this area for a set time', run: () => vscode.commands.executeCommand(COMMANDS.startAssist) },
    { label: '$(bell-slash) Snooze…', detail: 'For an hour, for today, or mark the area as yours', run: () => vscode.commands.executeCommand(COMMANDS.snooze) },
    { label: '$(question) Why am I seeing this?', detail: 'The numbers and the rule, in an editor', run: () => vscode.commands.executeCommand(COMMANDS.showWhy) },
  ];
  if (area.suggestions.length === 0) {
    items.unshift({ label: '$(info) Nobody else knows this area or has changed it yet', detail: 'Ask the owners who should pick it up', run: () => undefined });
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder: `${area.area} · owned by ${area.owners.join(', ')}`, matchOnDetail: true });
  await picked?.run();
}
