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
    // Before the first commit HEAD names no commit yet, and every line is one the commit adds
    // (the pre-commit hook passes --changed-since HEAD from the first commit on).
    if (ref === 'HEAD' && (await hasNoCommits(folder))) return '';
    throw new ChangedSinceError(`${option} ${ref}: not a commit git knows in ${folder}`);
  }
  try {
    const { stdout } = await run('git', ['-C', folder, 'show', `${ref}:${pathAtRef}`], { maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch {
    return '';
  }
}

async function hasNoCommits(folder: string): Promise<boolean> {
  const { stdout } = await run('git', ['-C', folder, 'rev-list', '--all', '--max-count=1']);
  return stdout.trim() === '';
}

/**
 * The 1-based lines of `text` that `oldText` does not have anywhere (compared without their
 * surrounding blanks): what a change added or rewrote. A line that only moved, as a row does
 * when a table is re-sorted, is not added. A line the text has more often than the old text (a
 * row pasted twice) is added where it follows another line than it did: a copy pasted above the
 * row it repeats is the added one.
 */
export function addedLines(oldText: string, text: string): Set<number> {
  const oldLines = oldText.split(/\r\n|\r|\n/u).map((line) => line.trim());
  const lines = text.split(/\r\n|\r|\n/u).map((line) => line.trim());
  const oldCounts = countsOf(oldLines);
  const oldPairs = new Set(oldLines.map((line, index) => `${oldLines[index - 1] ?? ''}\n${line}`));
  const added = new Set<number>();
  const occurrences = new Map<string, number[]>();
  lines.forEach((line, index) => {
    if (!oldCounts.has(line)) added.add(index + 1);
    else occurrences.set(line, [...(occurrences.get(line) ?? []), index]);
  });
  for (const [line, indexes] of occurrences) {
    const surplus = indexes.length - oldCounts.get(line)!;
    if (surplus <= 0) continue;
    const moved = indexes.filter((index) => !oldPairs.has(`${lines[index - 1] ?? ''}\n${line}`));
    const chosen = [...moved, ...indexes.filter((index) => !moved.includes(index)).reverse()].slice(0, surplus);
    for (const index of chosen) added.add(index + 1);
  }
  return added;
}

function countsOf(lines: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
  return counts;
}
