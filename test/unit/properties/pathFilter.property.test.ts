/**
 * The path filter runs a glob only on paths that contain its literal text; it must answer what
 * running every glob answers, for the built-in ignores and for any `multiplier.ignore`.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import picomatch from 'picomatch';
import { createPathFilter, DEFAULT_IGNORED_PATHS } from '../../../src/core/history/pathFilter';

// Names the built-in ignores answer from a path's segments, and names that nearly match them.
const SEGMENTS = ['src', 'a', 'node_modules', 'vendor', 'third_party', 'a.min.js', 'package-lock.json', 'yarn.lock', '__snapshots__', 'x.snap', 'x.generated.ts', 'generated', 'go.sum', 'x.pb.go', 'm.js.map', '.hidden', 'migrations', 'x.test.ts', 'é', '.snap', 'x.snapx', 'xvendor', 'vendor.d', 'yarn.lock.bak', 'ayarn.lock', '.min.js', 'Cargo.lock', 'x_pb2.py', '.', '..'];
const path = fc.oneof(
  { weight: 5, arbitrary: fc.array(fc.constantFrom(...SEGMENTS), { minLength: 1, maxLength: 5 }).map((segments) => segments.join('/')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);
const userGlob = fc.oneof(
  fc.constantFrom('**/*.snap', 'migrations/**', 'src/*.ts', '*.test.ts', '**/a/**', '!src/**', '{a,b}/**', 'src/[ab]/**', '**/x.*', 'a?c', 'vendor', '**', '**/src', '**/.hidden', '**/*.test.ts', '**/.', '**/..', '**/*', '**/*a/**', '**/migrations/**', '**/*-lock.json'),
  fc.array(fc.constantFrom(...SEGMENTS, '*', '**', '?', '*.ts'), { minLength: 1, maxLength: 3 }).map((parts) => parts.join('/')),
);

describe('property: the path filter equals running every ignore glob', () => {
  it('for the built-in ignores and random extra ones', () => {
    fc.assert(
      fc.property(fc.array(userGlob, { maxLength: 4 }), fc.array(path, { minLength: 1, maxLength: 20 }), (extra, paths) => {
        const counts = createPathFilter(extra);
        const ignoredByAll = picomatch([...DEFAULT_IGNORED_PATHS, ...extra], { dot: true, noextglob: true });
        for (const p of paths) assert.equal(counts(p), !ignoredByAll(p), JSON.stringify({ p, extra }));
      }),
      { numRuns: 2000 },
    );
  });
});
