// Evaluation time of an extension bundle in a fresh Node process, outside VS Code:
// `node require-child.cjs BUNDLE`. `vscode` is replaced by an inert stub (every property is a callable,
// constructible proxy), so this measures loading + evaluating the bundle's JavaScript, and then
// activate() against an API that does nothing. It is NOT VS Code's activation time (see bench/README.md).
const Module = require('node:module');
const path = require('node:path');

function inert(name) {
  const target = function () {};
  return new Proxy(target, {
    get(_t, key) {
      if (key === Symbol.toPrimitive) return () => `[stub ${name}]`;
      if (key === 'then') return undefined; // not a thenable
      if (key === Symbol.iterator) return function* () {};
      return inert(`${name}.${String(key)}`);
    },
    set() { return true; },
    defineProperty() { return true; },
    deleteProperty() { return true; },
    apply() { return inert(`${name}()`); },
    construct() { return inert(`new ${name}`); },
  });
}
// esbuild's `import * as vscode` interop copies the module's own properties, so the stub needs the real
// names: every class, enum, namespace and function that @types/vscode declares.
const stub = {};
try {
  const declarations = require('node:fs').readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
  for (const match of declarations.matchAll(/^\s{1,4}export (?:declare )?(?:class|enum|namespace|function|const|let) ([A-Za-z_$][\w$]*)/gm)) {
    stub[match[1]] = inert(`vscode.${match[1]}`);
  }
} catch { /* no @types/vscode: the bare proxy below */ }
const originalLoad = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'vscode') return stub;
  return originalLoad.call(this, request, parent, isMain);
};

const bundle = path.resolve(process.argv[2]);
const t0 = performance.now();
const extension = require(bundle);
const requireMs = performance.now() - t0;
let activateMs;
let activateError;
try {
  const context = inert('context');
  const subscriptions = [];
  const ctx = new Proxy(context, { get: (t, k) => (k === 'subscriptions' ? subscriptions : t[k]) });
  const t1 = performance.now();
  const result = extension.activate?.(ctx);
  activateMs = performance.now() - t1;
  if (result && typeof result.then === 'function') result.catch(() => {});
} catch (error) {
  activateError = String(error && error.message || error).slice(0, 200) + (process.env.BENCH_DEBUG ? `\n${error.stack}` : "");
}
console.log(JSON.stringify({ requireMs, activateMs, activateError }));
