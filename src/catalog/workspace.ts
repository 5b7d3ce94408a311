import { isAbsolute, relative, sep } from 'node:path';

/**
 * What a rule may learn about the files around the one it lints (the `internal-link` rule
 * follows relative links). The CLI passes the file system; tests pass a stand-in.
 */
export interface Workspace {
  /** Absolute path of the linted file. */
  path: string;
  /** The repository's root folder, against which links starting with `/` resolve; null outside a repository. */
  root: string | null;
  /** A file or folder exists at this absolute path, spelled with exactly this case. */
  exists(path: string): boolean;
  /** The text of a file, or null when it cannot be read (not a regular file, or too large to be read whole). */
  readText(path: string): string | null;
  /**
   * The path is inside the repository as written but leads out of it (a symbolic link to a
   * file outside). Without it, only the path as written is judged.
   */
  leavesRepository?(path: string): boolean;
}

/** `path` is `folder` or lies below it (both absolute). */
export function isInside(folder: string, path: string): boolean {
  const from = relative(folder, path);
  return from !== '..' && !from.startsWith(`..${sep}`) && !isAbsolute(from);
}
