/**
 * The long shadow as a person reads it: the tooltip's lines (only those that apply), *Why*'s
 * section, and the sentences every surface shares, with repository text kept inert.
 */
import { strict as assert } from 'node:assert';
import type { AreaReport } from '../../../src/core/analysis/areaReport';
import type { Dive } from '../../../src/core/analysis/dives';
import { explainArea } from '../../../src/core/presentation/explanation';
import { diveSentence, linesReplacedSentence } from '../../../src/core/presentation/shadowSentences';
import { statusView, type StatusInput } from '../../../src/core/presentation/statusView';
import { ordinal } from '../../../src/core/text/wording';
import { areaReport } from '../../helpers/areaSignals';

const DAY = 86_400;
const NOW = 1_780_000_000;

const AREA: AreaReport = areaReport();

function dive(areaKey: string, area: string, endDaysAgo: number, ownersChangesAfter: number): Dive {
  const endSeconds = NOW - endDaysAgo * DAY;
  return { areaKey, area, startSeconds: endSeconds - 10 * DAY, endSeconds, commits: 3, aiAssistedCommits: 1, ownersChangesAfter, aftermathEndSeconds: endSeconds + 60 * DAY };
}

const YEAR = [dive('billing-key', '/src/billing/', 300, 4), dive('payments-key', '/src/payments/', 150, 5), dive('payments-key', '/src/payments/', 5, 1)];
const SIGNALS: Partial<AreaReport> = {
  aiAssistedCommits: 3,
  decisionFiles: ['src/payments/api/payments.proto', 'src/payments/adr/0002-[x](command:evil).md'],
  othersLinesReplaced: { total: 30, byPerson: [{ name: 'Ana *Ruiz*', email: 'ana@acme.com', lines: 30 }], complete: true },
  dives: YEAR.filter((d) => d.areaKey === 'payments-key'),
};

const input = (area: AreaReport, year: readonly Dive[] = YEAR): StatusInput => ({
  status: { kind: 'ready', warnings: [] },
  area,
  assist: undefined,
  snooze: undefined,
  problems: [],
  formatTime: () => 'Fri 14:00',
  dives: { year, nowSeconds: NOW },
});

describe('the long shadow in words', () => {
  it('adds one tooltip line per signal that applies, with repository text escaped', () => {
    const tooltip = statusView(input({ ...AREA, ...SIGNALS })).tooltip;
    const lines = tooltip.split('\n\n');
    const reasons = lines.indexOf(AREA.reasons[0] as string);
    assert.deepEqual(lines.slice(reasons + 1, reasons + 5), [
      '3 of your 8 solo changes here were AI-assisted: new code for the owners to learn.',
      'You changed 2 decision files here: `src/payments/api/payments.proto` and `src/payments/adr/0002-[x](command:evil).md`.',
      'Your changes replaced 30 lines Ana \\*Ruiz\\* wrote.',
      'Your 3rd dive into team areas this year; after the last one the owners made 5 changes there.',
    ]);
  });

  it('adds none of them when nothing applies, so the tooltip reads as before', () => {
    const plain = statusView({ ...input(AREA, []), dives: undefined }).tooltip;
    assert.equal(statusView(input(AREA, [])).tooltip, plain);
    assert.doesNotMatch(plain, /AI-assisted|decision file|replaced|dive/);
  });

  it('says "at least" when the read was cut short, and names up to three people', () => {
    assert.equal(linesReplacedSentence({ total: 7, byPerson: [{ name: 'Ana', email: 'a@x', lines: 7 }], complete: false }), 'Your changes replaced at least 7 lines Ana wrote.');
    const many = { total: 20, byPerson: ['Ana', 'Ben', 'Cy', 'Dee', 'Eve'].map((name, i) => ({ name, email: `${name}@x`, lines: 6 - i })), complete: true };
    assert.equal(linesReplacedSentence(many), 'Your changes replaced 20 lines others wrote: 6 by Ana, 5 by Ben, 4 by Cy and 5 by others.');
    assert.equal(linesReplacedSentence({ total: 0, byPerson: [], complete: true }), undefined);
    assert.equal(linesReplacedSentence(null), undefined);
  });

  it('counts dives across areas, names the previous one’s area when it differs, and says "so far" while its aftermath runs', () => {
    assert.equal(diveSentence('billing-key', YEAR, NOW), 'Your first dive into team areas this year.');
    const recent = [dive('billing-key', '/src/billing/', 20, 2), dive('payments-key', '/src/payments/', 1, 0)];
    assert.equal(diveSentence('payments-key', recent, NOW), 'Your 2nd dive into team areas this year; since the last one (/src/billing/) the owners have made 2 changes there so far.');
    assert.equal(diveSentence('search-key', YEAR, NOW), undefined);
    assert.deepEqual([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal), ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st', '111th']);
  });

  it('explains each signal in Why, with every dive of the area and the owners’ follow-up', () => {
    const why = explainArea({ ...AREA, ...SIGNALS }, { windowDays: 90, threshold: 0.5, minCommits: 3, timeBoxes: [], yearDives: YEAR, nowSeconds: NOW });
    assert.match(why, /^- 3 of your 8 solo changes here were AI-assisted/m);
    assert.match(why, /^- Decision files you changed here \(ADRs, designs, contracts, schemas\):\n {2}- `src\/payments\/api\/payments\.proto`\n {2}- `src\/payments\/adr\/0002-\[x\]\(command:evil\)\.md`$/m);
    assert.match(why, /^- Your changes replaced 30 lines Ana \\\*Ruiz\\\* wrote\.$/m);
    assert.match(why, /^ {2}- 2025-12-19 – 2025-12-29: 3 solo changes \(1 AI-assisted\); after it the owners made 5 changes there\.$/m);
    assert.match(why, /^ {2}- 2026-05-13 – 2026-05-23: 3 solo changes \(1 AI-assisted\); since it the owners have made 1 change there so far\.$/m);
    const none = explainArea({ ...AREA, othersLinesReplaced: { total: 0, byPerson: [], complete: false } }, { windowDays: 90, threshold: 0.5, minCommits: 3, timeBoxes: [], yearDives: [], nowSeconds: NOW });
    assert.match(none, /^- Your changes replaced no lines others wrote \(as far as was read in time\)\.$/m);
    assert.doesNotMatch(none, /AI-assisted|Decision files|dive/);
  });
});
