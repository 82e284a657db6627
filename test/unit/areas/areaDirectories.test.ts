import { strict as assert } from 'node:assert';
import { areaDirectories, areaDirectoryOf, MIN_AREA_FILES, SPLIT_ABOVE_FILES } from '../../../src/core/areas/areaDirectories';
import { isCatchAllPattern } from '../../../src/core/areas/catchAll';

const files = (folder: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${folder}/f${i}.ts`);

describe('areas: which folders history makes areas of', () => {
  it('splits the top level into its folders of at least 25 files; smaller ones stay with the top level', () => {
    const tree = [...files('src', MIN_AREA_FILES), ...files('test', MIN_AREA_FILES - 1), 'README.md'];
    assert.deepEqual(areaDirectories(tree), ['', 'src']);
    const areas = new Set(areaDirectories(tree));
    assert.equal(areaDirectoryOf('src/f1.ts', areas), 'src');
    assert.equal(areaDirectoryOf('test/f1.ts', areas), '');
    assert.equal(areaDirectoryOf('src/new/deep/file.ts', areas), 'src', 'a path the tree does not have yet lies in the deepest area above it');
  });

  it('splits a folder of more than 500 files into its subfolders of at least 25, keeping the rest', () => {
    const big = [...files('packages/a', 300), ...files('packages/b', SPLIT_ABOVE_FILES - 300 - 10), ...files('packages/c', 10), ...files('packages', 1)];
    assert.equal(big.length, SPLIT_ABOVE_FILES + 1);
    assert.deepEqual(areaDirectories(big), ['', 'packages', 'packages/a', 'packages/b']);
    assert.equal(areaDirectoryOf('packages/c/f1.ts', new Set(areaDirectories(big))), 'packages', 'a small subfolder stays with its folder');
    assert.deepEqual(areaDirectories(big.slice(1)), ['', 'packages'], 'at 500 files the folder is one area');
  });

  it('gives the same folders for the same files in any order', () => {
    const tree = [...files('b', 30), ...files('a', 30), ...files('a/x', 600)];
    assert.deepEqual(areaDirectories([...tree].reverse()), areaDirectories(tree));
    assert.deepEqual(areaDirectories(tree), ['', 'a', 'a/x', 'b']);
  });

  it('always has the top level, even for an empty tree', () => {
    assert.deepEqual(areaDirectories([]), ['']);
  });
});

describe('areas: what counts as a catch-all rule', () => {
  for (const pattern of ['*', '**', '/**', '**/*']) {
    it(`${pattern} matches the whole tree`, () => {
      assert.equal(isCatchAllPattern(pattern, 'github'), true);
      assert.equal(isCatchAllPattern(pattern, 'gitlab'), true);
    });
  }
  for (const pattern of ['/*', '/*/**', '/src/', 'src/', '*.ts', '/.github/', 'docs/*', '/[a-z]*']) {
    it(`${pattern} is specific`, () => {
      assert.equal(isCatchAllPattern(pattern, 'github'), false);
      assert.equal(isCatchAllPattern(pattern, 'gitlab'), false);
    });
  }
});
