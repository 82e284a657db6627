import { strict as assert } from 'node:assert';
import type { AreaReport } from '../../../src/core/analysis/areaReport';
import { shortAreaName, statusView, type StatusInput } from '../../../src/core/presentation/statusView';
import { pairingInvitation } from '../../../src/core/presentation/pairing';
import { areaReport } from '../../helpers/areaSignals';

const area: AreaReport = areaReport({
  suggestions: [{ name: 'Priya [x](command:evil) Patel', email: 'priya@acme.com', reason: 'Knows 3 of 4 files in /src/payments/.', inferred: false }],
});
const input: StatusInput = { status: { kind: 'ready', warnings: [] }, area, assist: undefined, snooze: undefined, problems: [], formatTime: () => 'Fri 14:00' };

describe('status bar view', () => {
  it('shows the nudge with area, share, owners, reasons and people, escaped', () => {
    const view = statusView(input);
    assert.equal(view.visible, true);
    assert.equal(view.text, '$(organization) payments · you 67%');
    assert.equal(view.action, 'suggestions');
    assert.ok(view.tooltip.includes('You made 8 of the 12 changes in /src/payments/ in the last 90 days (67%).'), view.tooltip);
    assert.ok(view.tooltip.includes('Owned by @acme/payments (from .github/CODEOWNERS).'), view.tooltip);
    assert.ok(!view.tooltip.includes('[x](command:evil)'), 'no link survives from repo data');
    assert.equal(view.ariaLabel, 'Multiplier: you made 67% of recent changes in payments, owned by @acme/payments. Select for pairing and handoff suggestions.');
  });

  it('hides outside nudges, while snoozed, and for disabled folders; pauses into a time-box reminder during an assist', () => {
    assert.equal(statusView({ ...input, area: { ...area, level: 'info' } }).visible, false);
    assert.equal(statusView({ ...input, area: undefined }).visible, false);
    assert.equal(statusView({ ...input, snooze: { folder: 'f', areaKey: 'k', until: 1 } }).visible, false);
    assert.equal(statusView({ ...input, status: { kind: 'disabled' } }).visible, false);
    const assisting = statusView({ ...input, assist: { folder: 'f', areaKey: 'k', areaName: '/src/payments/', startedAt: 0, until: 1, reason: 'launch', endNotified: false } });
    assert.equal(assisting.text, '$(watch) payments · until Fri 14:00');
    assert.match(assisting.tooltip, /You are helping here until Fri 14:00: launch\./);
  });

  it('shows muted states with the reason: restricted, no repository, error, loading', () => {
    assert.equal(statusView({ ...input, status: { kind: 'restricted' } }).text, '$(shield) Multiplier');
    assert.match(statusView({ ...input, status: { kind: 'restricted' } }).tooltip, /Restricted Mode: Multiplier runs no git/);
    assert.equal(statusView({ ...input, status: { kind: 'no-repository', message: '/x is not inside a git repository.' } }).text, '$(circle-slash) Multiplier');
    const error = statusView({ ...input, status: { kind: 'error', message: 'Git took longer than 300 s (git log) and was stopped.' } });
    assert.equal(error.action, 'log');
    assert.match(error.tooltip, /could not read this repository: Git took longer than 300 s/);
    assert.equal(statusView({ ...input, status: { kind: 'loading', message: 'Reading history… 5,000 commits' } }).text, '$(sync~spin) Multiplier');
  });

  it('names areas by their last meaningful segment', () => {
    assert.equal(shortAreaName('/src/payments/'), 'payments');
    assert.equal(shortAreaName('**/logs'), 'logs');
    assert.equal(shortAreaName('*.js'), '*.js');
  });

  it('writes a pairing invitation with a clean Co-authored-by trailer', () => {
    const text = pairingInvitation({ name: 'Priya\nPatel', email: 'priya@acme.com', reason: '', inferred: false }, area);
    assert.match(text, /^Hi Priya, I've been making changes in payments \(8 of the last 12\)/);
    assert.match(text, /\nCo-authored-by: Priya Patel <priya@acme\.com>\n$/);
  });
});
