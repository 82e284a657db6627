/** A JSON object: what a map setting or a settings file must be (lists are objects too, to `typeof`). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
