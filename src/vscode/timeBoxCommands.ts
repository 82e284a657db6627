import * as vscode from 'vscode';
import { withAssist, withoutAssist, withSnooze, activeAssist } from '../core/assists/timeBoxes';
import type { AreaTarget } from './areaTarget';
import type { TimeBoxStore } from './timeBoxStore';

const HOUR = 60 * 60 * 1000;

/** "I'm helping here until…": 24 h, 48 h, a week or a date, with an optional reason. */
export async function startAssist(target: AreaTarget, store: TimeBoxStore, now: number): Promise<boolean> {
  const choice = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('24 hours'), until: now + 24 * HOUR },
      { label: vscode.l10n.t('48 hours'), until: now + 48 * HOUR },
      { label: vscode.l10n.t('A week'), until: now + 7 * 24 * HOUR },
      { label: vscode.l10n.t('Until a date…'), until: undefined },
    ],
    { placeHolder: vscode.l10n.t('How long are you helping in {0}? Nudges pause until then.', target.area.area) },
  );
  if (!choice) return false;
  const until = choice.until ?? (await askForDate(now));
  if (until === undefined) return false;
  const reason = await vscode.window.showInputBox({
    prompt: vscode.l10n.t('Why are you helping here? (optional; it goes into the handoff note prompt)'),
    placeHolder: vscode.l10n.t('e.g. unblocking the Q3 launch while Priya is out'),
  });
  if (reason === undefined) return false;
  await store.update((boxes) =>
    withAssist(boxes, {
      folder: target.analysis.folder.uri.toString(),
      areaKey: target.area.key,
      areaName: target.area.area,
      startedAt: now,
      until,
      reason: reason.trim().slice(0, 500),
    }),
  );
  return true;
}

async function askForDate(now: number): Promise<number | undefined> {
  const text = await vscode.window.showInputBox({
    prompt: vscode.l10n.t('Help until which date? (YYYY-MM-DD, ends at the end of that day)'),
    validateInput: (value) => {
      const until = parseEndOfDay(value);
      if (until === undefined) return vscode.l10n.t('Write a date as YYYY-MM-DD.');
      if (until <= now) return vscode.l10n.t('Pick a date in the future.');
      if (until > now + 366 * 24 * HOUR) return vscode.l10n.t('Time boxes are for the short term: pick a date within a year.');
      return undefined;
    },
  });
  return text === undefined ? undefined : parseEndOfDay(text);
}

function parseEndOfDay(value: string): number | undefined {
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(value);
  if (!match) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59);
  return Number.isNaN(date.getTime()) || date.getMonth() !== Number(match[2]) - 1 ? undefined : date.getTime();
}

export async function endAssist(target: AreaTarget, store: TimeBoxStore, now: number): Promise<boolean> {
  const folder = target.analysis.folder.uri.toString();
  if (!activeAssist(store.boxes, folder, target.area.key, now)) return false;
  await store.update((boxes) => withoutAssist(boxes, folder, target.area.key, now));
  return true;
}

/** Snooze for an hour, for the rest of today, or say the area is actually mine (opens the map). */
export async function snooze(target: AreaTarget, store: TimeBoxStore, now: number): Promise<void> {
  const endOfToday = new Date(now);
  endOfToday.setHours(23, 59, 59, 999);
  const choice = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('For an hour'), until: now + HOUR, mine: false },
      { label: vscode.l10n.t('For the rest of today'), until: endOfToday.getTime(), mine: false },
      { label: vscode.l10n.t('This area is actually mine…'), description: vscode.l10n.t('Opens multiplier.ownershipMap'), until: undefined, mine: true },
    ],
    { placeHolder: vscode.l10n.t('Snooze nudges for {0}', target.area.area) },
  );
  if (!choice) return;
  if (choice.mine || choice.until === undefined) {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'multiplier.ownershipMap');
    return;
  }
  const until = choice.until;
  await store.update((boxes) => withSnooze(boxes, { folder: target.analysis.folder.uri.toString(), areaKey: target.area.key, until }, now));
}
