import picomatch from 'picomatch';

/**
 * A `multiplier.bots` or `multiplier.agents` entry as a matcher of an email or a name: with `*`
 * a case-insensitive glob over the whole value, otherwise a case-insensitive substring.
 */
export function compileIdentityPattern(pattern: string): (value: string) => boolean {
  const needle = pattern.toLowerCase();
  if (!needle.includes('*')) return (value) => value.toLowerCase().includes(needle);
  const isMatch = picomatch(needle, { nocase: true, nobrace: true, noextglob: true, dot: true, bash: true });
  return (value) => isMatch(value.toLowerCase());
}
