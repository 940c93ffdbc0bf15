// Loaded by the extension host through `extensionTestsPath`: the suites beside this file, run
// against the extension under development.
import { runMochaSuites } from './mochaRunner';

export function run(): Promise<void> {
  return runMochaSuites(__dirname);
}
