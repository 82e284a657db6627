/**
 * Messages between the footprint webview and the extension host. What the webview sends is
 * validated before anything acts on it: a webview is a web page, and its messages are input.
 */
import type { FootprintModel } from './footprintModel';

/** Host → webview. */
export interface ModelMessage {
  readonly type: 'model';
  readonly model: FootprintModel;
}

/** Webview → host: the script is ready for the model; or the user opened an area. */
export type FootprintMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'open'; readonly target: 'handoff' | 'why'; readonly folder: string; readonly areaKey: string };

const MAX_TEXT = 2000;
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= MAX_TEXT;

export function parseFootprintMessage(value: unknown): FootprintMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const message = value as Record<string, unknown>;
  if (message.type === 'ready') return { type: 'ready' };
  if (message.type !== 'open') return undefined;
  const { target, folder, areaKey } = message;
  if ((target !== 'handoff' && target !== 'why') || !isText(folder) || !isText(areaKey)) return undefined;
  return { type: 'open', target, folder, areaKey };
}
