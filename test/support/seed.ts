/**
 * The seed every property test uses. `npm test` runs the same cases every time (a fixed seed);
 * `npm run fuzz` sets FC_SEED to a fresh random seed and FC_RUNS to many more cases, and prints the
 * seed so a failure can be replayed (FC_SEED=<n> npm run test:unit). A counterexample it finds
 * becomes a fixed regression case in test/unit/regressions.test.ts.
 */
export const DEFAULT_SEED = 20261201;
export const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : DEFAULT_SEED;
/** multiplies each property's number of cases (default 1) */
export const SCALE = process.env.FC_RUNS ? Number(process.env.FC_RUNS) : 1;
export const runs = (n: number): number => Math.max(1, Math.round(n * SCALE));
