import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/catalog/load-config.js';
import type { Catalog } from '../../src/catalog/model.js';
import { readCatalog } from '../../src/catalog/read.js';

export const fixtureCatalog = fileURLToPath(new URL('../fixtures/site/catalog.md', import.meta.url));

/** A catalog read from markdown, with the site fixture's schema or (schema: false) none. */
export function catalogOf(source: string, { schema = true } = {}): Catalog {
  const config = schema ? loadConfig(fixtureCatalog) : { ...loadConfig(fixtureCatalog), path: null, tables: [] };
  return readCatalog({ file: 'catalog.md', source, config });
}

export const fixtureSource = () => readFileSync(fixtureCatalog, 'utf8');
