import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { repositoryRoot } from '../catalog/find-upward.js';
import type { Workspace } from '../catalog/workspace.js';

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
  return {
    path,
    root,
    exists,
    readText: (target) => {
      try {
        return readFileSync(target, 'utf8');
      } catch {
        return null;
      }
    },
  };
}
