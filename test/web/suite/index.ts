// Loaded by the web extension host through `extensionTestsPath` (bundled by ../runTest.ts): mocha's
// browser build, then the suites, in order.
import 'mocha/mocha';

export function run(): Promise<void> {
  mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60000 });
  // required here, after setup, so that `describe` exists when they load
  require('./0-web.test');
  require('./1-diagnostics.test');
  require('./2-code-actions.test');
  require('./3-outline.test');
  require('./4-word.test');
  require('./5-language-features.test');
  require('./6-commands.test');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} web test(s) failed`)) : resolve()));
  });
}
