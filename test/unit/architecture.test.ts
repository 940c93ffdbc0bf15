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

/** Each source file's relative imports (type imports too), resolved to files. */
function importGraph(dir: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sources(dir)) {
    const targets = importsOf(file)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => path.resolve(path.dirname(file), spec))
      .map((base) => [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => fs.existsSync(candidate)))
      .filter((target): target is string => target !== undefined);
    graph.set(file, targets);
  }
  return graph;
}

function cyclesOf(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

const CORE = path.join(ROOT, 'src/core');
const coreLayer = (file: string) => path.relative(CORE, file).split(path.sep)[0].replace(/\.ts$/, '');

describe('architecture and safety', () => {
  it('no import cycles anywhere in src/', () => {
    const cycles = cyclesOf(importGraph(path.join(ROOT, 'src')));
    assert.deepEqual(cycles.map((cycle) => cycle.map((f) => path.relative(ROOT, f)).join(' -> ')), []);
  });

  it('the core is layered: text -> reader -> model -> rules -> engine, and editing beside the rules', () => {
    // what each folder of src/core may import (besides itself and the shared types.ts)
    const allowed: Record<string, string[]> = {
      text: ['model-types'],
      reader: ['text', 'model-types'],
      model: ['text'],
      config: ['text', 'model-types'],
      rules: ['text', 'model', 'model-types', 'config'],
      editing: ['text', 'model', 'model-types', 'config'],
      engine: ['text', 'reader', 'model', 'model-types', 'config', 'rules'],
    };
    for (const [file, targets] of importGraph(CORE)) {
      const from = coreLayer(file);
      if (!(from in allowed)) continue;
      for (const target of targets) {
        if (!target.startsWith(CORE)) continue;
        const to = path.relative(CORE, target) === path.join('model', 'types.ts') ? 'model-types' : coreLayer(target);
        if (to === from || to === 'types' || (from === 'model' && to === 'model-types')) continue;
        assert.ok(allowed[from].includes(to), `${path.relative(ROOT, file)} (${from}) imports ${path.relative(ROOT, target)} (${to})`);
      }
    }
  });

  it('rules hold their logic only: the engine keeps their per-chunk memos, every rule declares its scope', () => {
    const rulesDir = path.join(CORE, 'rules');
    const memo = path.join(CORE, 'model', 'chunk-memo.ts');
    for (const [file, targets] of importGraph(rulesDir)) {
      const relative = path.relative(ROOT, file);
      assert.ok(!targets.includes(memo), `${relative} imports the chunk memo`);
      // a rule reaching into a chunk parse's memo by hand, or exporting the memo helpers again
      assert.doesNotMatch(fs.readFileSync(file, 'utf8'), /\.memo\b|\bmemoized\(|\bperChunk\(/, `${relative} handles a chunk memo itself`);
    }
    for (const file of sources(rulesDir).filter((f) => !['rule.ts', 'index.ts'].includes(path.basename(f)))) {
      const text = fs.readFileSync(file, 'utf8');
      const rules = text.match(/^export const \w+: (?:Rule|BlockRule<\w+>) = \{\n  scope: '(?:document|block)',$/gm) ?? [];
      assert.equal(rules.length, 1, `${path.relative(ROOT, file)}: one rule, declared with its scope first`);
      if (/^  (?:findInChunk|checkBlock)\b/m.test(text)) assert.match(rules[0], /scope: 'block'/, `${path.relative(ROOT, file)} has a chunk pass but no block scope`);
    }
  });

  it('derived views are read from model/views.ts, and lines are split only by text/lines.ts', () => {
    const views = path.join(CORE, 'model', 'views.ts');
    for (const file of sources(path.join(ROOT, 'src'))) {
      const relative = path.relative(ROOT, file);
      const text = fs.readFileSync(file, 'utf8');
      if (file !== views) assert.doesNotMatch(text, /(?<![\w.]|function )(?:siblingRuns|enumerationRuns|findParts)\(/, `${relative} computes a view that model/views.ts keeps`);
      if (!file.startsWith(path.join(CORE, 'text') + path.sep)) {
        assert.doesNotMatch(text, /\.split\((?:\/\\r\?\\n\/|'\\n'|"\\n"|\/\\n\/|\/\\r\\n\|\\n\/)/, `${relative} splits lines itself`);
        assert.doesNotMatch(text, /(?:matchAll|replace)\(\/\\r\\n\?\|\\n\/g|(?:matchAll|replace)\(\/\\r\?\\n\/g/, `${relative} finds line breaks itself`);
      }
    }
  });

  it('the Word export reads the frame from the model: src/docx finds no title, salutation, signature or date itself', () => {
    for (const file of sources(path.join(ROOT, 'src/docx'))) {
      const relative = path.relative(ROOT, file);
      const text = fs.readFileSync(file, 'utf8');
      // a date pattern (`\s*年\s*` in a regular expression) or a finder of the frame's parts
      assert.doesNotMatch(text, /\\s\*[年月日]|[年月日]\\s\*/, `${relative} reads dates itself`);
      assert.doesNotMatch(text, /function (?:mark|find|detect)(?:Title|Salutation|Addressee|Signature|Date|Closing|Attachments?)\b/, `${relative} finds a part of the frame itself`);
    }
  });

  it('the model types are plain values: model/types.ts imports nothing but types', () => {
    const file = path.join(CORE, 'model', 'types.ts');
    const text = fs.readFileSync(file, 'utf8');
    for (const line of text.split('\n').filter((l) => /^\s*(import|export)\b.*\bfrom\s/.test(l))) {
      assert.match(line, /^\s*(import|export) type\b/, `model/types.ts: ${line}`);
    }
    assert.doesNotMatch(text, /^\s*export (const|let|function|class)\b/m, 'model/types.ts defines values');
  });

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
      if (relative === 'src/web/extension.ts') {
        // VS Code for the Web: the language server bundled with the extension, in a Web Worker
        assert.deepEqual(workers, ['serverScript.toString(true'], 'one worker, from `serverScript`');
        assert.match(text, /const serverScript = vscode\.Uri\.joinPath\(context\.extensionUri, 'dist', 'web', 'server\.js'\);/);
        continue;
      }
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

  it('only the CLI and the language server\'s settings touch the file system', () => {
    for (const file of sources(path.join(ROOT, 'src'))) {
      const relative = path.relative(ROOT, file).split(path.sep).join('/');
      // src/server/nodeFiles.ts reads .summaryrc.json of a workspace folder (and finds the rules page)
      if (relative.startsWith('src/cli/') || relative === 'src/server/nodeFiles.ts') continue;
      for (const spec of importsOf(file)) assert.ok(!/^(node:)?fs(\/promises)?$/.test(spec), `${relative} imports ${spec}`);
    }
  });
});
