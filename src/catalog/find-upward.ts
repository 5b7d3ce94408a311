import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The nearest file called `name` in `folder` or a folder above it, searching no higher than
 * the repository root (the folder holding `.git`, a folder or a worktree's file): a file
 * above the repository belongs to another project.
 */
export function findUpward(folder: string, name: string): string | null {
  for (let current = folder; ; ) {
    const candidate = join(current, name);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(current);
    if (parent === current || existsSync(join(current, '.git'))) return null;
    current = parent;
  }
}
