import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CatalogConfig, ColumnSchema, ColumnType, LinksConfig, SiteConfig, TableSchema, TextFacet } from './config.js';
import { findUpward } from './find-upward.js';

export const CONFIG_FILE_NAME = 'catalog.config.json';

/** Raised for a config file that cannot be read or does not fit the schema; the message says where and why. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const COLUMN_TYPES: readonly ColumnType[] = ['text', 'link', 'links', 'year', 'enumeration'];
const RULE_LEVELS = ['off', 'error', 'warning', 'info'] as const;

export function defaultLinksConfig(): LinksConfig {
  return {
    hosts: {},
    skip: [],
    cacheFile: '.cache/catalog-links.json',
    aliveDays: 7,
    escalateAfterRuns: 3,
    escalateAfterDays: 21,
  };
}

/** What the no-hedge rule looks for when the config names no "hedges". */
export const DEFAULT_HEDGES = ['not verified', 'unverified', 'unknown', 'TODO', 'TBD', '?'];

/** No schema: every table is normalized in structure only. */
export function genericConfig(): CatalogConfig {
  return { path: null, tables: [], rules: {}, hedges: DEFAULT_HEDGES, links: defaultLinksConfig(), site: { synonyms: [], facets: [] } };
}

/** Searches upward from the markdown file's folder for catalog.config.json, up to the repository root. */
export function findConfigFile(markdownFile: string): string | null {
  return findUpward(dirname(resolve(markdownFile)), CONFIG_FILE_NAME);
}

