/**
 * Which folders are areas when history, not a rule, draws the map. Only file counts decide, never
 * who wrote what, so the map is stable: a commit moves a boundary only when it makes one of its
 * folders cross a size below.
 */

/** A subfolder of a split folder is an area of its own from this many files. */
export const MIN_AREA_FILES = 25;
/** A folder with more files than this is split into its subfolders (the top level always is). */
export const SPLIT_ABOVE_FILES = 500;

/** `a/b/c.ts` → `a/b`; `c.ts` → `''`. */
export function parentDirectory(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/**
 * The area folders for a set of files (`''` is the top level, always one): the top level and
 * every folder of more than {@link SPLIT_ABOVE_FILES} files is split into its subfolders of at
 * least {@link MIN_AREA_FILES} files, recursively; files left over stay in the area of the folder
 * they are in. Sorted, so the same files always give the same list.
 */
export function areaDirectories(files: Iterable<string>): string[] {
  const filesBelow = new Map<string, number>([['', 0]]);
  const subfolders = new Map<string, Set<string>>();
  for (const file of files) {
    filesBelow.set('', (filesBelow.get('') ?? 0) + 1);
    let folder = '';
    for (let slash = file.indexOf('/'); slash >= 0; slash = file.indexOf('/', slash + 1)) {
      const child = file.slice(0, slash);
      let children = subfolders.get(folder);
      if (!children) subfolders.set(folder, (children = new Set()));
      children.add(child);
      filesBelow.set(child, (filesBelow.get(child) ?? 0) + 1);
      folder = child;
    }
  }
  const areas: string[] = [];
  const visit = (folder: string): void => {
    areas.push(folder);
    if (folder !== '' && (filesBelow.get(folder) ?? 0) <= SPLIT_ABOVE_FILES) return;
    for (const child of subfolders.get(folder) ?? []) {
      if ((filesBelow.get(child) ?? 0) >= MIN_AREA_FILES) visit(child);
    }
  };
  visit('');
  return areas.sort();
}

/** The deepest area folder holding `path`; the top level holds everything else. */
export function areaDirectoryOf(path: string, areas: ReadonlySet<string>): string {
  let folder = parentDirectory(path);
  while (folder !== '' && !areas.has(folder)) folder = parentDirectory(folder);
  return folder;
}

/** The rule above in one sentence, for the README, *Why* and the draft map's header. */
export const AREA_RULE_SENTENCE = `Areas are folders: the top level is split into its folders of at least ${MIN_AREA_FILES} files, and so is every folder of more than ${SPLIT_ABOVE_FILES} files; files left over stay with the folder they are in.`;
