// Bundles src/core/index.ts into bench/out/core.mjs with esbuild, the way the extension and CLI
// bundles inline it (unified + remark-parse included), so the bench runs without `tsc` and keeps
// working while src/ is mid-edit elsewhere (esbuild does not type-check).
import esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

export async function bundleCore(projectRoot, outDir) {
  fs.mkdirSync(outDir, { recursive: true });
  const outfile = path.join(outDir, 'core.mjs');
  await esbuild.build({
    absWorkingDir: projectRoot,
    entryPoints: ['src/core/index.ts'],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: false,
    minify: false,
    logLevel: 'warning',
    mainFields: ['module', 'main'],
  });
  return outfile;
}
