import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The nearest file called `name` in `folder` or a folder above it, searching no higher than
 * the repository root (the folder holding `.git`, a folder or a worktree's file): a file
 * above the repository belongs to another project.
 */
/** The nearest folder, `folder` itself included, that holds `.git` (a folder, or a worktree's file); null outside a repository. */
export function repositoryRoot(folder: string): string | null {
  for (let current = folder; ; current = dirname(current)) {
    if (existsSync(join(current, '.git'))) return current;
    if (dirname(current) === current) return null;
  }
}

export function findUpward(folder: string, name: string): string | null {
  for (let current = folder; ; ) {
    const candidate = join(current, name);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(current);
    if (parent === current || existsSync(join(current, '.git'))) return null;
    current = parent;
  }
}
