/**
 * The body of every suite's `index.ts`: VS Code loads that module in the extension host and
 * awaits its `run()`. The runner bundles each `*.test.ts` next to `index.js`, so the suite's
 * tests are the `*.test.js` files in the bundle's own folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/**
 * Failures of this window's run so far: a reload hands them to the launcher, or they would be
 * lost. Kept on globalThis because index.js and each test file are separate bundles, each with
 * its own copy of this module.
 */
const FAILURES = Symbol.for('multiplier.integration.failures');
type FailureCounter = { [FAILURES]?: number };

export function failuresBeforeReload(): number {
  return (globalThis as FailureCounter)[FAILURES] ?? 0;
}

export function runMochaSuite(bundleDir: string, options: Mocha.MochaOptions = {}): Promise<void> {
  // No colours: the output travels through the workbench's log, which would print the escapes.
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000, ...options });
  const files = fs.readdirSync(bundleDir).filter((name) => name.endsWith('.test.js')).sort();
  for (const file of files) mocha.addFile(path.join(bundleDir, file));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
    runner.on('fail', (test, error: Error) => {
      (globalThis as FailureCounter)[FAILURES] = failuresBeforeReload() + 1;
      // Printed at once: a window that is reloaded away never reaches mocha's final report.
      console.error(`FAILED: ${test.fullTitle()}\n${error.stack ?? error.message}`);
    });
  });
}
