/**
 * Decision files on a real repository: ADRs, design docs, API contracts and schemas my solo
 * commits changed in a team area, named as they are after renames in the window.
 */
import { strict as assert } from 'node:assert';
import { daysAgo, removeTestRepos } from '../../helpers/gitFixture';
import { scanFixture } from '../../helpers/scan';
import { area, LEE, OMAR, PRIYA, SETTINGS, shadowRepo } from './shadowRepo';

function repoWithDecisions() {
  const repo = shadowRepo();
  repo.commit({
    author: PRIYA,
    date: daysAgo(200),
    message: 'Payments contracts',
    files: {
      'src/payments/docs/ADR/0001-retries.md': '# Retries\n',
      'src/payments/api/payments.proto': 'syntax = "proto3";\n',
      'src/payments/openapi.yaml': 'openapi: 3.1.0\n',
      'src/payments/schemas/charge.schema.json': '{}\n',
      'src/payments/schema.graphql': 'type Charge { id: ID }\n',
    },
  });
  repo.commit({ author: LEE, date: daysAgo(30), message: 'Retry budget', files: { 'src/payments/docs/ADR/0001-retries.md': '# Retries\n\nBudget: 3.\n', 'src/payments/capture.ts': 'v2\n' } });
  repo.commit({ author: PRIYA, date: daysAgo(20), message: 'Rename the ADR', renames: [['src/payments/docs/ADR/0001-retries.md', 'src/payments/docs/ADR/0001-retry-budget.md']] });
  repo.commit({ author: LEE, date: daysAgo(15), message: 'Version the API', renames: [['src/payments/api/payments.proto', 'src/payments/api/payments.v2.proto']], files: { 'src/payments/capture.ts': 'v3\n' } });
  repo.commit({ author: PRIYA, date: daysAgo(12), message: 'OpenAPI', files: { 'src/payments/openapi.yaml': 'openapi: 3.1.1\n' } });
  repo.commit({ author: LEE, date: daysAgo(11), message: 'Schema, paired', coAuthors: [PRIYA], files: { 'src/payments/schemas/charge.schema.json': '{"type":"object"}\n' } });
  repo.commit({ author: LEE, date: daysAgo(10), message: 'Old charge schema', files: { 'src/payments/schema.graphql': 'type Charge { id: ID! }\n' } });
  repo.commit({ author: LEE, date: daysAgo(5), message: 'Design the flows', files: { 'src/payments/design/flows.md': '# Flows\n' } });
  repo.commit({ author: LEE, date: daysAgo(4), message: 'An RFC for the API team', files: { 'src/api/rfcs/0002-pagination.md': '# Pagination\n' } });
  repo.commit({ author: OMAR, date: daysAgo(3), message: 'API server', files: { 'src/api/server.ts': 'v2\n' } });
  return repo;
}

describe('scenario: decision files', function () {
  this.timeout(60_000);
  after(removeTestRepos);

  it('lists the decision files my solo commits changed, per area, each by its name after the window’s renames', async () => {
    const { analysis } = await scanFixture(repoWithDecisions(), { me: [LEE.email], settings: SETTINGS });
    assert.deepEqual(area(analysis.areas, '/src/payments/').decisionFiles, [
      'src/payments/api/payments.v2.proto',
      'src/payments/design/flows.md',
      'src/payments/docs/ADR/0001-retry-budget.md',
      'src/payments/schema.graphql',
    ]);
    assert.deepEqual(area(analysis.areas, '/src/api/').decisionFiles, ['src/api/rfcs/0002-pagination.md']);
  });

  it('follows multiplier.decisionFiles instead of the defaults, and [] lists none', async () => {
    const repo = repoWithDecisions();
    const markdown = await scanFixture(repo, { me: [LEE.email], settings: { ...SETTINGS, decisionFiles: ['**/*.md'] } });
    assert.deepEqual(area(markdown.analysis.areas, '/src/payments/').decisionFiles, ['src/payments/design/flows.md', 'src/payments/docs/ADR/0001-retry-budget.md']);
    const none = await scanFixture(repo, { me: [LEE.email], settings: { ...SETTINGS, decisionFiles: [] } });
    assert.deepEqual(area(none.analysis.areas, '/src/payments/').decisionFiles, []);
  });
});
