import { execFile } from 'node:child_process';
import { basename, dirname } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function git(folder: string, args: string[]): Promise<string | null> {
  try {
    return (await run('git', ['-C', folder, ...args])).stdout.trim();
  } catch {
    return null;
  }
}

/** Where `catalog changes` starts by default: the last tag before HEAD, else the first commit; null outside a repository. */
export async function defaultSince(folder: string): Promise<string | null> {
  const tag = await git(folder, ['describe', '--tags', '--abbrev=0', 'HEAD']);
  if (tag) return tag;
  const roots = await git(folder, ['rev-list', '--max-parents=0', 'HEAD']);
  return roots ? roots.split('\n').pop()! : null;
}

/** The full SHA of the commit `ref` names, or null. */
export function commitOf(folder: string, ref: string): Promise<string | null> {
  return git(folder, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
}

/**
 * The file's path at `ref` relative to the repository's root, following the renames of its
 * history (one `git log`, and one ancestry test per rename); undefined when it had its name.
 */
export async function pathAtRevision(file: string, ref: string): Promise<string | undefined> {
  const folder = dirname(file);
  const log = await git(folder, ['log', '--follow', '--name-status', '--diff-filter=R', '--format=%x1e%H', 'HEAD', '--', basename(file)]);
  let path: string | undefined;
  for (const chunk of (log ?? '').split('\x1e').slice(1)) {
    const [commit, ...lines] = chunk.trim().split('\n');
    const rename = lines.map((line) => line.split('\t')).find((fields) => fields[0]?.startsWith('R'));
    if (!commit || !rename) continue;
    // Before the rename commit, the file had its old name.
    if ((await git(folder, ['merge-base', '--is-ancestor', ref, commit])) !== null && (await commitOf(folder, ref)) !== commit) path = rename[1];
    else break;
  }
  return path;
}
