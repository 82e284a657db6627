import * as vscode from 'vscode';
import { activeAssist } from '../core/assists/timeBoxes';
import { isInferredArea } from '../core/areas/areaMatch';
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
      detail: vscode.l10n.t('Draft the note that hands {0} back to {1}', area.area, handBackTo(area)),
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
      detail: area.source === 'history' ? vscode.l10n.t('Ask the team who should pick it up') : vscode.l10n.t('Ask the owners who should pick it up'),
      run: () => undefined,
    });
  }
  // An area a rule names is "owned by" its owners; one read from history is described by its builders.
  const placeHolder = isInferredArea(area) ? vscode.l10n.t('{0} · {1}', area.area, ownersLabel(area)) : vscode.l10n.t('{0} · owned by {1}', area.area, area.owners.join(', '));
  const picked = await vscode.window.showQuickPick(items, { placeHolder, matchOnDetail: true });
  await picked?.run();
}

/** Whom the handoff note is for: the owners, or for an area read from history, the people who built it. */
function handBackTo(area: AreaReport): string {
  if (area.source === 'history') return builtBy(area) ?? vscode.l10n.t('the people who should own it');
  return area.owners.join(', ');
}
