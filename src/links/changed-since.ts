import { execFile } from 'node:child_process';
import { basename, dirname } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A `--changed-since` reference git does not know; the command reports it as a usage error. */
export class ChangedSinceError extends Error {
  override name = 'ChangedSinceError';
}

/**
 * The file's text at `ref` ('' when the file did not exist then). The path is given to git
 * relative to the file's own folder, so the file may live in any repository.
 */
export async function textAtRef(file: string, ref: string): Promise<string> {
  const folder = dirname(file);
  try {
    await run('git', ['-C', folder, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new ChangedSinceError(`--changed-since ${ref}: not a commit git knows in ${folder}`);
  }
  try {
    const { stdout } = await run('git', ['-C', folder, 'show', `${ref}:./${basename(file)}`], { maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch {
    return '';
  }
}

// Characters that may continue a URL; parentheses are left out because markdown closes links with them.
const URL_CONTINUATION = /[\w\-.~:/?#[\]@!$&'*+,;=%]/u;

/**
 * Whether `url` was already in the old text, as a whole URL (not as the start of a longer one).
 * A link is "added" by a change when the old text did not have it anywhere: moving a row or
 * re-sorting a table adds nothing.
 */
export function presentIn(oldText: string, url: string): boolean {
  for (let at = oldText.indexOf(url); at >= 0; at = oldText.indexOf(url, at + 1)) {
    const next = oldText[at + url.length];
    if (next === undefined || !URL_CONTINUATION.test(next)) return true;
  }
  return false;
}
