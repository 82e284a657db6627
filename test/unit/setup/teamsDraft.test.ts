/**
 * The teams draft on plain data: which teams it adds, keeps or replaces, the exact value written,
 * the JSONC the user reviews, and reading that text back after edits.
 */
import { strict as assert } from 'node:assert';
import { parse } from 'jsonc-parser';
import type { InferredMember, TeamInference } from '../../../src/core/setup/teamInference';
import { configuredTeams, draftTeams, memberReason, parseTeamsDraft, renderTeamsDraft } from '../../../src/core/setup/teamsDraft';

const member = (email: string, recentChanges: number, knownFiles: number, name = email.split('@')[0] ?? email): InferredMember => ({ email, name, recentChanges, knownFiles, lastActive: 1 });

const INFERENCE: TeamInference = {
  teams: [
    { team: '@acme/payments', members: [member('alice@acme.example', 3, 1, 'Alice Doe'), member('priya@acme.example', 1, 2, 'Priya Patel'), member('omar@acme.example', 0, 2, 'Omar Ortiz')] },
    { team: '@acme/platform', members: [member('omar@acme.example', 0, 3, 'Omar Ortiz')] },
    { team: '@acme/search', members: [member('sam@acme.example', 4, 1, 'Sam Search')] },
    { team: '@acme/docs', members: [] },
  ],
  codeownersPath: '.github/CODEOWNERS',
  hasOwnershipMap: false,
  windowDays: 90,
};

describe('setup: the multiplier.teams draft', () => {
  it('drafts every team with members when none is configured, and leaves out teams nobody works on', () => {
    const draft = draftTeams({ inference: INFERENCE, effective: {}, atTarget: undefined, mode: 'keep' });
    assert.deepEqual(draft.value, {
      '@acme/payments': ['alice@acme.example', 'priya@acme.example', 'omar@acme.example'],
      '@acme/platform': ['omar@acme.example'],
      '@acme/search': ['sam@acme.example'],
    });
    assert.deepEqual(draft.added, ['@acme/payments', '@acme/platform', '@acme/search']);
    assert.deepEqual(draft.withoutMembers, ['@acme/docs']);
    assert.deepEqual([draft.kept, draft.replaced], [[], []]);
  });

  it('keeps configured teams (any scope, any case) and what the folder already has, by default', () => {
    const atTarget = { '@Acme/Search': ['sam@acme.example', 'Kim'], '@acme/other': 'not a list' };
    const effective = { ...atTarget, '@acme/platform': ['omar@acme.example'] };
    assert.deepEqual(configuredTeams(INFERENCE, effective), ['@acme/platform', '@acme/search']);
    const draft = draftTeams({ inference: INFERENCE, effective, atTarget, mode: 'keep' });
    assert.deepEqual(draft.value, { ...atTarget, '@acme/payments': ['alice@acme.example', 'priya@acme.example', 'omar@acme.example'] });
    assert.deepEqual(draft.kept, ['@acme/platform', '@acme/search']);
    assert.deepEqual(draft.added, ['@acme/payments']);
  });

  it('replaces configured members when asked, under the spelling already configured', () => {
    const atTarget = { '@Acme/Search': ['Kim'] };
    const effective = { ...atTarget, '@acme/platform': ['someone@acme.example'] };
    const draft = draftTeams({ inference: INFERENCE, effective, atTarget, mode: 'replace' });
    assert.deepEqual(draft.value, {
      '@Acme/Search': ['sam@acme.example'],
      '@acme/payments': ['alice@acme.example', 'priya@acme.example', 'omar@acme.example'],
      '@acme/platform': ['omar@acme.example'],
    });
    assert.deepEqual(draft.replaced, ['@acme/platform', '@acme/search']);
    assert.deepEqual(draft.added, ['@acme/payments']);
  });

  it('renders JSONC whose value is exactly what is written, each drafted member with its reason', () => {
    const atTarget = { '@acme/search': ['sam@acme.example'] };
    const draft = draftTeams({ inference: INFERENCE, effective: atTarget, atTarget, mode: 'keep' });
    const text = renderTeamsDraft(draft, { folderName: 'acme-shop', windowDays: 90 });
    assert.deepEqual(parse(text), { 'multiplier.teams': draft.value });
    assert.match(text, /^\/\/ Multiplier: a draft of multiplier\.teams for acme-shop\n/);
    assert.ok(text.split('\n').every((line) => line.length <= 100), 'lines fit an editor');
    assert.match(text, /"alice@acme\.example", \/\/ Alice Doe: 3 changes in 90 days, knows 1 file\n/);
    assert.match(text, /"omar@acme\.example" \/\/ Omar Ortiz: knows 2 files, no change in 90 days\n/);
    assert.match(text, /\/\/ Kept as configured: @acme\/search\./);
    assert.match(text, /\/\/ Nobody in history works on @acme\/docs yet: left out, still inferred\./);
    assert.deepEqual(parseTeamsDraft(text), { value: draft.value });
  });

  it('keeps data out of the comments’ syntax: a line break in a name cannot end a comment', () => {
    assert.equal(memberReason(member('x@acme.example', 1, 0, 'Evil\n"injected": 1'), 30), 'Evil "injected": 1: 1 change in 30 days');
    const inference: TeamInference = { ...INFERENCE, teams: [{ team: '@acme/x', members: [member('x@acme.example', 1, 0, 'Evil\n}, "multiplier.teams": {')] }] };
    const draft = draftTeams({ inference, effective: {}, atTarget: undefined, mode: 'keep' });
    assert.deepEqual(parseTeamsDraft(renderTeamsDraft(draft, { folderName: 'a\nb', windowDays: 30 })), { value: { '@acme/x': ['x@acme.example'] } });
  });

  it('reads the draft back as the user edited it, or says what is wrong and where', () => {
    const edited = '// mine\n{ "multiplier.teams": { "@acme/payments": ["priya@acme.example", ], }, }';
    assert.deepEqual(parseTeamsDraft(edited), { value: { '@acme/payments': ['priya@acme.example'] } });
    assert.deepEqual(parseTeamsDraft('{\n  "multiplier.teams": {\n    "@acme/payments": ["a" "b"]\n  }\n}'), { problem: 'line 3 is not valid JSON (comma expected)' });
    assert.deepEqual(parseTeamsDraft('{ "teams": {} }'), { problem: 'it must be an object with "multiplier.teams"' });
    assert.deepEqual(parseTeamsDraft('[]'), { problem: 'it must be an object with "multiplier.teams"' });
    assert.deepEqual(parseTeamsDraft('{ "multiplier.teams": { "payments": ["a@b.c"] } }'), { problem: 'multiplier.teams["payments"] is not a team handle; use @org/team' });
    assert.deepEqual(parseTeamsDraft('{ "multiplier.teams": { "@acme/x": "a@b.c" } }'), { problem: 'multiplier.teams["@acme/x"] must be a list of strings, got "a@b.c"' });
    assert.deepEqual(parseTeamsDraft('{ "multiplier.teams": {} }'), { value: {} });
  });
});
