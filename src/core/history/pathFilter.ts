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
 * True for paths that count; `extraIgnores` come from `multiplier.ignore`. Most paths match no
 * ignore glob, and running dozens of globs on each of a wide tree's files cost more than the
 * rest of the analysis, so a glob runs only on paths that contain its literal text.
 */
export function createPathFilter(extraIgnores: readonly string[]): PathFilter {
  const globs = [...DEFAULT_IGNORED_PATHS, ...extraIgnores].map((glob) => ({ needle: requiredText(glob), matches: picomatch(glob, GLOB_OPTIONS) }));
  const isIgnored = (path: string): boolean => globs.some(({ needle, matches }) => (needle === undefined || path.includes(needle)) && matches(path));
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
