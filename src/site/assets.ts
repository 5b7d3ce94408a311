// The page's style and script, kept as plain files beside this module (src/site/ when run from
// source, dist/ once built: scripts/build.js copies them there).
import { readFileSync } from 'node:fs';
import type { PageAssets } from './page.js';

export function pageAssets(): PageAssets {
  const read = (name: string) => readFileSync(new URL(name, import.meta.url), 'utf8');
  return { style: read('./site.css'), script: read('./site-client.js') };
}
