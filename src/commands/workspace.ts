import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readdirSync, readlinkSync, readSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
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
      return !isInside(realRoot, realPathOf(target));
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

/** Symbolic links followed one after another before a path is taken as written (a loop ends there). */
const MAX_SYMBOLIC_LINKS = 40;

/**
 * Where `path` leads, also when it does not exist: the real path of its deepest existing part
 * (a dangling symbolic link followed to where it points) with the rest appended. A missing file
 * below a link that leads outside must lead outside too, or the answer would tell whether a
 * file exists out there.
 */
function realPathOf(path: string, links = 0): string {
  try {
    return realpathSync(path);
  } catch {
    // Missing, or a dangling or looping symbolic link.
  }
  try {
    if (links < MAX_SYMBOLIC_LINKS && lstatSync(path).isSymbolicLink()) return realPathOf(resolve(dirname(path), readlinkSync(path)), links + 1);
  } catch {
    // Not there at all: its folder tells where it would be.
  }
  const parent = dirname(path);
  return parent === path ? path : join(realPathOf(parent, links), basename(path));
}
