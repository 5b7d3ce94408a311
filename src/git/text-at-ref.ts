import { execFile } from 'node:child_process';
import { basename, dirname } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A `--changed-since` that git cannot answer (no git, no repository, unknown reference): a usage error. */
export class ChangedSinceError extends Error {
  override name = 'ChangedSinceError';
}

/**
 * The file's text at `ref` ('' when the file did not exist then). The path is given to git
 * relative to the file's own folder, so the file may live in any repository. `option` names
 * the command-line option the reference came from, in messages; `pathAtRef` is the file's path
 * then, when it had another name (relative to the repository's root).
 */
export async function textAtRef(file: string, ref: string, option = '--changed-since', pathAtRef = `./${basename(file)}`): Promise<string> {
  const folder = dirname(file);
  try {
    await run('git', ['-C', folder, 'rev-parse', '--git-dir']);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ChangedSinceError(`${option} ${ref}: needs git, which is not installed`);
    throw new ChangedSinceError(`${option} ${ref}: ${folder} is not in a git repository`);
  }
  try {
    await run('git', ['-C', folder, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new ChangedSinceError(`${option} ${ref}: not a commit git knows in ${folder}`);
  }
  try {
    const { stdout } = await run('git', ['-C', folder, 'show', `${ref}:${pathAtRef}`], { maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch {
    return '';
  }
}

/**
 * The 1-based lines of `text` that `oldText` does not have anywhere (compared without their
 * surrounding blanks): what a change added or rewrote. A line that only moved, as a row does
 * when a table is re-sorted, is not added.
 */
export function addedLines(oldText: string, text: string): Set<number> {
  const old = new Set(oldText.split(/\r\n|\r|\n/u).map((line) => line.trim()));
  const added = new Set<number>();
  text.split(/\r\n|\r|\n/u).forEach((line, index) => {
    if (!old.has(line.trim())) added.add(index + 1);
  });
  return added;
}
