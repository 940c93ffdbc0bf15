// Bundles the VS Code extension (desktop and web), its Word support, the language server and the CLI into dist/. `node esbuild.js [--watch] [--production]`.
// An entry point that does not exist yet is skipped with a note, so one half builds without the other.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const bundles = [
  {
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    plugins: [extensionModules()],
  },
  {
    // the language client, loaded by the extension when the server is first needed (src/extension/nodeClient.ts)
    entryPoints: ['src/extension/nodeClient.ts'],
    outfile: 'dist/client.js',
    external: ['vscode'],
  },
  {
    // loaded by the extension only when a Word command runs
    entryPoints: ['src/docx/index.ts'],
    outfile: 'dist/docx.js',
  },
  {
    // the language server alone, for clients that start it as a Node module (the CLI has it too: --lsp)
    entryPoints: ['src/server/node.ts'],
    outfile: 'dist/server.js',
  },
  {
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  },
  // VS Code for the Web: the extension's `browser` entry and the same language server in a Web Worker
  {
    entryPoints: ['src/web/extension.ts'],
    outfile: 'dist/web/extension.js',
    external: ['vscode'],
    ...browserTarget('cjs', { forTheExtension: true }),
  },
  {
    entryPoints: ['src/server/browser.ts'],
    outfile: 'dist/web/server.js',
    ...browserTarget('iife'),
  },
];

/**
 * A bundle for a browser (the web extension host and its workers are Web Workers: no Node modules).
 * The server's files import vscode-languageserver/node, whose API the /browser entry has too (only the
 * transports differ, and the browser entry picks its own): map one to the other.
 */
function browserTarget(format, { forTheExtension = false } = {}) {
  const plugins = [
    {
      name: 'language-server-for-the-browser',
      setup(build) {
        build.onResolve({ filter: /^vscode-languageserver\/node$/ }, (args) =>
          build.resolve('vscode-languageserver/browser', { kind: args.kind, resolveDir: args.resolveDir }),
        );
      },
    },
  ];
  if (forTheExtension) {
    // Desktop modules that need Node, and the browser module that stands in for each in the web bundle.
    plugins.push(extensionModules(new Map([[path.join(__dirname, 'src', 'extension', 'wordFiles.ts'), path.join(__dirname, 'src', 'web', 'wordFiles.ts')]])));
  }
  return {
    format,
    platform: 'browser',
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
    // a Web Worker has no DOM: packages with a `worker` export (decode-named-character-reference) must not get their DOM one
    conditions: ['worker'],
    plugins,
  };
}

/**
 * The extension (desktop and web) uses a few helpers of src/core (the analysis is the server's, and
 * the Word export's is in dist/docx.js): declaring the core free of side effects (it is: no module
 * registers anything on import) lets esbuild drop the rest, so activation loads no analysis pipeline.
 * `replacements` swaps a module for another (the web bundle's stand-ins for Node-only modules).
 */
function extensionModules(replacements = new Map()) {
  const core = path.join(__dirname, 'src', 'core') + path.sep;
  return {
    name: 'extension-modules',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, async (args) => {
        if (args.pluginData?.resolving) return undefined;
        const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: { resolving: true } });
        if (replacements.has(resolved.path)) return { ...resolved, path: replacements.get(resolved.path) };
        return resolved.path.startsWith(core) ? { ...resolved, sideEffects: false } : resolved;
      });
    },
  };
}

async function main() {
  const contexts = [];
  for (const bundle of bundles) {
    const entry = bundle.entryPoints[0];
    if (!fs.existsSync(path.join(__dirname, entry))) {
      console.log(`esbuild: ${entry} does not exist yet, skipping ${bundle.outfile}`);
      continue;
    }
    const context = await esbuild.context({
      absWorkingDir: __dirname,
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      sourcemap: !production,
      sourcesContent: false,
      minify: production,
      logLevel: 'warning',
      // jsonc-parser's UMD entry requires files by computed paths esbuild cannot follow; its ESM entry bundles cleanly
      mainFields: ['module', 'main'],
      ...bundle,
    });
    contexts.push(context);
  }
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('esbuild: watching');
    return;
  }
  for (const context of contexts) {
    await context.rebuild();
    await context.dispose();
  }
  if (fs.existsSync(path.join(__dirname, 'dist/cli.js'))) fs.chmodSync(path.join(__dirname, 'dist/cli.js'), 0o755);
  console.log(`esbuild: built ${contexts.length} bundle(s)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
