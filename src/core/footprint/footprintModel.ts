/**
 * What the footprint webview receives: "if I disappeared for two weeks, would my teams keep
 * moving?", answered from every workspace folder's snapshot and the active assists. Pure, plain
 * data (it crosses to the webview as JSON); the host only gathers the inputs.
 */
import type { AreaReport } from '../analysis/areaReport';
import { allDives } from '../analysis/dives';
import { recentHandoffs, type HandoffRecord } from '../assists/handoffs';
import { activeAssist, type Assist } from '../assists/timeBoxes';
import { PLAIN_FORMAT } from '../presentation/shadowSentences';
import { toSeconds } from '../time';
import { balanceView, type BalanceView } from './balanceView';
import { diveTimeline, type DiveTimeline } from './diveTimeline';
import { handoffLoopView, type HandoffLoopView } from './handoffLoopView';
import type { FolderStatus } from '../presentation/statusView';
import type { AnalysisSnapshot } from '../scan/analysisSnapshot';
import { lastDays, plural } from '../text/wording';
import { areaView, type AreaView } from './areaView';

export interface FootprintFolderInput {
  /** The workspace folder's URI string, as assists and the area commands name it. */
  readonly uri: string;
  readonly name: string;
  readonly status: FolderStatus;
  readonly snapshot: AnalysisSnapshot | undefined;
}

export interface FootprintInput {
  /** Workspace folders open in the window (also those Multiplier cannot read). */
  readonly workspaceFolders: number;
  readonly trusted: boolean;
  readonly folders: readonly FootprintFolderInput[];
  readonly assists: readonly Assist[];
  /** What I handed back, and when (the handoff loop). */
  readonly handoffs: readonly HandoffRecord[];
  /** Milliseconds since the epoch. */
  readonly nowMs: number;
  readonly formatTime: (ms: number) => string;
  readonly formatDay: (ms: number) => string;
  /** "Mar", for the dives timeline's ticks. */
  readonly formatMonth: (ms: number) => string;
}

export interface Notice {
  readonly kind: 'info' | 'warning' | 'loading';
  readonly text: string;
}

/** An area listed by name only: one that is mine, or one I have no part in. */
export interface QuietArea {
  readonly name: string;
  readonly owners: string;
  readonly note: string;
}

export interface FolderView {
  /** Shown only in a multi-root workspace. */
  readonly name: string | undefined;
  readonly areas: readonly AreaView[];
  readonly ownAreas: readonly QuietArea[];
  readonly quietAreas: readonly QuietArea[];
  /** My dives of the year on a timeline; undefined when there were none. */
  readonly dives: DiveTimeline | undefined;
  readonly balance: BalanceView;
  /** What followed each area I handed back, latest first. */
  readonly handoffs: readonly HandoffLoopView[];
}

export interface AssistView {
  readonly folder: string;
  readonly areaKey: string;
  readonly text: string;
  readonly reason: string;
  /** False when the area is no longer in the analysis (its rule changed): nothing to open. */
  readonly canOpen: boolean;
  readonly handoffLabel: string;
}

export interface FootprintModel {
  readonly question: string;
  /** The short answer; undefined until some history has been read. */
  readonly answer: string | undefined;
  readonly notices: readonly Notice[];
  readonly assists: readonly AssistView[];
  readonly folders: readonly FolderView[];
  /** A friendly sentence when there is nothing to list. */
  readonly empty: string | undefined;
}

export const QUESTION = 'If you disappeared for two weeks, would your teams keep moving?';
const YOURS_PREFIX = 'This area is yours';

/** An area the analysis judged mine (I am an owner or a member of the owning team). */
export function isOwnArea(area: AreaReport): boolean {
  return area.level === 'none' && area.reasons.some((reason) => reason.startsWith(YOURS_PREFIX));
}

