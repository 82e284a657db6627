/**
 * The team repository the long-shadow scenarios share: payments owned by @acme/payments (Priya,
 * Alice), Lee's own area, an API area, and tools nobody owns. Lee is me.
 */
import { strict as assert } from 'node:assert';
import type { AreaReport } from '../../../src/core/analysis/areaReport';
import { createTestRepo, daysAgo, type Person, type TestRepo } from '../../helpers/gitFixture';

export const LEE: Person = { name: 'Lee Leader', email: 'lee@acme.com' };
export const PRIYA: Person = { name: 'Priya Patel', email: 'priya@acme.com' };
export const ALICE: Person = { name: 'Alice Doe', email: 'alice@acme.com' };
export const OMAR: Person = { name: 'Omar Ortiz', email: 'omar@acme.com' };
export const CLAUDE: Person = { name: 'Claude', email: 'noreply@anthropic.com' };
export const DEPENDABOT: Person = { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' };

/** No catch-all rule: `tools/` is nobody's. */
export const CODEOWNERS = ['/src/payments/ @acme/payments', '/src/api/ @acme/api', '/src/lee/ @lee-l', '/docs/ @acme/docs', ''].join('\n');
export const TEAMS = { '@acme/payments': [PRIYA.email, ALICE.email], '@acme/api': [OMAR.email], '@acme/docs': [OMAR.email] };
export const SETTINGS = { teams: TEAMS, identities: ['@lee-l'] };

export function shadowRepo(): TestRepo {
  const repo = createTestRepo();
  repo.commit({ author: PRIYA, date: daysAgo(500), message: 'Set up', files: { '.github/CODEOWNERS': CODEOWNERS, 'src/payments/capture.ts': 'v1\n', 'src/api/server.ts': 'v1\n', 'src/lee/notes.ts': 'v1\n', 'tools/build.ts': 'v1\n' } });
  return repo;
}

export function area(areas: readonly AreaReport[], name: string): AreaReport {
  const found = areas.find((a) => a.area === name);
  assert.ok(found, `area ${name} in ${areas.map((a) => a.area).join(', ')}`);
  return found;
}
