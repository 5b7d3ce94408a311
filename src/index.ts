// The library: everything the CLI does, as functions (used by the benchmarks and by other tools).
export * from './catalog/model.js';
export * from './catalog/diagnostic.js';
export * from './catalog/config.js';
export { readCatalog, markdownParser, type ReadInput } from './catalog/read.js';
export { loadConfig, parseConfig, genericConfig, findConfigFile, ConfigError, CONFIG_FILE_NAME } from './catalog/load-config.js';
export type { Workspace } from './catalog/workspace.js';
export { lintCatalog, rules } from './rules/index.js';
export type { Rule } from './rules/rule.js';
export { formatSource, type FormatOptions, type FormatResult, type RefusedTable } from './format/format.js';
export { proveFormat } from './format/prove.js';
export { sortedOrder, compareKeys } from './catalog/sort.js';
export { tableOfContents } from './format/toc.js';
export { exportCatalog, type CatalogExport } from './export/catalog-json.js';
export { toSarif } from './report/sarif.js';
export * from './links/index.js';
export { checkPapers, catalogPaperIds, type PaperCheckOptions, type PaperCheckReport } from './papers/check.js';
export { paperIdOf, type PaperId, type RegistryName } from './papers/identifiers.js';
export { QUOTAS, REGISTRY_URL_VARIABLES, type RegistryKind, type RegistrySummary } from './papers/registries.js';