export function buildFootprintModel(input: FootprintInput): FootprintModel {
  const base = { question: QUESTION, answer: undefined, notices: [], assists: [], folders: [] };
  if (input.workspaceFolders === 0) return { ...base, empty: 'Open a folder with a git repository to see your footprint.' };
  if (!input.trusted) {
    const text = 'Restricted Mode: Multiplier reads no history in a folder you have not trusted, so there is nothing to show. Trust the folder to see your footprint.';
    return { ...base, notices: [{ kind: 'warning', text }], empty: undefined };
  }
  const multiRoot = input.folders.length > 1;
  const notices = input.folders.flatMap((folder) => folderNotices(folder, multiRoot));
  const ready = input.folders.filter((folder): folder is FootprintFolderInput & { snapshot: AnalysisSnapshot } => folder.snapshot !== undefined);
  const folders = ready.map((folder) => folderView(folder, input, multiRoot));
  const noAreas = ready.length > 0 && ready.every((folder) => folder.snapshot.areas.length === 0);
  return {
    question: QUESTION,
    answer: ready.length > 0 && !noAreas ? footprintAnswer(ready.flatMap((f) => f.snapshot.areas)) : undefined,
    notices,
    assists: assistViews(input, multiRoot),
    folders: noAreas ? [] : folders,
    empty: emptyText(input, noAreas),
  };
}

function emptyText(input: FootprintInput, noAreas: boolean): string | undefined {
  if (input.folders.length === 0) return 'Multiplier reads only folders on disk: open a local folder with a git repository to see your footprint.';
  if (noAreas) {
    return 'No team owns an area here yet, so there is no footprint to show. Multiplier learns who owns what from CODEOWNERS or the multiplier.ownershipMap setting.';
  }
  return undefined;
}

function folderNotices(folder: FootprintFolderInput, multiRoot: boolean): Notice[] {
  const where = multiRoot ? `${folder.name}: ` : '';
  const { status } = folder;
  switch (status.kind) {
    case 'disabled':
      return [{ kind: 'info', text: `${where}Multiplier is turned off here (multiplier.enabled).` }];
    case 'restricted':
      return [{ kind: 'warning', text: `${where}Restricted Mode: no history is read in a folder you have not trusted.` }];
    case 'no-repository':
      return [{ kind: 'info', text: `${where}Not a git repository: ${status.message}` }];
    case 'error':
      return [{ kind: 'warning', text: `${where}Multiplier could not read this repository: ${status.message} See Multiplier: Show Log.` }];
    case 'loading':
      return folder.snapshot ? [] : [{ kind: 'loading', text: `${where}${status.message}` }];
    case 'ready':
      return status.warnings.map((text) => ({ kind: 'info', text: `${where}${text}` }));
  }
}

const AREA_ORDER = (a: AreaReport, b: AreaReport): number =>
  Number(b.level === 'nudge') - Number(a.level === 'nudge') || b.mySoleKnownFiles - a.mySoleKnownFiles || b.myShare - a.myShare || a.area.localeCompare(b.area);

