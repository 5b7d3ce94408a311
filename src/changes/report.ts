// `catalog changes --format json`: the changes of each file as data, which the stylish and
// markdown reports are written from. Version 1; a change that removes or renames a field raises it.
import type { EntryChange, FieldChange } from './compare.js';
import type { CatalogEntry } from './entries.js';

export interface Revision {
  /** The reference as given (a tag, a branch, a SHA), or null for the working tree. */
  ref: string | null;
  /** The commit it names, or null for the working tree. */
  commit: string | null;
}

export interface ChangedEntry {
  change: 'added' | 'removed' | 'updated';
  name: string;
  section: string;
  /** Line of the row in the later revision (in the earlier one for a removed entry). */
  line: number;
  /** Its place on the site (`site.url`), when set; none for a removed entry. */
  url: string | null;
  /** Plain text of its description (for an added entry, the release notes quote it). */
  description: string;
  /** The name it had (renamed: its links show it is the same entry), or null. */
  renamedFrom: string | null;
  /** The section it was in, or null when it did not move. */
  movedFrom: string | null;
  fields: FieldChange[];
}

export interface ChangeSummary {
  added: number;
  removed: number;
  moved: number;
  renamed: number;
  changed: number;
}

export interface FileChanges {
  file: string;
  summary: ChangeSummary;
  changes: ChangedEntry[];
}

export interface ChangesReport {
  version: 1;
  since: Revision;
  until: Revision;
  files: FileChanges[];
}

/** A permalink for an entry of the later revision, or null. */
export type Permalink = (entry: CatalogEntry) => string | null;

export function fileChanges(file: string, changes: EntryChange[], permalink: Permalink): FileChanges {
  const entries = changes.map((change): ChangedEntry => {
    const { entry } = change;
    const updated = change.kind === 'updated' ? change : null;
    return {
      change: change.kind,
      name: entry.name,
      section: entry.section,
      line: entry.row.line,
      url: change.kind === 'removed' ? null : permalink(entry),
      description: entry.description,
      renamedFrom: updated?.renamed ? updated.before.name : null,
      movedFrom: updated?.moved ? updated.before.section : null,
      fields: updated?.fields ?? [],
    };
  });
  const count = (test: (entry: ChangedEntry) => boolean) => entries.filter(test).length;
  return {
    file,
    summary: {
      added: count((entry) => entry.change === 'added'),
      removed: count((entry) => entry.change === 'removed'),
      moved: count((entry) => entry.movedFrom !== null),
      renamed: count((entry) => entry.renamedFrom !== null),
      changed: count((entry) => entry.fields.length > 0),
    },
    changes: entries,
  };
}

/** `3 added, 1 removed` (kinds with none left out), or `no entry changed`. */
export function summaryText(summary: ChangeSummary): string {
  const parts = (Object.keys(summary) as (keyof ChangeSummary)[]).filter((kind) => summary[kind] > 0).map((kind) => `${summary[kind]} ${kind}`);
  return parts.length === 0 ? 'no entry changed' : parts.join(', ');
}

/** `v1.2.0 (1a2b3c4d5e6f)`, `1a2b3c4d5e6f`, or `the working tree`. */
export function revisionText({ ref, commit }: Revision): string {
  if (commit === null) return 'the working tree';
  const short = commit.slice(0, 12);
  return ref === null || commit.startsWith(ref) ? short : `${ref} (${short})`;
}
