/**
 * One string per path, however many recent contributions name it: a year of commits names the
 * same few thousand paths again and again, and each decoded name is otherwise its own string.
 */
export function createPathInterner(): (path: string) => string {
  const paths = new Map<string, string>();
  return (path) => {
    const known = paths.get(path);
    if (known !== undefined) return known;
    paths.set(path, path);
    return path;
  };
}
