// Writes the site into its folder all at once: the files go to a temporary folder beside it,
// which then takes the folder's place, so a failed build never leaves half a site. A folder that
// holds anything but a site this command built is never replaced.
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { GENERATOR } from './page.js';

/** A reason the site cannot be written where asked, for a one-line message. */
export class SiteOutputError extends Error {
  override name = 'SiteOutputError';
}

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code ?? String(error);

/** Removes what a failed write left; where nothing could be made (a file in the way) there is nothing to remove. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // Nothing was there.
  }
}

/** The first bytes of a page, where its head and generator tag are (a large site's page need not be read whole). */
function pageHead(path: string): string {
  const head = Buffer.alloc(4096);
  const file = openSync(path, 'r');
  try {
    return head.toString('utf8', 0, readSync(file, head, 0, head.length, 0));
  } finally {
    closeSync(file);
  }
}

/** Refuses an output folder that is a file, or a folder of something else than a built site. */
export function checkOutputFolder(folder: string, shown: string): void {
  if (!existsSync(folder)) {
    let ancestor = dirname(folder);
    while (!existsSync(ancestor) && dirname(ancestor) !== ancestor) ancestor = dirname(ancestor);
    if (!statSync(ancestor).isDirectory()) throw new SiteOutputError(`--out ${shown}: ${ancestor} is a file, not a folder`);
    return;
  }
  if (!statSync(folder).isDirectory()) throw new SiteOutputError(`--out ${shown}: is a file, expected a folder`);
  const names = readdirSync(folder);
  if (names.length === 0) return;
  const index = join(folder, 'index.html');
  const ours = existsSync(index) && pageHead(index).includes(`<meta name="generator" content="${GENERATOR}">`);
  if (!ours) throw new SiteOutputError(`--out ${shown}: the folder holds files that are not a site built by catalog site; name a new or empty folder`);
}

/** Writes `files` (name → content) as the whole content of `folder`. */
export function writeSite(folder: string, shown: string, files: Record<string, string>): void {
  checkOutputFolder(folder, shown);
  const parent = dirname(folder);
  const suffix = `${process.pid}.${randomBytes(4).toString('hex')}`;
  const staging = join(parent, `.${basename(folder)}.${suffix}.tmp`);
  const previous = join(parent, `.${basename(folder)}.${suffix}.old`);
  try {
    mkdirSync(parent, { recursive: true });
    mkdirSync(staging);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(staging, name), text);
  } catch (error) {
    removeQuietly(staging);
    throw new SiteOutputError(`--out ${shown}: cannot write there (${errorCode(error)})`);
  }
  const replacing = existsSync(folder);
  try {
    if (replacing) renameSync(folder, previous);
    renameSync(staging, folder);
  } catch (error) {
    if (replacing && !existsSync(folder) && existsSync(previous)) renameSync(previous, folder);
    removeQuietly(staging);
    throw new SiteOutputError(`--out ${shown}: cannot replace the folder (${errorCode(error)})`);
  }
  rmSync(previous, { recursive: true, force: true });
}
