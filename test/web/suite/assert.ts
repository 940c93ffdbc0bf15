// The few assertions the web suites use. Node's `assert` does not exist in the web extension host
// (a Web Worker), and this is all they need; failures say what was expected and what came.

export class AssertionError extends Error {}

const shown = (value: unknown): string => {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
};

export function ok(value: unknown, message?: string): asserts value {
  if (!value) throw new AssertionError(message ?? `expected a truthy value, got ${shown(value)}`);
}

export function equal<T>(actual: T, expected: T, message?: string): void {
  if (actual !== expected) throw new AssertionError(`${message ? `${message}: ` : ''}expected ${shown(expected)}, got ${shown(actual)}`);
}

/** For plain data (arrays, records of strings and numbers): compared as JSON. */
export function deepEqual<T>(actual: T, expected: T, message?: string): void {
  if (shown(actual) !== shown(expected)) throw new AssertionError(`${message ? `${message}: ` : ''}expected ${shown(expected)}, got ${shown(actual)}`);
}

export function match(actual: string, pattern: RegExp, message?: string): void {
  if (!pattern.test(actual)) throw new AssertionError(`${message ? `${message}: ` : ''}expected ${shown(actual)} to match ${pattern}`);
}
