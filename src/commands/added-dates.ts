// The date each entry was added, from the file's git history, for export and site. Without a
// history (no git, a tarball, a shallow clone) there are no dates, and stderr says so once.
import type { Row } from '../catalog/model.js';
import type { FileCommit } from '../git/file-history.js';
import type { Io } from './command.js';
import type { LoadedCatalog } from './load.js';

/** The files' histories, being read by git: started before the catalogs are read, so that both run at once. */
export type PendingHistories = Map<string, Promise<() => Promise<FileCommit[]>>>;

export async function startHistories(paths: string[]): Promise<PendingHistories> {
  const { startFileHistory } = await import('../git/file-history.js');
  const pending: PendingHistories = new Map();
  for (const path of paths) {
    const started = startFileHistory(path);
    // Failures are reported when the dates are asked for, once the catalogs are read.
    started.catch(() => undefined);
    pending.set(path, started);
  }
  // Let git start before the caller goes on with synchronous work.
  await Promise.allSettled(pending.values());
  return pending;
}

/**
 * Row → RFC 3339 date of the commit that added the entry (absent: not committed yet); null
 * without a history, said on stderr with `consequence` (what goes without the dates).
 */
export async function addedDates(files: LoadedCatalog[], histories: PendingHistories, io: Io, consequence: string): Promise<Map<Row, string> | null> {
  const { NoHistoryError } = await import('../git/file-history.js');
  const { addedDates: datesOf } = await import('../changes/added-dates.js');
  const { catalogEntries } = await import('../changes/entries.js');
  const dates = new Map<Row, string>();
  for (const file of files) {
    let commits;
    try {
      commits = await (await histories.get(file.path)!)();
    } catch (error) {
      if (!(error instanceof NoHistoryError)) throw error;
      io.stderr(`catalog: no git history for ${file.file} (${error.message}): ${consequence}\n`);
      return null;
    }
    const added = datesOf(commits, file.config);
    for (const entry of catalogEntries(file.catalog)) {
      const date = added(entry)?.date;
      if (date) dates.set(entry.row, date);
    }
  }
  return dates;
}
