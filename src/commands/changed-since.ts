import { addedLines, ChangedSinceError, textAtRef } from '../git/text-at-ref.js';
import { InputError } from './errors.js';

/** The lines of `source` (the file at `path`) that the git diff against `ref` added; git's refusals are usage errors. */
export async function linesAddedSince(path: string, source: string, ref: string): Promise<Set<number>> {
  try {
    return addedLines(await textAtRef(path, ref), source);
  } catch (error) {
    if (error instanceof ChangedSinceError) throw new InputError(error.message);
    throw error;
  }
}
