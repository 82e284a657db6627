import { validateSettings } from '../../../src/core/config/settings';

/** Validates a plain map of full dotted keys, as the host's configuration would hand them over. */
export function validateValues(values: Record<string, unknown>): ReturnType<typeof validateSettings> {
  return validateSettings((key) => (Object.hasOwn(values, key) ? values[key] : undefined));
}
