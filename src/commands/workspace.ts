import { closeSync, constants, existsSync, fstatSync, openSync, readdirSync, readSync, realpathSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { repositoryRoot } from '../catalog/find-upward.js';
import { isInside, type Workspace } from '../catalog/workspace.js';

/** The file system around a markdown file, for the rules that follow its links. */
export function fileSystemWorkspace(path: string): Workspace {
  const root = repositoryRoot(dirname(path));
  const namesIn = new Map<string, Set<string> | null>();
  const listed = (folder: string): Set<string> | null => {
    if (!namesIn.has(folder)) {
      try {
        namesIn.set(folder, new Set(readdirSync(folder)));
      } catch {
        namesIn.set(folder, null);
      }
    }
    return namesIn.get(folder)!;
  };
  // Case-sensitive on every system: each name below the repository's root must be listed in its
  // folder as written (a case-insensitive disk finds `readme.md` for `README.md`; GitHub does not).
  const exists = (target: string): boolean => {
    if (!existsSync(target)) return false;
    for (let current = target; current !== root && dirname(current) !== current; current = dirname(current)) {
      const names = listed(dirname(current));
      if (names !== null && !names.has(basename(current))) return false;
    }
    return true;
  };
  const realRoot = root === null ? null : realPathOf(root);
  return {
    path,
    root,
    exists,
    readText,
    leavesRepository: (target) => {
      if (realRoot === null) return false;
      const real = realPathOf(target);
      return real !== null && !isInside(realRoot, real);
    },
  };
}

/** The most a rule reads of a file it follows a link to: a markdown file or a source file, never a disk image. */
export const MAX_LINKED_FILE_BYTES = 8 * 1024 * 1024;

/**
 * The text of a regular file of at most MAX_LINKED_FILE_BYTES, or null. Opened without
 * blocking, so that a named pipe or a device (`/dev/zero`) is refused, not waited on or read.
 */
function readText(target: string): string | null {
  let descriptor: number | null = null;
  try {
    descriptor = openSync(target, constants.O_RDONLY | constants.O_NONBLOCK);
    const stats = fstatSync(descriptor);
    if (!stats.isFile() || stats.size > MAX_LINKED_FILE_BYTES) return null;
    const buffer = Buffer.alloc(stats.size);
    const length = readSync(descriptor, buffer, 0, stats.size, 0);
    return buffer.subarray(0, length).toString('utf8');
  } catch {
    return null;
  } finally {
    if (descriptor !== null) closeSync(descriptor);
  }
}

function realPathOf(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}
