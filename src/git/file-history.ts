// One file's history in one `git log`: every commit of the branch's mainline (first parents, a
// merge as its diff against the first parent) that changed the file, oldest first, each with its
// line-level patch. Replayed in order, the patches rebuild every revision of the file.
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

export interface Hunk {
  /** Where the hunk's lines were (1-based; with `oldCount` 0, the line after which the new ones go). */
  oldStart: number;
  oldCount: number;
  /** The lines it puts there (without their line endings). */
  added: string[];
}

export interface FileCommit {
  commit: string;
  /** Committer date, RFC 3339 in UTC (`2026-11-26T15:17:07Z`). */
  date: string;
  hunks: Hunk[];
}

/** Why a file has no history to read: no git, no repository, a shallow clone. */
export class NoHistoryError extends Error {
  override name = 'NoHistoryError';
}

/** Below this many commits the history is read by one git process; above, by two at once (the diffs are most of the time). */
const SPLIT_AT = 200;

/**
 * The commits that changed `file`, oldest first, following renames. A long history is read in
 * two halves at once, split at a commit that has the file's present name: git's diffs cost in
 * proportion to the file's size at every commit, and two processes use two cores.
 */
export async function fileHistory(file: string, until = 'HEAD', splitAt = SPLIT_AT): Promise<FileCommit[]> {
  return (await startFileHistory(file, until, splitAt))();
}

/**
 * Starts git on the file's history and returns what waits for it: git writes into files, not
 * pipes, so it runs on while this process does other work (reads the catalog) without reading it.
 */
export async function startFileHistory(file: string, until = 'HEAD', splitAt = SPLIT_AT): Promise<() => Promise<FileCommit[]>> {
  const folder = dirname(file);
  const shallow = await git(folder, ['rev-parse', '--is-shallow-repository']).catch((error: Error) => {
    throw new NoHistoryError((error as NodeJS.ErrnoException).code === 'ENOENT' ? 'git is not installed' : `${folder} is not in a git repository`);
  });
  if (shallow.trim() === 'true') throw new NoHistoryError('the repository is a shallow clone (in GitHub Actions, check out with fetch-depth: 0)');
  const failed = () => {
    throw new NoHistoryError(`git cannot read the history of ${basename(file)} up to ${until}`);
  };
  const touching = (await git(folder, ['rev-list', '--first-parent', until, '--', basename(file)]).catch(failed)).split('\n').filter(Boolean);
  const middle = touching.length >= splitAt ? touching[touching.length >> 1] : undefined;
  const ranges = middle ? [`${middle}..${until}`, middle] : [until];
  const logs = ranges.map((range) => git(folder, [...LOG, range, '--', basename(file)]).catch(failed));
  // Newest first, as git prints them: the later half, then the earlier one.
  return async () => (await Promise.all(logs)).flatMap(parseLog).reverse();
}

const LOG = [
  '-c',
  'log.showSignature=false',
  'log',
  '--first-parent',
  '--diff-merges=first-parent',
  '--follow',
  '-p',
  '-U0',
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--format=%x1e%H %cI',
];

/** Commits of `git log -p -U0 --format=%x1e%H %cI`, newest first as git prints them. */
export function parseLog(log: string): FileCommit[] {
  return log
    .split('\x1e')
    .slice(1)
    .map((chunk) => {
      const lines = chunk.split('\n');
      const [commit = '', date = ''] = lines[0]!.split(' ');
      return { commit, date: new Date(date).toISOString().replace(/\.000Z$/u, 'Z'), hunks: parseHunks(lines) };
    });
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,(\d+))? @@/u;

function parseHunks(lines: string[]): Hunk[] {
  const hunks: Hunk[] = [];
  for (let index = 1; index < lines.length; index++) {
    const header = HUNK_HEADER.exec(lines[index]!);
    if (!header) continue;
    const oldCount = header[2] === undefined ? 1 : Number(header[2]);
    const newCount = header[3] === undefined ? 1 : Number(header[3]);
    const added: string[] = [];
    // Without context, a hunk is its removed lines then its added ones; `\` lines mark a missing final newline.
    let removed = 0;
    while (removed < oldCount || added.length < newCount) {
      const line = lines[++index];
      if (line === undefined) break;
      if (line.startsWith('\\')) continue;
      if (line.startsWith('-')) removed++;
      else added.push(line.slice(1).replace(/\r$/u, ''));
    }
    hunks.push({ oldStart: Number(header[1]), oldCount, added });
  }
  return hunks;
}

/** Runs git with its output into a temporary file (a pipe would make git wait while this process is busy); resolves to the output. */
function git(folder: string, args: string[]): Promise<string> {
  const scratch = mkdtempSync(join(tmpdir(), 'catalog-git-'));
  const output = join(scratch, 'stdout');
  const descriptor = openSync(output, 'w');
  return new Promise<string>((resolve, reject) => {
    const child = spawn('git', ['-C', folder, ...args], { stdio: ['ignore', descriptor, 'ignore'] });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(readFileSync(output, 'utf8')) : reject(new Error(`git ${args[0]} exited ${code}`))));
  }).finally(() => {
    closeSync(descriptor);
    rmSync(scratch, { recursive: true, force: true });
  });
}
