// Writes the site's files into their folder and touches nothing else there: a manifest
// (`.catalog-site.json`) records the files the site wrote and their hashes, so that a rebuild
// replaces those, removes the ones it no longer writes (when unchanged since), and keeps every
// other file (a CNAME for GitHub Pages, a user's notes). A file of the same name that the site
// did not write is never replaced. Each file is replaced atomically.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, lstatSync, mkdirSync, openSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { WriteRefusedError, writeFileAtomically } from '../format/atomic-write.js';
import { GENERATOR } from './page.js';

/** A reason the site cannot be written where asked, for a one-line message. */
export class SiteOutputError extends Error {
  override name = 'SiteOutputError';
}

export const MANIFEST = '.catalog-site.json';
const MANIFEST_VERSION = 1;

interface Manifest {
  generator: typeof GENERATOR;
  version: typeof MANIFEST_VERSION;
  /** Name → SHA-256 of the content written. */
  files: Record<string, string>;
}

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code ?? String(error);
const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');
/** A name the site may write or remove: a plain file name in the folder, no path, no dot file. */
const isPlainName = (name: string) => /^[A-Za-z0-9][\w.-]*$/u.test(name);

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

/** The folder's manifest; null when there is none; an error when a file of its name is not one. */
function readManifest(folder: string, shown: string): Manifest | null {
  const path = join(folder, MANIFEST);
  if (!existsSync(path)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    raw = null;
  }
  const manifest = raw as Partial<Manifest> | null;
  const files = manifest?.files;
  const valid =
    manifest?.generator === GENERATOR &&
    manifest.version === MANIFEST_VERSION &&
    typeof files === 'object' &&
    files !== null &&
    Object.entries(files).every(([name, hash]) => isPlainName(name) && typeof hash === 'string');
  if (!valid) throw new SiteOutputError(`--out ${shown}: ${MANIFEST} there is not a manifest catalog site wrote; move it or name another folder`);
  return manifest as Manifest;
}

/** The site wrote this file: its manifest says so, or (a site built before manifests) it is a page with our generator tag. */
function isOurs(folder: string, name: string, manifest: Manifest | null): boolean {
  if (manifest && Object.hasOwn(manifest.files, name)) return true;
  return manifest === null && name === 'index.html' && pageHead(join(folder, name)).includes(`<meta name="generator" content="${GENERATOR}">`);
}

/**
 * Refuses an output folder that is a file or lies below one, and one holding a file of a name
 * the site writes (`names`) that the site did not write.
 */
export function checkOutputFolder(folder: string, shown: string, names: readonly string[] = ['index.html']): void {
  if (!existsSync(folder)) {
    let ancestor = dirname(folder);
    while (!existsSync(ancestor) && dirname(ancestor) !== ancestor) ancestor = dirname(ancestor);
    if (!statSync(ancestor).isDirectory()) throw new SiteOutputError(`--out ${shown}: ${ancestor} is a file, not a folder`);
    return;
  }
  if (!statSync(folder).isDirectory()) throw new SiteOutputError(`--out ${shown}: is a file, expected a folder`);
  const manifest = readManifest(folder, shown);
  for (const name of names) {
    const path = join(folder, name);
    if (!existsSync(path)) continue;
    if (!lstatSync(path).isFile() || !isOurs(folder, name, manifest)) {
      throw new SiteOutputError(`--out ${shown}: ${name} there is not a file catalog site wrote, and is never replaced; move it or name another folder`);
    }
  }
}

/** Writes `files` (name → content) into `folder`, replacing the site's earlier files and keeping everything else. */
export function writeSite(folder: string, shown: string, files: Record<string, string>): void {
  const names = Object.keys(files);
  const unsafe = names.find((name) => !isPlainName(name));
  if (unsafe !== undefined) throw new Error(`the site's file name "${unsafe}" is not a plain file name`);
  checkOutputFolder(folder, shown, names);
  try {
    mkdirSync(folder, { recursive: true });
    const previous = readManifest(folder, shown);
    const written: Record<string, string> = {};
    for (const [name, text] of Object.entries(files)) {
      writeFileAtomically(join(folder, name), text);
      written[name] = sha256(text);
    }
    // A file an earlier build wrote and this one does not: removed only when nobody changed it since.
    for (const [name, hash] of Object.entries(previous?.files ?? {})) {
      const path = join(folder, name);
      if (Object.hasOwn(written, name) || !existsSync(path) || !lstatSync(path).isFile()) continue;
      if (sha256(readFileSync(path)) === hash) rmSync(path);
    }
    const manifest: Manifest = { generator: GENERATOR, version: MANIFEST_VERSION, files: written };
    writeFileAtomically(join(folder, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  } catch (error) {
    if (error instanceof SiteOutputError) throw error;
    throw new SiteOutputError(`--out ${shown}: cannot write there (${error instanceof WriteRefusedError ? error.message : errorCode(error)})`);
  }
}
