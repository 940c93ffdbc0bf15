import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../support/lsp-client';
import { packProject, PROJECT_ROOT } from '../support/npm-pack';

const ROOT = PROJECT_ROOT;

/**
 * The npm package as a user gets it: `npm pack` (its prepack builds the production bundles) in a copy
 * of the project, so the work tree's dist/ is not rebuilt under the other tests, then the tarball
 * installed offline into an empty folder. The package has no runtime dependencies (the CLI is one
 * bundle), so `--offline` proves nothing is downloaded.
 */
describe('the npm package', function () {
  this.timeout(240_000);
  let work: string;
  let tarball: string;
  let installed: string;

  before(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'summary-lint-pack-'));
    tarball = packProject(work);
    installed = path.join(work, 'empty');
    fs.mkdirSync(installed);
    // a manifest of its own: without one npm installs into the nearest folder above that has one
    // (a stray package.json in the temp folder made it fetch that project's dependencies)
    fs.writeFileSync(path.join(installed, 'package.json'), '{"private":true}\n');
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', tarball], { cwd: installed, stdio: 'pipe' });
  });
  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it('holds the bundle, schema, profiles, docs and README, and no sources or tests', () => {
    const listed = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').map((p) => p.replace(/^package\//, ''));
    for (const needed of ['package.json', 'README.md', 'dist/cli.js', 'schemas/summaryrc.schema.json', 'docs/rules.md', 'src/core/config/profiles/work-summary.json']) {
      assert.ok(listed.includes(needed), `${needed} missing from ${listed.join(', ')}`);
    }
    for (const file of listed) {
      assert.doesNotMatch(file, /\.ts$|^test\/|^bench\/|^out\/|\.map$|^node_modules\/|^docs\/images\//, file);
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { private?: boolean; dependencies?: object };
    assert.notEqual(manifest.private, true);
    assert.deepEqual(Object.keys(manifest.dependencies ?? {}), [], 'the bundle needs nothing installed beside it');
  });

  it('installs into an empty folder and its summary-lint checks a document', () => {
    const bin = path.join(installed, 'node_modules', '.bin', 'summary-lint');
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(execFileSync(bin, ['--version'], { encoding: 'utf8' }), `${manifest.version}\n`);
    const document = path.join(installed, '2025年工作总结.txt');
    fs.writeFileSync(document, '2025年工作总结\n\n　　一、加强学习\n\n　　二、完善制度\n\n　　二、存在的问题\n');
    const checked = spawnSync(bin, ['--locale', 'en', '--format', 'json', '2025年工作总结.txt'], { cwd: installed, encoding: 'utf8' });
    assert.equal(checked.status, 1, checked.stderr);
    const findings = JSON.parse(checked.stdout) as { rule: string; line: number }[];
    assert.ok(findings.some((f) => f.rule === 'numbering-sequence' && f.line === 7), checked.stdout);

    const fromStdin = spawnSync(bin, ['--stdin', '--fix', '--stdin-filename', 'x/2025年工作总结.txt'], { cwd: installed, encoding: 'utf8', input: fs.readFileSync(document, 'utf8') });
    assert.equal(fromStdin.stdout, '2025年工作总结\n\n　　一、加强学习\n\n　　二、完善制度\n\n　　三、存在的问题\n', fromStdin.stderr);
  });

  it('runs from the installed package alone: no file of the project outside it is read', () => {
    // the installed bundle lives in the empty folder; with the project's node_modules out of reach
    // (NODE_PATH empty, cwd elsewhere) it must still start
    const cli = path.join(installed, 'node_modules', 'official-summary', 'dist', 'cli.js');
    const result = spawnSync(process.execPath, [cli, '--help'], { cwd: os.tmpdir(), encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NODE_PATH: '' } });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /--stdin/);
  });

  it('its bundle is the language server too: summary-lint --lsp --stdio', async () => {
    const cli = path.join(installed, 'node_modules', 'official-summary', 'dist', 'cli.js');
    const client = new LspTestClient({}, cli);
    try {
      await client.initialize(pathToFileURL(installed).href);
      const uri = pathToFileURL(path.join(installed, '2025年工作总结.txt')).href;
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'plaintext', version: 1, text: '2025年工作总结\n\n　　一、甲\n\n　　一、乙\n' },
      });
      const published = await client.diagnostics((p) => p.uri === uri);
      assert.ok(published.diagnostics.some((d) => d.code === 'numbering-sequence'), JSON.stringify(published));
      assert.match(published.diagnostics[0]!.codeDescription!.href, /^file:.*official-summary\/docs\/rules\.md#/, 'the rules page shipped in the package');
      // one server on the pipe: the bundle once started a second one, which published (and answered) everything twice
      const status = await client.connection.sendRequest('officialSummary/status', { textDocument: { uri } });
      assert.ok(status, 'the status request is answered');
      await new Promise((resolve) => setTimeout(resolve, 700));
      assert.equal(client.published.filter((p) => p.uri === uri).length, 1, `diagnostics published once: ${JSON.stringify(client.published.map((p) => [p.uri, p.version]))}`);
    } finally {
      await client.close();
    }
  });
});