/** Loads the config that applies to a markdown file: `explicitPath` if given, else the nearest one above it. */
export function loadConfig(markdownFile: string, explicitPath?: string): CatalogConfig {
  const path = explicitPath ? resolve(explicitPath) : findConfigFile(markdownFile);
  if (!path) return genericConfig();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`${path}: cannot read the config file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  return parseConfig(raw, path);
}

/** Validates a parsed config object and fills in defaults. Throws ConfigError naming the bad field. */
export function parseConfig(raw: unknown, path: string | null): CatalogConfig {
  const where = path ?? 'config';
  const fail = (field: string, problem: string): never => {
    throw new ConfigError(`${where}: "${field}" ${problem}`);
  };
  const root = expectObject(raw, '(root)', fail);
  allowKeys(root, ['$schema', 'tables', 'rules', 'hedges', 'links', 'site'], '(root)', fail);

  const tablesRaw = root['tables'] ?? [];
  if (!Array.isArray(tablesRaw)) fail('tables', 'must be an array of table schemas');
  const tables = (tablesRaw as unknown[]).map((table, index) => parseTable(table, `tables[${index}]`, fail));

  const rules: CatalogConfig['rules'] = {};
  const rulesRaw = expectObject(root['rules'] ?? {}, 'rules', fail);
  for (const [id, level] of Object.entries(rulesRaw)) {
    if (!RULE_LEVELS.includes(level as (typeof RULE_LEVELS)[number])) {
      fail(`rules.${id}`, `must be one of ${RULE_LEVELS.join(', ')}`);
    }
    rules[id] = level as CatalogConfig['rules'][string];
  }

  const hedges = stringArray(root['hedges'] ?? DEFAULT_HEDGES, 'hedges', fail);
  hedges.forEach((hedge, index) => {
    if (hedge.trim() === '') fail(`hedges[${index}]`, 'must not be empty');
  });

  return { path, tables, rules, hedges, links: parseLinks(root['links'] ?? {}, fail), site: parseSite(root['site'] ?? {}, tables, fail) };
}

/** A search term or a facet pattern: plain words, not a regular expression (a contributor's config runs in every reader's browser). */
const TERM_LENGTH = 100;

function siteTerm(value: unknown, field: string, fail: Fail): string {
  if (typeof value !== 'string' || !/[\p{L}\p{N}]/u.test(value)) fail(field, 'must be a string holding a letter or a digit');
  if ((value as string).length > TERM_LENGTH) fail(field, `must be at most ${TERM_LENGTH} characters`);
  return (value as string).trim();
}

function parseSite(raw: unknown, tables: TableSchema[], fail: Fail): SiteConfig {
  const site = expectObject(raw, 'site', fail);
  allowKeys(site, ['synonyms', 'facets'], 'site', fail);
  const synonymsRaw = site['synonyms'] ?? [];
  if (!Array.isArray(synonymsRaw)) fail('site.synonyms', 'must be an array of groups of terms, e.g. [["ILP", "integer linear programming"]]');
  const synonyms = (synonymsRaw as unknown[]).map((group, index) => {
    const field = `site.synonyms[${index}]`;
    if (!Array.isArray(group) || group.length < 2) fail(field, 'must be an array of at least two terms that mean the same');
    return (group as unknown[]).map((term, at) => siteTerm(term, `${field}[${at}]`, fail));
  });
  const columns = tables.flatMap((table) => table.columns);
  const facets: TextFacet[] = Object.entries(expectObject(site['facets'] ?? {}, 'site.facets', fail)).map(([name, facetRaw]) => {
    const field = `site.facets.${name}`;
    if (name.trim() === '') fail(field, 'needs a name');
    if (columns.some((column) => column.type === 'enumeration' && column.name.toLowerCase() === name.trim().toLowerCase())) {
      fail(field, 'is named like an enumeration column, which is a filter of its own; give it another name');
    }
    const facet = expectObject(facetRaw, field, fail);
    allowKeys(facet, ['column', 'values'], field, fail);
    const column = facet['column'];
    if (typeof column !== 'string' || !columns.some((known) => known.name.toLowerCase() === column.trim().toLowerCase())) {
      fail(`${field}.column`, 'must name a column of tables[].columns');
    }
    const valuesRaw = expectObject(facet['values'], `${field}.values`, fail);
    const values = Object.entries(valuesRaw).map(([value, patterns]) => {
      const where = `${field}.values.${value}`;
      if (value.trim() === '') fail(where, 'needs a name');
      if (!Array.isArray(patterns) || patterns.length === 0) fail(where, 'must be a non-empty array of words or phrases to look for');
      return { value: value.trim(), patterns: (patterns as unknown[]).map((pattern, at) => siteTerm(pattern, `${where}[${at}]`, fail)) };
    });
    if (values.length === 0) fail(`${field}.values`, 'must map at least one value to its patterns');
    return { name: name.trim(), column: (column as string).trim(), values };
  });
  return { synonyms, facets };
}

type Fail = (field: string, problem: string) => never;

function parseTable(raw: unknown, field: string, fail: Fail): TableSchema {
  const table = expectObject(raw, field, fail);
  allowKeys(table, ['name', 'headings', 'columns', 'key', 'sortBy'], field, fail);
  const columnsRaw = table['columns'];
  if (!Array.isArray(columnsRaw) || columnsRaw.length === 0) fail(`${field}.columns`, 'must be a non-empty array of columns');
  const columns = (columnsRaw as unknown[]).map((column, index) => parseColumn(column, `${field}.columns[${index}]`, fail));
  const names = columns.map((column) => column.name.toLowerCase());
  names.forEach((name, index) => {
    if (names.indexOf(name) !== index) fail(`${field}.columns[${index}].name`, `repeats the column "${columns[index]!.name}"`);
  });
  const hasColumn = (name: string) => names.includes(name.toLowerCase());

  const key = table['key'] ?? columns[0]!.name;
  if (typeof key !== 'string' || !hasColumn(key)) fail(`${field}.key`, 'must name one of the columns');
  const sortBy = stringArray(table['sortBy'] ?? [], `${field}.sortBy`, fail);
  sortBy.forEach((name, index) => {
    if (!hasColumn(name)) fail(`${field}.sortBy[${index}]`, `names "${name}", which is not a column`);
  });
  const name = table['name'] ?? `table ${field}`;
  if (typeof name !== 'string') fail(`${field}.name`, 'must be a string');
  return {
    name: name as string,
    headings: stringArray(table['headings'] ?? [], `${field}.headings`, fail),
    columns,
    key: key as string,
    sortBy,
  };
}

function parseColumn(raw: unknown, field: string, fail: Fail): ColumnSchema {
  const column = expectObject(raw, field, fail);
  allowKeys(column, ['name', 'type', 'required', 'allowPlainText', 'sharedLinks', 'values', 'aliases', 'multiple', 'closed'], field, fail);
  const name = column['name'];
  if (typeof name !== 'string' || name.trim() === '') fail(`${field}.name`, 'must be a non-empty string');
  const type = column['type'] ?? 'text';
  if (!COLUMN_TYPES.includes(type as ColumnType)) fail(`${field}.type`, `must be one of ${COLUMN_TYPES.join(', ')}`);
  const values = stringArray(column['values'] ?? [], `${field}.values`, fail);
  const aliasesRaw = expectObject(column['aliases'] ?? {}, `${field}.aliases`, fail);
  const aliases: Record<string, string> = {};
  for (const [variant, canonical] of Object.entries(aliasesRaw)) {
    if (typeof canonical !== 'string' || !values.includes(canonical)) {
      fail(`${field}.aliases.${variant}`, 'must map to one of the column\'s "values"');
    }
    aliases[variant.toLowerCase()] = canonical as string;
  }
  if (type === 'enumeration' && values.length === 0) fail(`${field}.values`, 'must list the canonical values of an enumeration');
  return {
    name: (name as string).trim(),
    type: type as ColumnType,
    required: booleanField(column['required'], false, `${field}.required`, fail),
    allowPlainText: booleanField(column['allowPlainText'], false, `${field}.allowPlainText`, fail),
    sharedLinks: booleanField(column['sharedLinks'], false, `${field}.sharedLinks`, fail),
    values,
    aliases,
    multiple: booleanField(column['multiple'], false, `${field}.multiple`, fail),
    closed: booleanField(column['closed'], false, `${field}.closed`, fail),
  };
}

function parseLinks(raw: unknown, fail: Fail): LinksConfig {
  const links = expectObject(raw, 'links', fail);
  allowKeys(links, ['hosts', 'skip', 'cacheFile', 'aliveDays', 'escalateAfterRuns', 'escalateAfterDays'], 'links', fail);
  const defaults = defaultLinksConfig();
  const number = (key: 'aliveDays' | 'escalateAfterRuns' | 'escalateAfterDays') => {
    const value = links[key] ?? defaults[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) fail(`links.${key}`, 'must be a number ≥ 0');
    return value as number;
  };
  const cacheFile = links['cacheFile'] ?? defaults.cacheFile;
  if (typeof cacheFile !== 'string' || cacheFile === '') fail('links.cacheFile', 'must be a file path');
  const skip = stringArray(links['skip'] ?? [], 'links.skip', fail);
  skip.forEach((pattern, index) => {
    try {
      new RegExp(pattern, 'u');
    } catch {
      fail(`links.skip[${index}]`, `is not a valid regular expression: ${pattern}`);
    }
  });
  const hostsRaw = expectObject(links['hosts'] ?? {}, 'links.hosts', fail);
  const hosts: LinksConfig['hosts'] = {};
  for (const [host, settingsRaw] of Object.entries(hostsRaw)) {
    const field = `links.hosts.${host}`;
    const settings = expectObject(settingsRaw, field, fail);
    allowKeys(settings, ['acceptStatus', 'skip', 'headers', 'minSpacingMs', 'maxConnections'], field, fail);
    const { acceptStatus, skip: skipHost, headers, minSpacingMs, maxConnections } = settings;
    if (acceptStatus !== undefined && !(Array.isArray(acceptStatus) && acceptStatus.every((code) => Number.isInteger(code) && code >= 100 && code <= 999))) {
      fail(`${field}.acceptStatus`, 'must be an array of HTTP status codes');
    }
    if (skipHost !== undefined && typeof skipHost !== 'boolean') fail(`${field}.skip`, 'must be true or false');
    if (headers !== undefined && Object.values(expectObject(headers, `${field}.headers`, fail)).some((value) => typeof value !== 'string')) {
      fail(`${field}.headers`, 'must map header names to strings');
    }
    if (minSpacingMs !== undefined && !(typeof minSpacingMs === 'number' && minSpacingMs >= 0)) fail(`${field}.minSpacingMs`, 'must be a number ≥ 0');
    if (maxConnections !== undefined && !(Number.isInteger(maxConnections) && (maxConnections as number) >= 1)) {
      fail(`${field}.maxConnections`, 'must be a whole number ≥ 1');
    }
    hosts[host.toLowerCase()] = settings as LinksConfig['hosts'][string];
  }
  return {
    hosts,
    skip,
    cacheFile: cacheFile as string,
    aliveDays: number('aliveDays'),
    escalateAfterRuns: number('escalateAfterRuns'),
    escalateAfterDays: number('escalateAfterDays'),
  };
}

function expectObject(value: unknown, field: string, fail: Fail): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(field, 'must be an object');
  return value as Record<string, unknown>;
}

function allowKeys(object: Record<string, unknown>, allowed: string[], field: string, fail: Fail): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) fail(field === '(root)' ? key : `${field}.${key}`, `is not a known setting (expected one of: ${allowed.join(', ')})`);
  }
}

function stringArray(value: unknown, field: string, fail: Fail): string[] {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) fail(field, 'must be an array of strings');
  return value as string[];
}

function booleanField(value: unknown, fallback: boolean, field: string, fail: Fail): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') fail(field, 'must be true or false');
  return value as boolean;
}
