import { strict as assert } from 'node:assert';
import { CODEOWNERS_LOCATIONS, loadCodeowners } from '../../../src/core/ownership/codeownersLocation';
import { CODEOWNERS_MAX_BYTES } from '../../../src/core/ownership/codeownersParser';

interface FakeFile {
  readonly size?: number;
  readonly text?: string;
}

/** An in-memory repository: the read port, the exists port, and a log of what was read. */
function repository(files: Record<string, FakeFile>, directories: readonly string[] = []) {
  const reads: string[] = [];
  return {
    reads,
    readFile: async (relPath: string) => {
      reads.push(relPath);
      const file = files[relPath];
      if (file === undefined) {
        return undefined;
      }
      return { size: file.size ?? Buffer.byteLength(file.text ?? ''), ...(file.text === undefined ? {} : { text: file.text }) };
    },
    exists: async (relPath: string) => relPath in files || directories.includes(relPath),
  };
}

describe('CODEOWNERS_LOCATIONS', () => {
  it('lists each host\'s lookup order', () => {
    assert.deepEqual(CODEOWNERS_LOCATIONS, {
      github: ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'],
      gitlab: ['CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS'],
    });
  });
});

describe('loadCodeowners', () => {
  it('uses the first file in the flavour\'s order and stops reading there', async () => {
    const repo = repository({ 'docs/CODEOWNERS': { text: '* @docs-dir' }, '.gitlab/CODEOWNERS': { text: '* @gitlab-dir' } });
    const loaded = await loadCodeowners(repo.readFile, 'gitlab', repo.exists);
    assert.deepEqual([loaded.flavor, loaded.sourcePath], ['gitlab', 'docs/CODEOWNERS']);
    assert.deepEqual(loaded.rules.map((rule) => [rule.sourcePath, rule.owners]), [['docs/CODEOWNERS', ['@docs-dir']]]);
    assert.deepEqual(repo.reads, ['CODEOWNERS', 'docs/CODEOWNERS']);
  });

  it('passes the parser\'s problems through', async () => {
    const repo = repository({ CODEOWNERS: { text: '* @a\n!x.lock\n' } });
    const loaded = await loadCodeowners(repo.readFile, 'github', repo.exists);
    assert.deepEqual(loaded.problems.map((problem) => [problem.line, problem.kind]), [[2, 'Unsupported syntax']]);
    assert.equal(loaded.skippedReason, undefined);
  });

  describe('auto flavour', () => {
    for (const marker of ['.gitlab-ci.yml', '.gitlab/CODEOWNERS']) {
      it(`picks GitLab when ${marker} exists`, async () => {
        const repo = repository({ [marker]: { text: '' }, CODEOWNERS: { text: 'docs/* @d' } });
        const loaded = await loadCodeowners(repo.readFile, 'auto', repo.exists);
        assert.equal(loaded.flavor, 'gitlab');
      });
    }

    it('picks GitLab when a .gitlab directory exists', async () => {
      const repo = repository({ CODEOWNERS: { text: '* @a' } }, ['.gitlab']);
      assert.equal((await loadCodeowners(repo.readFile, 'auto', repo.exists)).flavor, 'gitlab');
    });

    it('picks GitHub otherwise, and reads with GitHub\'s rules', async () => {
      const repo = repository({ CODEOWNERS: { text: '*.js @a # @b' } });
      const loaded = await loadCodeowners(repo.readFile, 'auto', repo.exists);
      assert.equal(loaded.flavor, 'github');
      assert.deepEqual(loaded.rules[0]?.owners, ['@a']);
    });

    it('is overridden by an explicit flavour', async () => {
      const repo = repository({ '.gitlab-ci.yml': { text: '' }, CODEOWNERS: { text: '* @a' } });
      assert.equal((await loadCodeowners(repo.readFile, 'github', repo.exists)).flavor, 'github');
    });
  });

  it('ignores a file over 3 MB with one File too large problem, without falling back', async () => {
    const repo = repository({ '.github/CODEOWNERS': { size: CODEOWNERS_MAX_BYTES + 1 }, CODEOWNERS: { text: '* @root' } });
    const loaded = await loadCodeowners(repo.readFile, 'github', repo.exists);
    assert.deepEqual(loaded, {
      flavor: 'github',
      sourcePath: '.github/CODEOWNERS',
      rules: [],
      problems: [{ line: 0, kind: 'File too large', message: '.github/CODEOWNERS is larger than 3 MB; GitHub ignores it too' }],
      skippedReason: '.github/CODEOWNERS is larger than 3 MB; GitHub ignores it too',
    });
  });

  it('still reads a file of exactly 3 MB', async () => {
    const repo = repository({ CODEOWNERS: { size: CODEOWNERS_MAX_BYTES, text: '* @a' } });
    const loaded = await loadCodeowners(repo.readFile, 'github', repo.exists);
    assert.deepEqual([loaded.rules.length, loaded.skippedReason], [1, undefined]);
  });

  it('explains a file it found but could not read', async () => {
    const repo = repository({ CODEOWNERS: { size: 10 } });
    const loaded = await loadCodeowners(repo.readFile, 'github', repo.exists);
    assert.deepEqual([loaded.sourcePath, loaded.rules, loaded.skippedReason], ['CODEOWNERS', [], 'CODEOWNERS could not be read']);
  });

  it('explains where it looked when there is no CODEOWNERS', async () => {
    const repo = repository({});
    const loaded = await loadCodeowners(repo.readFile, 'gitlab', repo.exists);
    assert.deepEqual(loaded, {
      flavor: 'gitlab',
      rules: [],
      problems: [],
      skippedReason: 'No CODEOWNERS file at CODEOWNERS, docs/CODEOWNERS, .gitlab/CODEOWNERS',
    });
  });
});
