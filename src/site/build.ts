// `catalog site`: the catalog's model, rendered as one page, written into its folder.
import type { SiteConfig } from '../catalog/config.js';
import type { Catalog } from '../catalog/model.js';
import { pageAssets } from './assets.js';
import { siteModel } from './model.js';
import { renderPage, type BuildInfo } from './page.js';
import { writeSite } from './write-site.js';

/** The site's files: name → content. `site` is the first catalog's config's `site` (synonyms, facets). */
export function siteFiles(catalogs: Catalog[], build: BuildInfo, site?: SiteConfig): Record<string, string> {
  return { 'index.html': renderPage(siteModel(catalogs, site), build, pageAssets()) };
}

export function buildSite(catalogs: Catalog[], build: BuildInfo, folder: string, shown: string, site?: SiteConfig): void {
  writeSite(folder, shown, siteFiles(catalogs, build, site));
}

export { SiteOutputError, checkOutputFolder } from './write-site.js';
