import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const PROJECT_ROOT = path.join(__dirname, '../../..');
const NOT_STAGED = new Set(['node_modules', '.git', 'out', 'dist', 'test', 'bench', '.vscode-test']);

/**
 * `npm pack` (its prepack builds the production bundles) in a copy of the project inside `work`,
 * so the work tree's dist/ is not rebuilt under the other tests. Returns the tarball's path.
 */
export function packProject(work: string): string {
  const stage = path.join(work, 'stage');
  fs.mkdirSync(stage);
  for (const entry of fs.readdirSync(PROJECT_ROOT)) {
    if (NOT_STAGED.has(entry) || entry.endsWith('.vsix')) continue;
    fs.cpSync(path.join(PROJECT_ROOT, entry), path.join(stage, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(stage, 'node_modules'));
  const packed = execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: stage, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const report = JSON.parse(packed.slice(packed.indexOf('['))) as { filename: string }[];
  fs.rmSync(stage, { recursive: true, force: true });
  return path.join(work, report[0]!.filename);
}
