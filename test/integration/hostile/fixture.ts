/**
 * A multi-root window of four repositories that try to run code (git-safety.md's attack table), each
 * payload writing a marker outside the workspace:
 * - `hostile shop`: every repository vector armed (fsmonitor, hooks, hooksPath, textconv, external
 *   diff, filter drivers, signature programs, pagers and editors), signed commits, an upstream and
 *   uncommitted changes; Lee is the primary author in payments, so the nudge shows;
 * - `hostile shop/vendor/evil.git`: a bare repository inside it, opened as a folder of its own;
 * - `partial`: a partial clone whose promisor remote's upload-pack is a payload;
 * - `super`: a superproject whose submodule has its own fsmonitor, hooks and filter driver, with
 *   uncommitted changes in both.
 * VS Code's own git extension is off, so every git process comes from Multiplier. The digests of
 * all three, taken before VS Code starts, let the tests prove nothing was written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createTestDir } from '../../helpers/gitFixture';
import { createHostileRepo, createPartialClone, createSubmoduleRepo, embedBareRepo, MarkerBox } from '../../helpers/hostileRepo';
import { treeDigests } from '../../helpers/treeDigest';

const scratch = createTestDir('multiplier-hostile-suite-');
const markers = new MarkerBox(scratch);
const digestsFile = path.join(scratch, 'digests-before.json');

export async function createWorkspace(): Promise<string> {
  const now = new Date();
  const { repo } = createHostileRepo({ markers, now, dirName: 'hostile shop' });
  const bareDir = embedBareRepo(repo, markers);
  const partial = createPartialClone(markers, now);
  const superproject = createSubmoduleRepo(markers, now);
  const folders = [repo.dir, bareDir, partial.repo.dir, superproject.repo.dir];
  fs.writeFileSync(digestsFile, JSON.stringify(treeDigests([...folders, superproject.submodule.gitDir()])));
  const workspaceFile = path.join(scratch, 'hostile.code-workspace');
  fs.writeFileSync(workspaceFile, JSON.stringify({ folders: folders.map((folder) => ({ path: folder })) }, null, 2));
  return workspaceFile;
}

export const env = { MULTIPLIER_TEST_MARKERS: markers.dir, MULTIPLIER_TEST_DIGESTS: digestsFile };
export const settings = { 'git.enabled': false };
