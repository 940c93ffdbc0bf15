import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/corpus';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

const importsOf = (file: string) => [...fs.readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)[^'"\n]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]);

describe('architecture and safety', () => {
  it('src/core is pure: no vscode, no node: modules, no Node globals', () => {
    for (const file of sources(path.join(ROOT, 'src/core'))) {
      for (const spec of importsOf(file)) {
        assert.ok(spec.startsWith('.') || ['unified', 'remark-parse', 'jsonc-parser'].includes(spec), `${path.relative(ROOT, file)} imports ${spec}`);
      }
      assert.doesNotMatch(fs.readFileSync(file, 'utf8'), /\b(process|Buffer|__dirname|require)\b\s*[.(]/, path.relative(ROOT, file));
    }
  });

  it('nothing reaches the network or runs code from the workspace', () => {
    const forbidden = ['http', 'https', 'net', 'tls', 'dgram', 'dns', 'child_process', 'worker_threads', 'vm'];
    for (const file of sources(path.join(ROOT, 'src'))) {
      const text = fs.readFileSync(file, 'utf8');
      const relative = path.relative(ROOT, file).split(path.sep).join('/');
      // the CLI checks folders on worker threads that run its own bundle (see the next test)
      const allowed = relative.startsWith('src/cli/') ? forbidden.filter((m) => m !== 'worker_threads') : forbidden;
      for (const spec of importsOf(file)) assert.ok(!allowed.includes(spec.replace(/^node:/, '')), `${path.relative(ROOT, file)} imports ${spec}`);
      assert.doesNotMatch(text, /\bfetch\s*\(|XMLHttpRequest|WebSocket|\beval\s*\(|new Function\s*\(/, path.relative(ROOT, file));
    }
  });

  it('worker threads run only the CLI\'s own script, never a path from input', () => {
    for (const file of sources(path.join(ROOT, 'src'))) {
      const relative = path.relative(ROOT, file).split(path.sep).join('/');
      const text = fs.readFileSync(file, 'utf8');
      const workers = [...text.matchAll(/new\s+Worker\s*\(([^,)]*)/g)].map((m) => m[1]!.trim());
      if (relative !== 'src/cli/workers.ts') {
        assert.deepEqual(workers, [], `${relative} starts a worker`);
        continue;
      }
      assert.deepEqual(workers, ['script'], 'one place starts threads, with `script`');
      assert.match(text, /const script = ownScript\(\);/, 'and `script` is ownScript(): this module\'s own file inside the package');
      assert.match(text, /const script = fs\.realpathSync\(__filename\);/);
    }
  });

  it('the extension declares untrusted and virtual workspaces supported (profiles are data)', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { capabilities?: { untrustedWorkspaces?: { supported?: unknown }; virtualWorkspaces?: unknown } };
    assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, true);
  });

  it('only the CLI, the Word adapters and the language server\'s settings touch the file system', () => {
    for (const file of sources(path.join(ROOT, 'src'))) {
      const relative = path.relative(ROOT, file).split(path.sep).join('/');
      // src/server/settings.ts reads .summaryrc.json of a workspace folder (and finds the rules page)
      if (relative.startsWith('src/cli/') || relative === 'src/docx/cli-support.ts' || relative === 'src/server/settings.ts') continue;
      for (const spec of importsOf(file)) assert.ok(!/^(node:)?fs(\/promises)?$/.test(spec), `${relative} imports ${spec}`);
    }
  });
});
