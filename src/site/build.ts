// `catalog site`: the catalog's model, rendered as one page, written into its folder.
import type { Catalog } from '../catalog/model.js';
import { pageAssets } from './assets.js';
import { siteModel } from './model.js';
import { renderPage, type BuildInfo } from './page.js';
import { writeSite } from './write-site.js';

/** The site's files: name → content. */
export function siteFiles(catalogs: Catalog[], build: BuildInfo): Record<string, string> {
  return { 'index.html': renderPage(siteModel(catalogs), build, pageAssets()) };
}

export function buildSite(catalogs: Catalog[], build: BuildInfo, folder: string, shown: string): void {
  writeSite(folder, shown, siteFiles(catalogs, build));
}

export { SiteOutputError, checkOutputFolder } from './write-site.js';
