/** Adding an alias: what may be typed, and the list written at the chosen scope. */
import { strict as assert } from 'node:assert';
import { aliasKind, aliasProblem, identitiesToWrite } from '../../../src/core/setup/aliases';

describe('setup: adding an identity', () => {
  const known = ['lee@acme.example', '@lee-leader'];

  it('accepts an email, a GitHub @handle or a name', () => {
    for (const alias of ['lee@old.example', ' Lee@Home.Example ', '12+lee@users.noreply.github.com', 'lee@localhost', '@lee-l', '@L33', 'Lee Leader', 'Łukasz']) {
      assert.equal(aliasProblem(alias, known), undefined, alias);
    }
    assert.deepEqual(['lee@x.y', '@lee', 'Lee'].map(aliasKind), ['email', 'handle', 'name']);
  });

  it('explains what is wrong, in one sentence the input box can show', () => {
    const cases: Array<[string, string]> = [
      ['', 'Enter an email, a GitHub @handle, or the name you commit under.'],
      ['   ', 'Enter an email, a GitHub @handle, or the name you commit under.'],
      ['Lee Leader <lee@old.example>', 'Enter just the email, without the name: lee@old.example'],
      ['<lee@old.example', 'Enter just the email, without angle brackets: lee@example.com'],
      ['@acme/payments', '@acme/payments is a team. Enter your own @handle; Multiplier learns who is on a team from multiplier.teams.'],
      ['@lee--leader', 'A GitHub @handle has letters, digits and single hyphens, at most 39 characters: @lee-leader'],
      ['@-lee', 'A GitHub @handle has letters, digits and single hyphens, at most 39 characters: @lee-leader'],
      [`@${'a'.repeat(40)}`, 'A GitHub @handle has letters, digits and single hyphens, at most 39 characters: @lee-leader'],
      ['lee@', 'lee@ is not an email address: it needs one @ with something on each side, and no spaces.'],
      ['lee @acme.example', 'lee @acme.example is not an email address: it needs one @ with something on each side, and no spaces.'],
      ['a@b@c', 'a@b@c is not an email address: it needs one @ with something on each side, and no spaces.'],
      ['123', 'Enter an email, a GitHub @handle, or the name you commit under.'],
      ['lee\n@x', 'An identity is one line of plain text.'],
      ['LEE@ACME.EXAMPLE', 'LEE@ACME.EXAMPLE is already one of your identities.'],
      ['@Lee-Leader', '@Lee-Leader is already one of your identities.'],
      [`${'x'.repeat(501)}@acme.example`, 'That is 514 characters long; an identity can have at most 500.'],
    ];
    for (const [input, message] of cases) assert.equal(aliasProblem(input, known), message, JSON.stringify(input));
  });

  it('writes at the chosen scope the list that applied before plus the alias, so nothing set elsewhere stops counting', () => {
    // Lists are not merged across scopes: a new folder list must carry the user's entries.
    assert.deepEqual(identitiesToWrite({ user: ['@lee'] }, 'folder', 'old@x.example'), { value: ['@lee', 'old@x.example'], shadowedBy: undefined });
    assert.deepEqual(identitiesToWrite({ user: ['@lee'], workspace: ['w@x.example'] }, 'folder', 'old@x.example'), { value: ['w@x.example', 'old@x.example'], shadowedBy: undefined });
    assert.deepEqual(identitiesToWrite({ folder: ['f@x.example'] }, 'folder', ' old@x.example '), { value: ['f@x.example', 'old@x.example'], shadowedBy: undefined });
    assert.deepEqual(identitiesToWrite({}, 'user', '@lee'), { value: ['@lee'], shadowedBy: undefined });
  });

  it('says which more specific scope still wins, and adds only to the chosen one', () => {
    assert.deepEqual(identitiesToWrite({ user: ['@lee'], folder: ['f@x.example'] }, 'user', 'old@x.example'), { value: ['@lee', 'old@x.example'], shadowedBy: 'folder' });
    assert.deepEqual(identitiesToWrite({ workspace: ['w@x.example'] }, 'user', '@lee'), { value: ['@lee'], shadowedBy: 'workspace' });
  });

  it('never duplicates an alias already in the list, and drops what is not a string', () => {
    assert.deepEqual(identitiesToWrite({ folder: ['Old@X.example', 3, null] }, 'folder', 'old@x.example').value, ['Old@X.example']);
    assert.deepEqual(identitiesToWrite({ folder: 'not a list' }, 'folder', '@lee').value, ['@lee']);
  });
});
