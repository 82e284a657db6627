import { strict as assert } from 'node:assert';
import { addCoAuthorTrailer } from '../../../src/core/presentation/coAuthorMessage';

const ALICE = { name: 'Alice Doe', email: 'alice@acme.example' };
const TRAILER = 'Co-authored-by: Alice Doe <alice@acme.example>';

describe('presentation: adding a Co-authored-by trailer to a commit message', () => {
  const cases: Array<[string, string, string]> = [
    ['an empty box keeps its first line for the subject', '', `\n\n${TRAILER}`],
    ['a box of whitespace counts as empty', '  \n \n', `\n\n${TRAILER}`],
    ['a subject gets a blank line, then the trailer', 'Fix capture retries', `Fix capture retries\n\n${TRAILER}`],
    ['a subject that looks like a trailer is still the subject', 'Fix: capture retries', `Fix: capture retries\n\n${TRAILER}`],
    ['a body is kept as typed', 'Fix capture\n\nRetry declined cards\nonce, not twice.', `Fix capture\n\nRetry declined cards\nonce, not twice.\n\n${TRAILER}`],
    ['trailing blank lines become the one blank line', 'Fix capture\n\n\n', `Fix capture\n\n${TRAILER}`],
    ['a last paragraph of trailers is joined, not split', 'Fix capture\n\nSigned-off-by: Lee Leader <lee@acme.example>', `Fix capture\n\nSigned-off-by: Lee Leader <lee@acme.example>\n${TRAILER}`],
    ['another co-author stays, and Alice joins the block', 'Fix\n\nBody.\n\nCo-authored-by: Bob Stone <bob@acme.example>', `Fix\n\nBody.\n\nCo-authored-by: Bob Stone <bob@acme.example>\n${TRAILER}`],
    ['a last paragraph of prose with a colon line is not a trailer block', 'Fix\n\nNote: this is prose\nand more of it', `Fix\n\nNote: this is prose\nand more of it\n\n${TRAILER}`],
    ['several blank lines between paragraphs still separate them', 'Fix\n\n\n\nSigned-off-by: Lee <lee@acme.example>', `Fix\n\n\n\nSigned-off-by: Lee <lee@acme.example>\n${TRAILER}`],
    ['Windows line endings are kept', 'Fix\r\n\r\nBody', `Fix\r\n\r\nBody\r\n\r\n${TRAILER}`],
  ];
  for (const [name, typed, expected] of cases) {
    it(name, () => {
      assert.deepEqual(addCoAuthorTrailer(typed, ALICE), { message: expected, added: true });
    });
  }

  it('never adds the same person twice: by email, whatever the case, name or place of the line', () => {
    for (const typed of [
      `Fix\n\n${TRAILER}`,
      'Fix\n\nco-authored-by: A. Doe <ALICE@acme.example>  ',
      'Fix\n\nCo-authored-by: Alice Doe <alice@acme.example>\nSigned-off-by: Lee <lee@acme.example>\n',
    ]) {
      assert.deepEqual(addCoAuthorTrailer(typed, ALICE), { message: typed, added: false }, typed);
    }
  });

  it('is idempotent: a second add changes nothing', () => {
    const once = addCoAuthorTrailer('Fix capture', ALICE).message;
    assert.deepEqual(addCoAuthorTrailer(once, ALICE), { message: once, added: false });
  });

  it('adds a different person whose email only contains Alice’s', () => {
    const typed = 'Fix\n\nCo-authored-by: Mal <xalice@acme.example>';
    assert.equal(addCoAuthorTrailer(typed, ALICE).message, `${typed}\n${TRAILER}`);
  });

  it('keeps a name or email from breaking the trailer onto another line', () => {
    assert.equal(addCoAuthorTrailer('Fix', { name: 'Alice\nDoe <x>', email: 'alice@acme.example\n' }).message, 'Fix\n\nCo-authored-by: Alice Doe x <alice@acme.example>');
  });
});
