import type { CellFix, Diagnostic } from '../catalog/diagnostic.js';
import type { Catalog, Range } from '../catalog/model.js';
import { loadCache } from './cache.js';
import { checkedUrl, tableLinks } from './extract.js';
import { keepFragment } from './redirects.js';
import { plainHttpUrl, writeUrlAt } from './replacement-url.js';
import type { CellPlace, LinkCheckReport, LinkFindings } from './types.js';

/** Checked URL → the URL to write instead. */
export type RedirectTargets = Map<string, string>;

/** One URL to rewrite inside a cell. */
export interface UrlEdit {
  cell: CellPlace;
  urlRange: Range;
  writtenUrl: string;
  target: string;
}

export function redirectTargetsOfReport(report: LinkCheckReport): RedirectTargets {
  return redirectTargets(report.links.map(({ result }) => [result.url, result]));
}

/** The permanent redirects the last run recorded in the cache file (alive results only). */
export function redirectTargetsOfCache(cacheFile: string): { targets: RedirectTargets; warning: string | null } {
  const { cache, warning } = loadCache(cacheFile);
  return { targets: redirectTargets(Object.entries(cache.entries)), warning };
}

function redirectTargets(results: Iterable<[string, LinkFindings]>): RedirectTargets {
  const targets: RedirectTargets = new Map();
  for (const [url, result] of results) if (result.verdict === 'alive' && result.permanentRedirect) targets.set(url, result.permanentRedirect);
  return targets;
}

/**
 * `catalog format --fix-redirects`: the fixes for every table link that permanently redirects,
 * from a report, from targets, or from the cache file the last run wrote.
 */
export function redirectFixes(catalog: Catalog, source: LinkCheckReport | RedirectTargets | string): CellFix[] {
  const targets = typeof source === 'string' ? redirectTargetsOfCache(source).targets : source instanceof Map ? source : redirectTargetsOfReport(source);
  const edits: UrlEdit[] = [];
  for (const { link, cell } of tableLinks(catalog)) {
    const target = targets.get(checkedUrl(link.url) ?? '');
    if (target !== undefined && link.urlRange !== null) edits.push({ cell, urlRange: link.urlRange, writtenUrl: link.url, target });
  }
  return mergeCellFixes(edits).map(({ fix }) => fix);
}

/**
 * The same fixes as diagnostics, each at the cell it rewrites, for the writer (which applies
 * the fixes of diagnostics, and reports them by rule id).
 */
export function redirectFixDiagnostics(catalog: Catalog, source: LinkCheckReport | RedirectTargets | string): Diagnostic[] {
  return redirectFixes(catalog, source).map((fix) => ({
    ruleId: 'permanent-redirect',
    severity: 'warning',
    message: 'Link replaced by the target of its permanent redirect',
    hint: 'Nothing to do: `catalog format --fix-redirects` wrote the new address',
    file: catalog.file,
    range: catalog.tables[fix.table]!.rows[fix.row]!.cells[fix.column]!.range,
    fix,
  }));
}

/**
 * One fix per cell, replacing every URL of the cell that has an edit (the writer applies one
 * fix per cell, so edits of one cell are merged). Each URL is replaced at its own range inside
 * the cell's source; nothing else changes. A target is written only when it is a plain http(s)
 * URL that reads back as itself where it goes (`writeUrlAt`), whatever the server, the API or
 * the cache file said. `key` tells the cells of different files apart.
 */
export function mergeCellFixes<T extends UrlEdit>(edits: readonly T[], key: (edit: T) => string = () => ''): { fix: CellFix; edits: T[] }[] {
  const byCell = new Map<string, T[]>();
  for (const edit of edits.filter(({ target }) => plainHttpUrl(target) !== null)) {
    const id = `${key(edit)}\n${edit.cell.table}:${edit.cell.row}:${edit.cell.column}`;
    byCell.set(id, [...(byCell.get(id) ?? []), edit]);
  }
  const fixes: { fix: CellFix; edits: T[] }[] = [];
  for (const cellEdits of byCell.values()) {
    const { cell } = cellEdits[0]!;
    let replacement = cell.source;
    const urls: { from: string; to: string }[] = [];
    const seen = new Set<number>();
    // Right to left, so the offsets still to apply stay valid.
    for (const edit of [...cellEdits].sort((a, b) => b.urlRange.start.offset - a.urlRange.start.offset)) {
      if (seen.has(edit.urlRange.start.offset)) continue;
      seen.add(edit.urlRange.start.offset);
      const start = edit.urlRange.start.offset - cell.offset;
      const end = edit.urlRange.end.offset - cell.offset;
      const to = plainHttpUrl(keepFragment(edit.writtenUrl, edit.target));
      const written = to === null ? null : writeUrlAt(replacement, start, to);
      if (to === null || written === null) continue;
      replacement = replacement.slice(0, start) + written + replacement.slice(end);
      urls.push({ from: edit.writtenUrl, to });
    }
    if (replacement !== cell.source) fixes.push({ fix: { table: cell.table, row: cell.row, column: cell.column, replacement, urls }, edits: cellEdits });
  }
  return fixes;
}
