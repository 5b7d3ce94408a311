import { WriteRefusedError } from '../format/atomic-write.js';

/** A problem with the command's input (usage, config, unreadable file, refused write): exit code 2, with this one-line reason. */
export class InputError extends Error {
  override name = 'InputError';
}

const WRITE_ERRORS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exhausted',
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'a part of its path is a file, not a folder',
  EISDIR: 'it is a folder',
  EIO: 'an input/output error of the device',
};

/**
 * Why a file could not be written, in a few words: the refusal of the writer, or the system's
 * error (code and meaning). Anything else is a bug and is rethrown, to be reported as one.
 */
export function writeFailure(error: unknown): string {
  if (error instanceof WriteRefusedError) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string' || !(error instanceof Error)) throw error;
  return `${WRITE_ERRORS[code] ?? 'the system refused the write'} (${code})`;
}
