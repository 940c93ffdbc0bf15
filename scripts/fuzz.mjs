// npm run fuzz: the property tests with a fresh random seed and many more cases than `npm test` runs.
// Usage: npm run fuzz [-- --runs 20 --seed N]. A failure prints its seed and counterexample: replay
// it with FC_SEED=<seed> FC_RUNS=<runs>, then add the counterexample to test/unit/regressions.test.ts.
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : fallback;
};
const seed = option('seed', String(randomInt(1, 2 ** 31 - 1)));
const scale = option('runs', '20');
console.log(`fuzz: FC_SEED=${seed} FC_RUNS=${scale}`);
const files = ['out/test/unit/properties.test.js', 'out/test/unit/reader-shortcuts.test.js', 'out/test/unit/hostile-cli.test.js', 'out/test/unit/docx-roundtrip.test.js'];
const result = spawnSync('npx', ['mocha', '--no-config', '--timeout', '600000', ...files], {
  stdio: 'inherit',
  env: { ...process.env, FC_SEED: seed, FC_RUNS: scale },
});
if (result.status !== 0) console.log(`fuzz: failed with FC_SEED=${seed} FC_RUNS=${scale}: make the counterexample a regression case`);
process.exit(result.status ?? 1);
