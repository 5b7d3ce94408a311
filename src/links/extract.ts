import type { HostConfig, LinksConfig } from '../catalog/config.js';
import type { Catalog, Link } from '../catalog/model.js';
import { compileUrlPattern } from '../catalog/url-pattern.js';
import { httpUrl } from './redirects.js';
import type { CellPlace, LinkLocation } from './types.js';

export interface ExtractedLinks {
  /** Checked URL (the written URL without its fragment, which is never sent) → where it appears. */
  urls: Map<string, LinkLocation[]>;
  skipped: Map<string, LinkLocation[]>;
}

/**
 * Every http(s) link in the catalogs' tables (with `all`, in prose too), de-duplicated across
 * files on the exact URL without its fragment. Spellings that show the same page
 * (http/https, `www.`, arXiv abs/pdf) are checked separately on purpose: each may redirect
 * differently and each needs its own fix. Links a skip pattern or a skipped host matches are
 * set apart.
 */
export function extractLinks(catalogs: readonly Catalog[], config: LinksConfig, all: boolean): ExtractedLinks {
  const skipPatterns = config.skip.map(compileUrlPattern);
  const extracted: ExtractedLinks = { urls: new Map(), skipped: new Map() };
  const add = (link: Link, location: LinkLocation): void => {
    const url = checkedUrl(link.url);
    if (url === null) return;
    const skip = skipPatterns.some((pattern) => pattern.test(link.url)) || hostConfig(config, new URL(url).hostname).skip === true;
    const into = skip ? extracted.skipped : extracted.urls;
    const locations = into.get(url) ?? [];
    locations.push(location);
    into.set(url, locations);
  };
  for (const catalog of catalogs) {
    for (const { link, cell } of tableLinks(catalog)) add(link, locate(catalog.file, link, cell));
    if (all) for (const link of catalog.proseLinks) add(link, locate(catalog.file, link, null));
  }
  return extracted;
}

/** Every link in the catalog's tables, with the cell that holds it. */
export function* tableLinks(catalog: Catalog): Generator<{ link: Link; cell: CellPlace }> {
  for (const table of catalog.tables) {
    for (const [rowIndex, row] of table.rows.entries()) {
      for (const cell of row.cells) {
        const place = { table: table.index, row: rowIndex, column: cell.index, source: cell.source, offset: cell.range.start.offset };
        for (const link of cell.links) yield { link, cell: place };
      }
    }
  }
}

function locate(file: string, link: Link, cell: CellPlace | null): LinkLocation {
  return { file, line: link.range.start.line, column: link.range.start.column, range: link.range, urlRange: link.urlRange, writtenUrl: link.url, cell };
}

/** The URL to request: absolute http(s), fragment dropped; null for anything else (mailto:, anchors, relative links). */
export function checkedUrl(written: string): string | null {
  const url = httpUrl(written);
  if (url === null) return null;
  url.hash = '';
  return url.href;
}

/** The settings for a host: its own entry, else the nearest parent domain's ("acm.org" covers "dl.acm.org"). */
export function hostConfig(config: LinksConfig, hostname: string): HostConfig {
  const labels = hostname.toLowerCase().split('.');
  for (let start = 0; start < labels.length; start++) {
    const entry = config.hosts[labels.slice(start).join('.')];
    if (entry) return entry;
  }
  return {};
}
