/** Checks for values read back from persisted state, which may be corrupt, old or edited by hand. */

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
export const isText = (value: unknown, max = 2000): value is string => typeof value === 'string' && value.length <= max;
export const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;
