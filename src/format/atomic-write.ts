import { createHash, randomBytes } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  chownSync,
  closeSync,
  constants,
  fsyncSync,
  ftruncateSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A file as it was read: a write is refused when the file is no longer this. */
export interface FileFingerprint {
  size: number;
  mtimeMs: number;
  sha256: string;
}

export function fingerprintOf(bytes: Uint8Array, stats: Stats): FileFingerprint {
  return { size: stats.size, mtimeMs: stats.mtimeMs, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** A file this module will not write, and why (a one-line reason, without the file's name). */
export class WriteRefusedError extends Error {
  override name = 'WriteRefusedError';
}

/** Temporary files written and not yet renamed or removed: a signal must not leave them behind. */
const temporaries = new Set<string>();

/** Removes the temporary files of writes under way (on SIGINT or SIGTERM, before the process ends). */
export function removeTemporaryFiles(): void {
  for (const path of temporaries) rmSync(path, { force: true });
  temporaries.clear();
}

/**
 * Writes a file so that a reader sees the old content or the new one, never half of either: a
 * temporary file in the same folder (same file system), then a rename. A symbolic link is
 * followed (its target is rewritten, the link stays); the file's mode, owner and group are kept.
 *
 * With `expected`, the file must still be what was read (size, modification time, content)
 * just before it is replaced; an edit saved meanwhile is never overwritten. An existing file
 * is refused when it is not a regular file, or read-only as its user sees it: one nobody may
 * write (`chmod a-w`, which root could override) or one this process may not open for writing.
 * A file with several hard links, or whose owner the rename could not keep, is rewritten in
 * place, so that every link (and the owner) still sees the new content.
 */
export function writeFileAtomically(path: string, text: string, options: { expected?: FileFingerprint } = {}): void {
  let target = path;
  let existing: Stats | undefined;
  try {
    target = realpathSync(path);
    existing = statSync(target);
  } catch {
    // A new file: written where asked, with the default permissions.
  }
  if (existing) refuseUnwritable(target, existing);
  removeStaleTemporaries(target);
  if (existing && existing.nlink > 1) return writeInPlace(target, text, options.expected);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  temporaries.add(temporary);
  try {
    writeFileSync(temporary, text, { encoding: 'utf8', flush: true });
    if (existing) {
      // chmod, not writeFileSync's mode: that one is filtered by the umask.
      chmodSync(temporary, existing.mode & 0o7777);
      if (!keepOwner(temporary, existing)) {
        rmSync(temporary, { force: true });
        return writeInPlace(target, text, options.expected);
      }
    }
    if (options.expected) refuseChanged(target, options.expected);
    renameSync(temporary, target);
  } finally {
    rmSync(temporary, { force: true });
    temporaries.delete(temporary);
  }
}

function refuseUnwritable(target: string, stats: Stats): void {
  if (!stats.isFile()) throw new WriteRefusedError('not a regular file');
  const mode = `mode ${(stats.mode & 0o777).toString(8).padStart(4, '0')}`;
  if ((stats.mode & 0o222) === 0) throw new WriteRefusedError(`the file is read-only (${mode}); make it writable (chmod u+w) to let it be rewritten`);
  try {
    accessSync(target, constants.W_OK);
  } catch (error) {
    throw new WriteRefusedError(`this user may not write the file (${(error as NodeJS.ErrnoException).code ?? String(error)}, ${mode})`);
  }
}

/** Gives the temporary file the original's owner and group; false when this process may not (only root may give a file away). */
function keepOwner(temporary: string, original: Stats): boolean {
  const made = statSync(temporary);
  if (made.uid === original.uid && made.gid === original.gid) return true;
  try {
    chownSync(temporary, original.uid, original.gid);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EPERM') return false;
    throw error;
  }
}

/** Rewrites the file's own content (its inode, links, owner and mode stay); not atomic, so only after the caller's proof. */
function writeInPlace(target: string, text: string, expected: FileFingerprint | undefined): void {
  if (expected) refuseChanged(target, expected);
  const bytes = Buffer.from(text, 'utf8');
  const file = openSync(target, 'r+');
  try {
    for (let written = 0; written < bytes.length; ) written += writeSync(file, bytes, written, bytes.length - written, written);
    ftruncateSync(file, bytes.length);
    fsyncSync(file);
  } finally {
    closeSync(file);
  }
}

function refuseChanged(target: string, expected: FileFingerprint): void {
  const now = statSync(target);
  const same = now.size === expected.size && now.mtimeMs === expected.mtimeMs && fingerprintOf(readFileSync(target), now).sha256 === expected.sha256;
  if (!same) throw new WriteRefusedError('the file changed on disk while it was being formatted; nothing written, run the command again');
}

/**
 * Removes the temporary files of `target` that an earlier run left behind when it was killed
 * (SIGKILL, a power cut): ours by their name, and of a process that no longer runs.
 */
function removeStaleTemporaries(target: string): void {
  const prefix = `.${basename(target)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(\d+)\.[0-9a-f]{8}\.tmp$/u.exec(name.slice(prefix.length));
    if (match && !isRunning(Number(match[1]))) rmSync(join(dirname(target), name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists and belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
