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
  /** The text of a file, or null when it cannot be read. */
  readText(path: string): string | null;
}
