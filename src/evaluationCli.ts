/** Entry point of `npm run eval` (run through tsx; not bundled, not shipped in the VSIX). */
import { runEvaluationCli } from './cli/evaluationCommand';

runEvaluationCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  // npm runs scripts in the package folder; INIT_CWD is where the user typed the command.
  cwd: process.env.INIT_CWD ?? process.cwd(),
  clock: Date.now,
  progress: (message) => {
    if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${message}`);
  },
}).then((code) => {
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  process.exitCode = code;
});
