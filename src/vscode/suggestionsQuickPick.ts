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
      label: `$(person) ${vscode.l10n.t('Pair with {0}', suggestion.name)}`,
      description: suggestion.email,
      detail: suggestion.reason,
      run: async () => {
        await vscode.env.clipboard.writeText(pairingInvitation(suggestion, area));
        void vscode.window.showInformationMessage(vscode.l10n.t('Copied an invitation and a Co-authored-by trailer for {0}.', suggestion.name));
      },
    })),
    {
      label: `$(note) ${vscode.l10n.t('Write handoff note')}`,
      detail: vscode.l10n.t('Draft the note that hands {0} back to {1}', area.area, area.owners.join(', ')),
      run: () => vscode.commands.executeCommand(COMMANDS.writeHandoffNote),
    },
    assisting
      ? {
          label: `$(watch) ${vscode.l10n.t('End my time-boxed help')}`,
          detail: vscode.l10n.t('Nudges come back; you will be offered the handoff note'),
          run: () => vscode.commands.executeCommand(COMMANDS.endAssist),
        }
      : {
          label: `$(watch) ${vscode.l10n.t("I'm helping here until…")}`,
          detail: vscode.l10n.t('Pause nudges for this area for a set time'),
          run: () => vscode.commands.executeCommand(COMMANDS.startAssist),
        },
    {
      label: `$(bell-slash) ${vscode.l10n.t('Snooze…')}`,
      detail: vscode.l10n.t('For an hour, for today, or mark the area as yours'),
      run: () => vscode.commands.executeCommand(COMMANDS.snooze),
    },
    {
      label: `$(question) ${vscode.l10n.t('Why am I seeing this?')}`,
      detail: vscode.l10n.t('The numbers and the rule, in an editor'),
      run: () => vscode.commands.executeCommand(COMMANDS.showWhy),
    },
  ];
  if (area.suggestions.length === 0) {
    items.unshift({
      label: `$(info) ${vscode.l10n.t('Nobody else knows this area or has changed it yet')}`,
      detail: vscode.l10n.t('Ask the owners who should pick it up'),
      run: () => undefined,
    });
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('{0} · owned by {1}', area.area, area.owners.join(', ')), matchOnDetail: true });
  await picked?.run();
}
