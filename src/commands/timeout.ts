import { InputError } from './errors.js';

/** Longest `--timeout`: a whole run's budget (Node's timers would fire a longer delay after 1 ms). */
const MAX_TIMEOUT_MS = 15 * 60_000;

/** `--timeout MS`: a whole number of milliseconds from 1 to MAX_TIMEOUT_MS, or undefined when not given. */
export function requestTimeout(value: string | undefined): number | undefined {
  const timeout = value === undefined ? undefined : Number(value);
  if (timeout !== undefined && !(Number.isInteger(timeout) && timeout > 0 && timeout <= MAX_TIMEOUT_MS)) {
    throw new InputError(`--timeout takes milliseconds, a whole number from 1 to ${MAX_TIMEOUT_MS} (got "${value}")`);
  }
  return timeout;
}
