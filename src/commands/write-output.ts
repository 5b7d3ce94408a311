import { writeFileSync } from 'node:fs';
import { InputError, writeFailure } from './errors.js';

/** Writes a report or an export where the user asked; a path that cannot be written is a usage error. */
export function writeOutput(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw new InputError(`cannot write ${path}: ${writeFailure(error)}`);
  }
}
