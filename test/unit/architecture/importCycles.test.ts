import { strict as assert } from 'node:assert';
import { cycles, folderGraph } from '../../lint/importCycles';

const graph = (edges: Record<string, string[]>): Map<string, Set<string>> => new Map(Object.entries(edges).map(([from, to]) => [from, new Set(to)]));

describe('lint: import cycles', () => {
  it('finds a cycle between files, however long, and nothing in a tree of imports', () => {
    assert.deepEqual(cycles(graph({ a: ['b'], b: ['c'], c: ['a'], d: ['a'] })), [['a', 'b', 'c']]);
    assert.deepEqual(cycles(graph({ a: ['b', 'c'], b: ['c'], c: [] })), []);
  });

  it('finds a cycle between folders made of files that do not import each other in a loop', () => {
    const files = graph({
      'src/core/analysis/analyzeIndex.ts': ['src/core/index/historyIndex.ts'],
      'src/core/index/historyIndex.ts': ['src/core/analysis/contributions.ts'],
      'src/core/analysis/contributions.ts': [],
      'src/vscode/statusBar.ts': ['src/core/analysis/analyzeIndex.ts'],
    });
    assert.deepEqual(cycles(files), []);
    assert.deepEqual(cycles(folderGraph(files)), [['src/core/analysis', 'src/core/index']]);
  });
});
