import { strict as assert } from 'node:assert';
import { createAgentMatcher } from '../../../src/core/identity/agents';
import { createBotMatcher } from '../../../src/core/identity/bots';
import { buildMyIdentity, isMe, ownerIsMe } from '../../../src/core/identity/myIdentity';
import { githubNoreplyLogin, parseContact } from '../../../src/core/identity/person';

describe('identity', () => {
  it('reads the login from both GitHub no-reply forms', () => {
    assert.equal(githubNoreplyLogin('12345+Octo-Cat@users.noreply.github.com'), 'octo-cat');
    assert.equal(githubNoreplyLogin('octocat@users.noreply.github.com'), 'octocat');
    assert.equal(githubNoreplyLogin('octocat@github.com'), undefined);
  });

  it('parses co-author trailer values', () => {
    assert.deepEqual(parseContact('Priya Patel <Priya@Acme.com>'), { name: 'Priya Patel', email: 'Priya@Acme.com' });
    assert.deepEqual(parseContact(' bob@acme.com '), { name: '', email: 'bob@acme.com' });
    assert.equal(parseContact('just a name'), undefined);
  });

  it('recognises me by lowercased email, by no-reply login, by @handle alias and by alias name', () => {
    const me = buildMyIdentity({ configured: [{ name: 'Lee', email: 'Lee@Acme.com' }], aliases: ['@lee-l', 'Lee Leader', '99+leeold@users.noreply.github.com'] });
    assert.equal(isMe(me, { name: '', email: 'lee@acme.COM' }), true);
    assert.equal(isMe(me, { name: 'x', email: '1+Lee-L@users.noreply.github.com' }), true);
    assert.equal(isMe(me, { name: 'x', email: 'leeold@users.noreply.github.com' }), true);
    assert.equal(isMe(me, { name: 'lee leader', email: 'other@acme.com' }), true);
    assert.equal(isMe(me, { name: 'Lee', email: 'lee@elsewhere.com' }), false, 'git config’s name alone is not enough');
    assert.deepEqual(me.display, ['Lee@Acme.com', '99+leeold@users.noreply.github.com', '@lee-l', '@leeold']);
  });

  it('an owner that names me makes the area mine; a team handle never does by itself', () => {
    const me = buildMyIdentity({ configured: [{ name: 'Lee', email: 'lee@acme.com' }], aliases: ['@lee-l'] });
    assert.equal(ownerIsMe(me, '@Lee-L'), true);
    assert.equal(ownerIsMe(me, 'LEE@acme.com'), true);
    assert.equal(ownerIsMe(me, '@lee-l/team'), false);
    assert.equal(ownerIsMe(me, '@priya'), false);
  });

  it('knows AI agents by their addresses, and more from multiplier.agents; every agent is a bot', () => {
    const isAgent = createAgentMatcher(['*@tools.acme.com', 'Buildbot AI']);
    const agents = [
      { name: 'Claude', email: 'noreply@anthropic.com' },
      { name: 'Copilot', email: '175728472+Copilot@users.noreply.github.com' },
      { name: 'copilot-swe-agent[bot]', email: '198982749+Copilot-swe-agent[bot]@users.noreply.github.com' },
      { name: 'Cursor Agent', email: 'cursoragent@cursor.com' },
      { name: 'Codex', email: 'noreply@openai.com' },
      { name: 'aider (gpt-4o)', email: 'noreply@aider.chat' },
      { name: 'opencode', email: 'noreply@opencode.ai' },
      { name: 'Helper', email: 'helper@tools.acme.com' },
      { name: 'Buildbot AI', email: 'bb@acme.com' },
    ];
    for (const agent of agents) {
      assert.equal(isAgent(agent), true, agent.email);
      assert.equal(createBotMatcher([], ['*@tools.acme.com', 'Buildbot AI'])(agent), true, `${agent.email} is a bot too`);
    }
    assert.equal(isAgent({ name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' }), false, 'a bot, not an agent');
    assert.equal(isAgent({ name: 'Priya', email: 'priya@acme.com' }), false);
    assert.equal(isAgent({ name: 'Claude Shannon', email: 'claude@acme.com' }), false, 'a person named Claude');
  });

  it('knows GitHub app bots, AI agents and configured bot patterns', () => {
    const isBot = createBotMatcher(['ci-robot', '*@build.acme.com']);
    assert.equal(isBot({ name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' }), true);
    assert.equal(isBot({ name: 'renovate[bot]', email: '29139614+renovate[bot]@users.noreply.github.com' }), true);
    assert.equal(isBot({ name: 'Claude', email: 'noreply@anthropic.com' }), true);
    assert.equal(isBot({ name: 'The CI-Robot', email: 'x@acme.com' }), true);
    assert.equal(isBot({ name: 'Builder', email: 'jenkins@build.acme.com' }), true);
    assert.equal(isBot({ name: 'Priya', email: 'priya@acme.com' }), false);
  });
});
