// What changed between two revisions of a catalog, entry by entry. Entries are matched by their
// key first (in the same section before another), then an entry left over on each side is matched
// by a link the two share (duplicate-entry's rule: one paper is one entry), which makes it renamed.
import type { CatalogEntry } from './entries.js';

export interface FieldChange {
  column: string;
  /** Markdown source before and after. */
  before: string;
  after: string;
}

export type EntryChange =
  | { kind: 'added'; entry: CatalogEntry }
  | { kind: 'removed'; entry: CatalogEntry }
  | {
      kind: 'updated';
      before: CatalogEntry;
      entry: CatalogEntry;
      /** The name changed (the links show it is the same entry). */
      renamed: boolean;
      /** It is under another heading. */
      moved: boolean;
      /** Fields whose meaning changed, in column order. */
      fields: FieldChange[];
    };

/** The changes from `before` to `after`, in the order of `after` (removed entries last, in the order of `before`). */
export function compareEntries(before: CatalogEntry[], after: CatalogEntry[]): EntryChange[] {
  const partner = new Map<CatalogEntry, CatalogEntry>();
  const pair = (old: CatalogEntry, current: CatalogEntry) => {
    partner.set(old, current);
    partner.set(current, old);
  };
  const byMatch = groupBy(before, (entry) => [entry.match]);
  // Same key in the same section first, so that an entry listed in two sections keeps each place.
  for (const sameSection of [true, false]) {
    for (const entry of after) {
      if (partner.has(entry)) continue;
      const old = byMatch.get(entry.match)?.find((candidate) => !partner.has(candidate) && (!sameSection || candidate.section === entry.section));
      if (old) pair(old, entry);
    }
  }
  const byLink = groupBy(
    before.filter((entry) => !partner.has(entry)),
    (entry) => entry.links,
  );
  for (const entry of after) {
    if (partner.has(entry)) continue;
    const old = entry.links.flatMap((link) => byLink.get(link) ?? []).find((candidate) => !partner.has(candidate));
    if (old) pair(old, entry);
  }

  const changes: EntryChange[] = [];
  for (const entry of after) {
    const old = partner.get(entry);
    if (!old) {
      changes.push({ kind: 'added', entry });
      continue;
    }
    const renamed = old.match !== entry.match;
    // A new name is the rename itself, not a changed field as well.
    const fields = fieldChanges(old, entry).filter((field) => !renamed || field.column !== entry.keyColumn);
    const update = { kind: 'updated' as const, before: old, entry, renamed, moved: old.section !== entry.section, fields };
    if (update.renamed || update.moved || update.fields.length > 0) changes.push(update);
  }
  for (const entry of before) if (!partner.has(entry)) changes.push({ kind: 'removed', entry });
  return changes;
}

/** Fields by column name (a column that appears or goes away counts as an empty one). */
function fieldChanges(before: CatalogEntry, after: CatalogEntry): FieldChange[] {
  const old = new Map(before.fields.map((field) => [field.column.toLowerCase(), field]));
  const columns = [...after.fields.map((field) => field.column), ...before.fields.map((field) => field.column)];
  const seen = new Set<string>();
  const changes: FieldChange[] = [];
  for (const column of columns) {
    const name = column.toLowerCase();
    if (seen.has(name)) continue;
    seen.add(name);
    const was = old.get(name);
    const now = after.fields.find((field) => field.column.toLowerCase() === name);
    if ((was?.meaning ?? '') !== (now?.meaning ?? '')) changes.push({ column, before: was?.source ?? '', after: now?.source ?? '' });
  }
  return changes;
}

function groupBy<T>(items: T[], keys: (item: T) => string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keys(item)) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}
