/**
 * Text a person copies (the README's samples, the changelog, the manifest's text, the fixtures'
 * expected output) must be true on any machine: no path of the machine it was written on.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

/** Folders of this machine, as written and through symlinks; never `/` itself. */
function machineFolders(): string[] {
  const folders = [ROOT, os.tmpdir(), os.homedir()].flatMap((folder) => {
    try {
      return [folder, fs.realpathSync(folder)];
    } catch {
      return [folder];
    }
  });
  return [...new Set(folders)].filter((folder) => folder.length > 1);
}

/**
 * Where paths of some machine hide: temp folders, home folders (except the neutral `/home/you`
 * of samples), root's home, and this project's own work folders.
 */
const MACHINE_PATH = /(?:^|[\s"'`(=:])((?:\/tmp|\/var\/folders|\/private\/var|\/work|\/root)(?:\/[^\s"'`)]*)?|\/home\/(?!you\/)[^\s"'`)/]+[^\s"'`)]*|\/Users\/[^\s"'`)]+|[A-Za-z]:\\Users\\[^\s"'`)]+)/g;

/** Every machine path in `text`, with its line number. */
function machinePathsIn(text: string): string[] {
  const folders = machineFolders();
  return text.split('\n').flatMap((line, index) => {
    const found = [...line.matchAll(MACHINE_PATH)].map((match) => match[1] ?? '');
    for (const folder of folders) if (line.includes(folder)) found.push(folder);
    return [...new Set(found)].map((hit) => `line ${index + 1}: ${hit}`);
  });
}

function filesUnder(relative: string): string[] {
  const full = path.join(ROOT, relative);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [relative];
  return fs.readdirSync(full).flatMap((name) => filesUnder(path.join(relative, name)));
}

const COPIED_TEXT = [
  ...fs.readdirSync(ROOT).filter((name) => name.endsWith('.md')),
  'package.nls.json',
  ...filesUnder('media/walkthrough'),
  ...filesUnder('examples'),
  ...filesUnder('test/fixtures'),
];

describe('docs: text a person copies holds no path of the machine it was made on', () => {
  it('covers the README, the changelog and the fixtures', () => {
    for (const file of ['README.md', 'CHANGELOG.md', 'test/fixtures/sampleTeamRepo.ts']) assert.ok(COPIED_TEXT.includes(file), file);
  });

  for (const file of COPIED_TEXT) {
    it(file, () => {
      assert.deepEqual(machinePathsIn(fs.readFileSync(path.join(ROOT, file), 'utf8')), []);
    });
  }

  it('would catch this checkout, the temp and home folders, and the usual machine paths', () => {
    const samples = [
      `Multiplier · ${ROOT} @ 4bc4114 (main)`,
      `"repo": "${path.join(os.tmpdir(), 'gitgit')}",`,
      `cd ${os.homedir()}/src`,
      'Multiplier · /tmp/gitgit @ 1a3e64c (master)',
      'node dist/cli.js scan --repo /work/repos/git',
      'the cache in /root/.cache',
      'see /home/alice/src/shop',
      'C:\\Users\\alice\\src',
      '(/Users/alice/src/shop)',
    ];
    for (const sample of samples) assert.notDeepEqual(machinePathsIn(sample), [], sample);
    for (const neutral of ['Multiplier · ~/src/git @ 1a3e64c', '"repo": "/home/you/src/git"', 'npm run demo -- --repo ~/src/shop', 'src/payments/capture.ts']) {
      assert.deepEqual(machinePathsIn(neutral), [], neutral);
    }
  });
});
