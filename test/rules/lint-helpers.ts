import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CatalogConfig } from '../../src/catalog/config.js';
import type { Diagnostic } from '../../src/catalog/diagnostic.js';
import { parseConfig } from '../../src/catalog/load-config.js';
import { readCatalog } from '../../src/catalog/read.js';
import type { Workspace } from '../../src/catalog/workspace.js';
import { lintCatalog } from '../../src/rules/index.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/rules/', import.meta.url));

/** The config the rule fixtures share: a "methods" schema (any table with a Name column), a "tools" and a "datasets" schema. */
export function fixtureConfig(overrides: Partial<Pick<CatalogConfig, 'rules'>> = {}): CatalogConfig {
  const raw = JSON.parse(readFileSync(`${FIXTURES}catalog.config.json`, 'utf8')) as Record<string, unknown>;
  return parseConfig({ ...raw, ...overrides }, null);
}

export function lint(source: string, config: CatalogConfig = fixtureConfig(), workspace: Workspace | null = null): Diagnostic[] {
  return lintCatalog(readCatalog({ file: 'catalog.md', source, config }), config, workspace ? { workspace } : {});
}

/** `line:column rule-id` of each diagnostic, the form fixtures list their expectations in. */
export function places(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => `${diagnostic.range.start.line}:${diagnostic.range.start.column} ${diagnostic.ruleId}`);
}

/** The expectations of a fixture: every `line:column rule-id` listed in `<!-- expect: … -->` comments. */
export function expectedPlaces(source: string): string[] {
  return [...source.matchAll(/<!--\s*expect:([^]*?)-->/gu)].flatMap((match) =>
    match[1]!
      .split(/[\n,]/u)
      .map((entry) => entry.trim())
      .filter(Boolean),
  );
}
