import { InputError } from './errors.js';

/** `--timeout MS`: a whole number of milliseconds > 0, or undefined when not given. */
export function requestTimeout(value: string | undefined): number | undefined {
  const timeout = value === undefined ? undefined : Number(value);
  if (timeout !== undefined && !(Number.isInteger(timeout) && timeout > 0)) throw new InputError(`--timeout takes milliseconds, a whole number > 0 (got "${value}")`);
  return timeout;
}
