// `catalog site`: the catalog's model, rendered as one page, written into its folder; with the
// dates entries were added, the page marks the new ones and feed.xml lists them.
import type { SiteConfig } from '../catalog/config.js';
import type { Catalog, Row } from '../catalog/model.js';
import { catalogEntries } from '../changes/entries.js';
import { pageAssets } from './assets.js';
import { siteEntriesByRow } from './entry-anchors.js';
import { atomFeed } from './feed.js';
import { siteModel, type SiteModel } from './model.js';
import { renderPage, type BuildInfo } from './page.js';
import { writeSite } from './write-site.js';

export interface SiteHistory {
  /** Row → the date (RFC 3339) of the commit that added the entry. */
  added: ReadonlyMap<Row, string>;
  /** An entry added within this many days before the build is new. */
  newDays: number;
  /** The address the site is published at (site.url), or null. */
  url: string | null;
}

/** The site's files: name → content. `site` is the first catalog's config's `site` (synonyms, facets). */
export function siteFiles(catalogs: Catalog[], build: BuildInfo, site?: SiteConfig, history: SiteHistory | null = null): Record<string, string> {
  const model = siteModel(catalogs, site);
  const feed = history ? addDates(catalogs, model, build, history) : null;
  return { 'index.html': renderPage(model, build, pageAssets()), ...(feed === null ? {} : { 'feed.xml': feed }) };
}

/** Puts the dates into the model; returns the feed (null when no entry has a date: none is committed yet). */
function addDates(catalogs: Catalog[], model: SiteModel, build: BuildInfo, history: SiteHistory): string | null {
  const byRow = siteEntriesByRow(catalogs, model);
  const feedEntries = catalogs.flatMap(catalogEntries).flatMap((entry) => {
    const added = history.added.get(entry.row);
    const site = byRow.get(entry.row);
    if (!added || !site) return [];
    site.added = added.slice(0, 10);
    return [{ anchor: site.id, name: entry.name, description: entry.description, section: entry.section, added }];
  });
  const days = feedEntries.map((entry) => entry.added.slice(0, 10)).sort();
  const newSince = new Date(Date.parse(`${build.date}T00:00:00Z`) - history.newDays * 86_400_000).toISOString().slice(0, 10);
  if (days.length === 0) return null;
  model.added = { first: days[0]!, last: days.at(-1)!, newSince };
  return atomFeed({ title: model.title, url: history.url, entries: feedEntries });
}

/** Writes the site; returns the names of its files. */
export function buildSite(catalogs: Catalog[], build: BuildInfo, folder: string, shown: string, site?: SiteConfig, history: SiteHistory | null = null): string[] {
  const files = siteFiles(catalogs, build, site, history);
  writeSite(folder, shown, files);
  return Object.keys(files);
}

export { SiteOutputError, checkOutputFolder } from './write-site.js';
