import { strict as assert } from 'node:assert';
import { isValidOwner, ownerKind } from '../../../src/core/ownership/owners';

describe('isValidOwner', () => {
  it('accepts users, teams and emails on both flavours', () => {
    for (const flavor of ['github', 'gitlab'] as const) {
      for (const owner of ['@octocat', '@my-org/web_team', '@user_123', 'jane@acme.com', 'j.doe+ci@mail.acme.co.uk']) {
        assert.equal(isValidOwner(owner, flavor), true, `${flavor} ${owner}`);
      }
    }
  });

  it('rejects what can never be an owner', () => {
    for (const token of ['docs@', '@', '#', '# @b', 'octocat', '@-x', '@org/', '@a@b', 'a@b', 'a@b/c.d', '']) {
      assert.equal(isValidOwner(token), false, token);
      assert.equal(isValidOwner(token, 'gitlab'), false, token);
    }
  });

  it('accepts nested groups and roles on GitLab only', () => {
    for (const owner of ['@group/subgroup/team', '@@maintainer', '@@developer', '@@owner']) {
      assert.deepEqual([isValidOwner(owner, 'gitlab'), isValidOwner(owner, 'github'), isValidOwner(owner)], [true, false, false], owner);
    }
    assert.equal(isValidOwner('@@reporter', 'gitlab'), false);
  });
});

describe('ownerKind', () => {
  it('tells teams, users and emails apart', () => {
    assert.deepEqual(
      ['@org/team', '@group/sub/team', '@@maintainer', '@user', 'jane@acme.com'].map(ownerKind),
      ['team', 'team', 'team', 'user', 'email'],
    );
  });
});
