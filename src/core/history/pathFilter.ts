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

/** True for paths that count; `extraIgnores` come from `multiplier.ignore`. */
export function createPathFilter(extraIgnores: readonly string[]): PathFilter {
  const isIgnored = picomatch([...DEFAULT_IGNORED_PATHS, ...extraIgnores], { dot: true, noextglob: true });
  const cache = new Map<string, boolean>();
  return (path) => {
    let counts = cache.get(path);
    if (counts === undefined) {
      counts = !isIgnored(path);
      cache.set(path, counts);
    }
    return counts;
  };
}
