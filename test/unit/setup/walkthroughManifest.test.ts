/** The walkthrough package.json contributes against what ships: its pages, commands and settings. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SETTING_KEYS } from '../../../src/core/config/settings';
import { COMMANDS } from '../../../src/vscode/commandIds';
import { localizedManifest } from '../../helpers/manifest';

const root = path.resolve(__dirname, '../../..');
const manifest = localizedManifest();

interface Step {
  readonly id: string;
  readonly description: string;
  readonly media: { readonly markdown?: string };
  readonly completionEvents: readonly string[];
}

describe('setup: the getting-started walkthrough', () => {
  const walkthrough = manifest.contributes.walkthroughs.find((w: { id: string }) => w.id === 'multiplier.gettingStarted');
  const steps: readonly Step[] = walkthrough?.steps ?? [];
  const contributed = new Set<string>(Object.values(COMMANDS));

  it('has the four steps, each with a Markdown page that exists and starts with a heading', () => {
    assert.deepEqual(steps.map((s) => s.id), ['identity', 'ownership', 'thresholds', 'footprint']);
    for (const step of steps) {
      assert.equal(step.media.markdown, `media/walkthrough/${step.id}.md`);
      const page = fs.readFileSync(path.join(root, step.media.markdown ?? ''), 'utf8');
      assert.match(page, /^# \S/, step.id);
      assert.ok(page.split(/\s+/).length < 250, `${step.id} stays short`);
    }
  });

  it('links and completes on commands the extension contributes and settings it reads', () => {
    for (const step of steps) {
      for (const [, command] of step.description.matchAll(/\(command:([\w.]+)/g)) {
        assert.ok(contributed.has(command ?? '') || command?.startsWith('workbench.'), `${step.id} links ${command}`);
      }
      assert.ok(step.completionEvents.length > 0, step.id);
      for (const event of step.completionEvents) {
        const [kind, name = ''] = event.split(/:(.*)/);
        if (kind === 'onCommand') assert.ok(contributed.has(name), `${step.id}: ${event}`);
        else if (kind === 'onSettingChanged') assert.ok((SETTING_KEYS as readonly string[]).includes(name), `${step.id}: ${event}`);
        else assert.fail(`${step.id}: unexpected completion event ${event}`);
      }
    }
  });
});
