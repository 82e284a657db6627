const MAX_QUOTED_LENGTH = 60;

/**
 * A short rendering of a setting value for the "got …" part of a problem message. Strings are
 * quoted so `"30"` reads differently from `30`; long strings and containers are abbreviated
 * because the message has to fit on one line of a status-bar tooltip or a terminal.
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    return value.length > MAX_QUOTED_LENGTH
      ? `${JSON.stringify(value.slice(0, MAX_QUOTED_LENGTH))}…`
      : JSON.stringify(value);
  }
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** The exact key of one map entry, e.g. `multiplier.ownershipMap["src/x/"]`. */
export function entryKey(key: string, name: string): string {
  return `${key}[${JSON.stringify(name)}]`;
}

/** The exact key of one list item, e.g. `multiplier.ignore[2]`. */
export function itemKey(key: string, index: number): string {
  return `${key}[${index}]`;
}
