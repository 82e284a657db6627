/**
 * A synthetic history for benchmarks, written with `git fast-import` (a hundred thousand commits
 * in seconds, where one `git commit` each would take an hour): many authors in teams over many
 * areas, renames, co-authored commits, bot commits and a CODEOWNERS file.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fixtureGitEnv } from '../helpers/gitFixture';

const AREAS = 40;
const FILES_PER_AREA = 60;
const PEOPLE_PER_AREA = 6;
const DAY = 24 * 60 * 60;

/** A deterministic pseudo-random sequence (mulberry32), so every run builds the same history. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticOptions {
  /**
   * Files in HEAD's tree, all added by the first commit (a wide tree). Without it each area has
   * 60 files, added as history first touches them.
   */
  readonly files?: number;
  /** An empty folder to build the repository in; by default a new temporary folder. */
  readonly directory?: string;
}

/**
 * Writes the fast-import stream to a file commit by commit and imports it from there, so that
 * building a million commits never holds them in this process's memory (the bench measures
 * the memory of the read, in this same process).
 */
export function createSyntheticRepo(commits: number, endTime: number = Math.floor(Date.now() / 1000), options: SyntheticOptions = {}): string {
  const dir = options.directory ?? fs.mkdtempSync(path.join(os.tmpdir(), 'multiplier-synthetic-'));
  const env = fixtureGitEnv();
  spawnSync('git', ['init', '-q', dir], { env });
  const next = random(42);
  const pick = (n: number): number => Math.floor(next() * n);
  const person = (area: number, i: number): string => `Dev ${area}-${i} <dev${area}-${i}@synthetic.example>`;
  const filesPerArea = options.files ? Math.ceil(options.files / AREAS) : FILES_PER_AREA;
  const files: string[][] = Array.from({ length: AREAS }, (_, a) => Array.from({ length: filesPerArea }, (_, f) => `area${a}/module${f % 7}/file${f}.ts`));
  const codeowners = ['* @synthetic/platform', ...Array.from({ length: AREAS }, (_, a) => `/area${a}/ @synthetic/team${a % 12}`), ''].join('\n');
  const start = endTime - 3 * 365 * DAY;
  const streamFile = path.join(dir, '..', `${path.basename(dir)}.fast-import`);
  const out = fs.openSync(streamFile, 'w');
  let mark = 0;
  const data = (text: string): string => `data ${Buffer.byteLength(text)}\n${text}`;
  // The wide tree's files share one blob; the default history has none of its own.
  if (options.files) fs.writeSync(out, `blob\nmark :${++mark}\n${data('export {};\n')}\n`);
  const treeBlob = mark;
  for (let i = 0; i < commits; i++) {
    const time = Math.floor(start + ((endTime - start) * i) / commits);
    const area = pick(AREAS);
    const bot = next() < 0.03;
    const author = bot ? 'dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>' : person(area, pick(PEOPLE_PER_AREA));
    const coAuthored = !bot && next() < 0.05 ? `\n\nCo-authored-by: ${person(area, pick(PEOPLE_PER_AREA))}` : '';
    const lines = [`commit refs/heads/main`, `mark :${++mark}`, `author ${author} ${time} +0000`, `committer ${author} ${time} +0000`, data(`Change ${i} in area ${area}${coAuthored}`)];
    if (i === 0) {
      lines.push(`M 100644 inline .github/CODEOWNERS`, data(codeowners));
      if (options.files) for (const path of files.flat()) lines.push(`M 100644 :${treeBlob} ${path}`);
    }
    const areaFiles = files[area] as string[];
    const touched = 1 + pick(3);
    for (let t = 0; t < touched; t++) {
      const f = pick(areaFiles.length);
      if (next() < 0.01 && i > 0) {
        const renamed = `area${area}/moved${i}/file${f}.ts`;
        lines.push(`M 100644 inline ${areaFiles[f]}`, data(`// ${i}\n`), `R ${areaFiles[f]} ${renamed}`);
        areaFiles[f] = renamed;
      } else {
        lines.push(`M 100644 inline ${areaFiles[f]}`, data(`export const v${f} = ${i};\n// ${'x'.repeat(pick(80))}\n`));
      }
    }
    fs.writeSync(out, `${lines.join('\n')}\n`);
  }
  fs.closeSync(out);
  const input = fs.openSync(streamFile, 'r');
  const result = spawnSync('git', ['-C', dir, 'fast-import', '--quiet'], { stdio: [input, 'ignore', 'pipe'], env });
  fs.closeSync(input);
  fs.rmSync(streamFile, { force: true });
  if (result.status !== 0) throw new Error(`git fast-import failed: ${result.stderr.toString()}`);
  spawnSync('git', ['-C', dir, 'checkout', '-q', 'main'], { env });
  return dir;
}
