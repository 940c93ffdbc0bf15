// Loaded through `extensionTestsPath` in the run where VS Code itself is in Simplified Chinese
// (E2E_LOCALE=zh-cn, see scripts/run-e2e.mjs): the extension's strings as a Chinese user sees them.
import { runMochaSuites } from '../mochaRunner';

export function run(): Promise<void> {
  return runMochaSuites(__dirname);
}
