// Loaded through `extensionTestsPath` in the run where the packaged .vsix is installed like a
// user installs it; the development path is only an empty probe extension (vsix-probe/).
import { runMochaSuites } from '../mochaRunner';

export function run(): Promise<void> {
  return runMochaSuites(__dirname);
}
