import picomatch from 'picomatch';

/**
 * Paths whose changes say nothing about who knows an area: lockfiles, generated and vendored
 * files. They inflate counts (a dependency bump touches thousands of lock lines) and are the
 * noise users complain about most.
 */
export const DEFAULT_IGNORED_PATHS: readonly string[] = [
  // lockfiles
  '**/package-lock.json',
  '**/npm-shrinkwrap.json',
  '**/yarn.lock',
  '**/pnpm-lock.yaml',
  '**/bun.lock',
  '**/bun.lockb',
  '**/Cargo.lock',
  '**/Gemfile.lock',
  '**/poetry.lock',
  '**/Pipfile.lock',
  '**/uv.lock',
  '**/composer.lock',
  '**/go.sum',
  '**/mix.lock',
  '**/pubspec.lock',
  '**/Podfile.lock',
  '**/packages.lock.json',
  '**/gradle.lockfile',
  '**/flake.lock',
  // vendored
  '**/node_modules/**',
  '**/vendor/**',
  '**/third_party/**',
  '**/third-party/**',
  '**/bower_components/**',
  // generated
  '**/*.min.js',
  '**/*.min.css',
  '**/*.js.map',
  '**/*.css.map',
  '**/__snapshots__/**',
  '**/*.snap',
  '**/*.pb.go',
  '**/*_pb2.py',
  '**/*.generated.*',
  '**/generated/**',
];

export type PathFilter = (path: string) => boolean;

const GLOB_OPTIONS: picomatch.PicomatchOptions = { dot: true, noextglob: true };
/** Answers kept before the memo starts again: a monorepo's history names millions of paths. */
const MAX_REMEMBERED_PATHS = 1 << 20;

/**
 * True for paths that count; `extraIgnores` come from `multiplier.ignore`. Every path of a
 * history is asked (HEAD's files, deleted ones, every change of the window), most match no
 * ignore glob, and running dozens of globs on each cost more than the rest of the analysis. So
 * the common shapes are answered from the path's own segments (a file name, a folder name, a
 * name's ending), and any other glob runs only on paths that contain its literal text.
 */
export function createPathFilter(extraIgnores: readonly string[]): PathFilter {
  const names = new Set<string>();
  const segments = new Set<string>();
  const endings: string[] = [];
  const others: Array<{ needle: string | undefined; matches: (path: string) => boolean }> = [];
  const all = [...DEFAULT_IGNORED_PATHS, ...extraIgnores];
  // Git names no path with an empty, `.` or `..` segment, where globs have rules of their own.
  const unusual = /(^|\/)\.{0,2}(\/|$)/;
  const matchesAny = picomatch(all, GLOB_OPTIONS);
  for (const glob of all) {
    const shape = globShape(glob);
    if (shape?.kind === 'name') names.add(shape.text);
    else if (shape?.kind === 'segment') segments.add(shape.text);
    else if (shape?.kind === 'ending') endings.push(shape.text);
    else others.push({ needle: requiredText(glob), matches: picomatch(glob, GLOB_OPTIONS) });
  }
  const isIgnored = (path: string): boolean => {
    if (unusual.test(path)) return matchesAny(path);
    const slash = path.lastIndexOf('/');
    const name = path.slice(slash + 1);
    if (names.has(name) || endings.some((ending) => name.endsWith(ending))) return true;
    if (segments.size > 0) {
      for (let start = 0; start <= path.length; ) {
        const end = path.indexOf('/', start);
        if (segments.has(path.slice(start, end === -1 ? path.length : end))) return true;
        if (end === -1) break;
        start = end + 1;
      }
    }
    return others.some(({ needle, matches }) => (needle === undefined || path.includes(needle)) && matches(path));
  };
  const cache = new Map<string, boolean>();
  return (path) => {
    let counts = cache.get(path);
    if (counts === undefined) {
      counts = !isIgnored(path);
      if (cache.size >= MAX_REMEMBERED_PATHS) cache.clear();
      cache.set(path, counts);
    }
    return counts;
  };
}

// The three shapes the built-in ignores have, answered without running the glob (a block
// comment cannot spell them):
//   **/NAME     a file or folder named NAME anywhere;
//   **/NAME/**  anything with a segment NAME, the last one included, as the glob matches;
//   **/*END     a name ending in END, END itself included.
// NAME and END have no glob syntax (letters, digits and `._-`) and are not all dots.
const GLOB_SHAPE = /^\*\*\/(\*?)([A-Za-z0-9_-][A-Za-z0-9._-]*|\.[A-Za-z0-9._-]*[A-Za-z0-9_-][A-Za-z0-9._-]*)(\/\*\*)?$/;

function globShape(glob: string): { kind: 'name' | 'segment' | 'ending'; text: string } | undefined {
  const match = GLOB_SHAPE.exec(glob);
  if (!match) return undefined;
  const [, star, text, rest] = match as unknown as [string, string, string, string | undefined];
  if (star && rest) return undefined;
  return { kind: star ? 'ending' : rest ? 'segment' : 'name', text };
}

/**
 * Text every path the glob matches contains: the longest run of literal characters within one
 * segment. Only for plain globs (letters, digits, `._-`, `/` and the wildcards `*` `?`); any
 * other syntax (braces, classes, negation, escapes) gets no shortcut.
 */
function requiredText(glob: string): string | undefined {
  if (!/^[A-Za-z0-9._\-/*?]+$/.test(glob)) return undefined;
  const longest = glob.split(/[*?/]/).reduce((best, piece) => (piece.length > best.length ? piece : best), '');
  return longest.length >= 3 ? longest : undefined;
}
