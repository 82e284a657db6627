/**
 * Fails when `src/` has an import cycle, between files or between folders (`src/core/analysis` ↔
 * `src/core/index`, `src/core` ↔ `src/vscode`). Type-only imports count: a cycle of types is
 * still two modules that cannot be understood one without the other. Run by `npm run lint`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const SOURCE = path.join(ROOT, 'src');
const IMPORT = /^\s*(?:import|export)\s[^;]*?\bfrom\s+['"](\.[^'"]+)['"]|^\s*import\s+['"](\.[^'"]+)['"]/gm;

/** Every `.ts` file under `dir`, as paths relative to the project root. */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [path.relative(ROOT, full)] : [];
  });
}

function resolveImport(from: string, specifier: string): string | undefined {
  const base = path.join(path.dirname(path.join(ROOT, from)), specifier);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate)) return path.relative(ROOT, candidate);
  }
  return undefined;
}

export function importGraph(files: readonly string[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    const targets = new Set<string>();
    for (const match of text.matchAll(IMPORT)) {
      const target = resolveImport(file, (match[1] ?? match[2]) as string);
      if (target) targets.add(target);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** The strongly connected components with more than one node (Tarjan), each sorted. */
export function cycles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found;
}

/** The folder a file belongs to for the folder graph: `src/core/<x>` inside the core, else `src/<x>`. */
function folderOf(file: string): string {
  const parts = file.split(path.sep);
  if (parts[1] === 'core' && parts.length > 3) return parts.slice(0, 3).join('/');
  return parts.length > 2 ? parts.slice(0, 2).join('/') : 'src';
}

export function folderGraph(graph: ReadonlyMap<string, ReadonlySet<string>>): Map<string, Set<string>> {
  const folders = new Map<string, Set<string>>();
  for (const [file, targets] of graph) {
    const from = folderOf(file);
    const edges = folders.get(from) ?? new Set<string>();
    folders.set(from, edges);
    for (const target of targets) {
      const to = folderOf(target);
      if (to !== from) edges.add(to);
    }
  }
  return folders;
}

if (require.main === module) {
  const graph = importGraph(sourceFiles(SOURCE));
  const fileCycles = cycles(graph);
  const folderCycles = cycles(folderGraph(graph));
  for (const cycle of fileCycles) console.error(`import cycle between files: ${cycle.join(' ↔ ')}`);
  for (const cycle of folderCycles) console.error(`import cycle between folders: ${cycle.join(' ↔ ')}`);
  if (fileCycles.length + folderCycles.length > 0) process.exitCode = 1;
  else console.log(`no import cycles in ${graph.size} files of src/`);
}
