import { runMochaSuite } from '../harness/mochaSuite';

export function run(): Promise<void> {
  return runMochaSuite(__dirname);
}
