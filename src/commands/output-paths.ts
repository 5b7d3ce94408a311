// Where a command may write: never over one of its inputs, and a link cache only inside the
// repository, as a regular file. A path given on the command line or in a pull request's config
// must not turn a report, an export or a cache into the loss of the catalog.
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { CatalogConfig } from '../catalog/config.js';
import type { Values } from './command.js';
import { repositoryRoot } from '../catalog/find-upward.js';
import { InputError } from './errors.js';
import { displayPath, type LoadedCatalog } from './load.js';

/** The files a run reads: the markdown files and their config files. */
export function inputFiles(loaded: readonly LoadedCatalog[]): string[] {
  const paths = loaded.flatMap((file) => (file.config.path === null ? [file.path] : [file.path, file.config.path]));
  return [...new Set(paths)];
}

/** The same file, through any symbolic or hard link; false when either does not exist. */
function sameFile(a: string, b: string): boolean {
  try {
    const [first, second] = [statSync(a), statSync(b)];
    return first.dev === second.dev && first.ino === second.ino;
  } catch {
    return false;
  }
}

/** Refuses to write `output` (named by `option`, e.g. `--output`) when it is one of the inputs. */
export function refuseInputAsOutput(output: string, inputs: readonly string[], option: string): void {
  const input = inputs.find((path) => sameFile(path, output));
  if (input) throw new InputError(`${option} ${displayPath(output)}: is ${displayPath(input)}, an input of this run; name another file`);
}

/** The real path of `path`, whose last parts need not exist yet. */
export function realPathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realPathOf(parent), basename(path));
  }
}

/** `inner` is `outer` or lies below it (both real paths). */
export function isWithin(inner: string, outer: string): boolean {
  const path = relative(outer, inner);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}

/** Where a run may keep its files: the repository holding its first file; outside git, that file's folder or the working folder. */
function workingRoots(loaded: readonly LoadedCatalog[]): string[] {
  const folder = dirname(loaded[0]!.path);
  const repository = repositoryRoot(folder);
  return (repository === null ? [folder, process.cwd()] : [repository]).map(realPathOf);
}

/**
 * The link cache of a run (`--cache`, else the config's `links.cacheFile`), refused when it is an
 * input, lies outside the repository, or exists as something else than a regular file (a device
 * such as /dev/zero would be read for ever).
 */
export function checkedCachePath(cacheOption: string | undefined, config: CatalogConfig, loaded: readonly LoadedCatalog[]): string {
  const path = resolve(cacheOption ?? config.links.cacheFile);
  const option = cacheOption !== undefined ? '--cache' : config.path ? `links.cacheFile of ${displayPath(config.path)}` : 'the default link cache';
  refuseInputAsOutput(path, inputFiles(loaded), option);
  const roots = workingRoots(loaded);
  if (!roots.some((root) => isWithin(realPathOf(path), root))) {
    throw new InputError(`${option} ${displayPath(path)}: lies outside the repository (${roots.map(displayPath).join(' or ')}); keep the link cache inside it`);
  }
  let isFile = true;
  try {
    isFile = statSync(path).isFile();
  } catch {
    // Not there yet: the run creates it.
  }
  if (!isFile) throw new InputError(`${option} ${displayPath(path)}: is not a regular file; name a file for the link cache`);
  return path;
}

/** `--no-cache` with `--cache` is a usage error, not a silent choice of one of them. */
export function cacheOptionsAgree(values: Values): string | undefined {
  return values['no-cache'] && values.cache !== undefined ? '--no-cache and --cache contradict each other: give one of them' : undefined;
}
