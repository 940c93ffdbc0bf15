import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import Mocha from 'mocha';

// The harness receives the extension host's console mixed with the workbench's own logs and prints
// only lines carrying this tag.
const REPORTER_TAG = '[mocha] ';

/** Runs every *.test.js in `directory` with mocha inside the extension host. */
export function runMochaSuites(directory: string): Promise<void> {
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => {
    for (const line of util.format(...args).split('\n')) console.log(REPORTER_TAG + line);
  };
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30000, reporter: 'spec' });
  const only = process.env.E2E_GREP;
  if (only) mocha.grep(only);
  for (const file of fs.readdirSync(directory).sort()) {
    if (file.endsWith('.test.js')) mocha.addFile(path.join(directory, file));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes = 0, pending = 0 } = runner.stats ?? {};
      if (pending > 0) Mocha.reporters.Base.consoleLog(`${pending} skipped`);
      // Plain closing tally; the harness prints it as its very last line.
      Mocha.reporters.Base.consoleLog(`${passes} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} e2e test(s) failed`));
      else resolve();
    });
  });
}
