import type { CatalogConfig, TableSchema } from '../catalog/config.js';
import type { Diagnostic, Severity } from '../catalog/diagnostic.js';
import type { Catalog, Table } from '../catalog/model.js';
import type { LintContext, Rule } from './rule.js';

/** What a rule found; `defineRule` adds the rule id, the rule's severity (unless the finding is milder) and file. */
export type Finding = Omit<Diagnostic, 'ruleId' | 'severity' | 'file'> & { severity?: Severity };

export type RuleMeta = Omit<Rule, 'check' | 'needsSchema'>;

/** A table that a schema describes. */
export type SchemaTable = Table & { schema: TableSchema };

export function hasSchema(table: Table): table is SchemaTable {
  return table.schema !== null;
}

/** A rule that looks at the whole catalog (e.g. duplicates across tables). */
export function defineRule(
  meta: RuleMeta & { needsSchema: boolean },
  find: (catalog: Catalog, config: CatalogConfig, context: LintContext) => Finding[],
): Rule {
  return {
    ...meta,
    check: (catalog, config, context) =>
      find(catalog, config, context).map((finding) => ({ ruleId: meta.id, severity: meta.severity, file: catalog.file, ...finding })),
  };
}

/** A rule about the structure of the markdown: it applies to every table. */
export function defineStructureRule(meta: RuleMeta, findInTable: (table: Table, catalog: Catalog) => Finding[]): Rule {
  return defineRule({ ...meta, needsSchema: false }, (catalog) =>
    catalog.tables.flatMap((table) => findInTable(table, catalog)),
  );
}

/** A rule about the content the schema describes: it applies only to tables that have a schema. */
export function defineSchemaRule(
  meta: RuleMeta,
  findInTable: (table: SchemaTable, catalog: Catalog, config: CatalogConfig, context: LintContext) => Finding[],
): Rule {
  return defineRule({ ...meta, needsSchema: true }, (catalog, config, context) =>
    catalog.tables.filter(hasSchema).flatMap((table) => findInTable(table, catalog, config, context)),
  );
}