function folderView(folder: FootprintFolderInput & { snapshot: AnalysisSnapshot }, input: FootprintInput, multiRoot: boolean): FolderView {
  const { snapshot } = folder;
  const assistFor = (area: AreaReport): Assist | undefined => activeAssist({ version: 1, assists: input.assists, snoozes: [] }, folder.uri, area.key, input.nowMs);
  const own = snapshot.areas.filter(isOwnArea);
  const others = snapshot.areas.filter((area) => !isOwnArea(area));
  const involved = (area: AreaReport): boolean => area.myCommits > 0 || area.myKnownFiles > 0 || assistFor(area) !== undefined;
  const yearDives = allDives(snapshot.areas);
  const context = { folder: folder.uri, windowDays: snapshot.windowDays, weekly: snapshot.footprint, formatTime: input.formatTime, formatDay: input.formatDay, yearDives, nowSeconds: toSeconds(input.nowMs) };
  return {
    name: multiRoot ? folder.name : undefined,
    areas: others.filter(involved).sort(AREA_ORDER).map((area) => areaView(area, { ...context, assist: assistFor(area) })),
    ownAreas: own.map((area) => ({ name: area.area, owners: area.owners.join(', '), note: ownNote(area, snapshot.windowDays) })),
    quietAreas: others.filter((area) => !involved(area)).map((area) => ({ name: area.area, owners: area.owners.join(', '), note: `no changes or files of yours in ${lastDays(snapshot.windowDays)}` })),
    dives: diveTimeline({
      folder: folder.uri,
      dives: allDives(snapshot.areas),
      nowSeconds: toSeconds(input.nowMs),
      format: { ...PLAIN_FORMAT, day: (seconds) => input.formatDay(seconds * 1000) },
      formatMonth: (seconds) => input.formatMonth(seconds * 1000),
    }),
    balance: balanceView(snapshot.balance, snapshot.areas, snapshot.windowDays),
    handoffs: recentHandoffs({ version: 1, handoffs: input.handoffs }, input.nowMs)
      .filter((record) => record.folder === folder.uri)
      .map((record) => handoffLoopView(record, snapshot.areas.find((area) => area.key === record.areaKey), input.formatDay)),
  };
}

function ownNote(area: AreaReport, windowDays: number): string {
  const changes = area.myCommits > 0 ? `you made ${area.myCommits} of ${plural(area.commits, 'change')} in ${lastDays(windowDays)}` : `no changes of yours in ${lastDays(windowDays)}`;
  return `yours, so not counted as footprint · ${changes}`;
}

export function footprintAnswer(areas: readonly AreaReport[]): string {
  const others = areas.filter((area) => !isOwnArea(area));
  const primary = others.filter((area) => area.level === 'nudge').sort(AREA_ORDER);
  const sole = others.filter((area) => area.mySoleKnownFiles > 0);
  if (primary.length === 0 && sole.length === 0) {
    return 'Most likely: you are not the primary author of any team’s area, and no file of theirs is known only to you.';
  }
  const parts: string[] = [];
  if (primary.length > 0) parts.push(`the primary author in ${names(primary)}`);
  if (sole.length > 0) {
    const files = sole.reduce((sum, area) => sum + area.mySoleKnownFiles, 0);
    // The same areas need not be named twice: "… in /src/payments/ and the only one who knows 2 of its files".
    const same = sole.every((area) => primary.includes(area));
    const where = !same ? `${plural(files, 'file')} in ${names(sole)}` : `${files} of ${sole.length === 1 && primary.length === 1 ? 'its' : 'their'} files`;
    parts.push(`the only one who knows ${where}`);
  }
  return `Not yet: you are ${parts.join(' and ')}. Pairing with the owners or a handoff note would let them keep moving without you.`;
}

function names(areas: readonly AreaReport[]): string {
  const listed = areas.slice(0, 3).map((area) => area.area);
  const more = areas.length > 3 ? ` and ${areas.length - 3} more` : '';
  return `${listed.join(', ')}${more}`;
}

function assistViews(input: FootprintInput, multiRoot: boolean): AssistView[] {
  return input.assists
    .filter((assist) => assist.until > input.nowMs)
    .sort((a, b) => a.until - b.until)
    .flatMap((assist) => {
      const folder = input.folders.find((f) => f.uri === assist.folder);
      if (!folder) return [];
      const canOpen = folder.snapshot?.areas.some((area) => area.key === assist.areaKey) ?? false;
      const where = multiRoot ? ` (${folder.name})` : '';
      return [{
        folder: assist.folder,
        areaKey: assist.areaKey,
        text: `Helping in ${assist.areaName}${where} until ${input.formatTime(assist.until)}`,
        reason: assist.reason,
        canOpen,
        handoffLabel: `Write the handoff note for ${assist.areaName}`,
      }];
    });
}
