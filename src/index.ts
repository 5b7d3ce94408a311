// The library: everything the CLI does, as functions (used by the benchmarks and by other tools).
export * from './catalog/model.js';
export * from './catalog/diagnostic.js';
export * from './catalog/config.js';
export { sortedOrder, compareKeys } from './format/sort.js';
export * from './links/index.js';
