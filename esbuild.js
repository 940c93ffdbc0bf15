// Bundles the VS Code extension, its Word support and the CLI into dist/. `node esbuild.js [--watch] [--production]`.
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
  },
  {
    // loaded by the extension only when a Word command runs
    entryPoints: ['src/docx/index.ts'],
    outfile: 'dist/docx.js',
  },
  {
    // the language server alone, for clients that start it as a Node module (the CLI has it too: --lsp)
    entryPoints: ['src/server/main.ts'],
    outfile: 'dist/server.js',
  },
  {
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  },
];

async function main() {
  const contexts = [];
  for (const bundle of bundles) {
    const entry = bundle.entryPoints[0];
    if (!fs.existsSync(path.join(__dirname, entry))) {
      console.log(`esbuild: ${entry} does not exist yet, skipping ${bundle.outfile}`);
      continue;
    }
    const context = await esbuild.context({
      ...bundle,
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
