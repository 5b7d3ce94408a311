import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CatalogConfig, ColumnSchema, ColumnType, LinksConfig, SiteConfig, TableSchema, TableStyle, TextFacet } from './config.js';
import { findUpward } from './find-upward.js';
import { compileUrlPattern } from './url-pattern.js';

export const CONFIG_FILE_NAME = 'catalog.config.json';

/** Raised for a config file that cannot be read or does not fit the schema; the message says where and why. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const COLUMN_TYPES: readonly ColumnType[] = ['text', 'link', 'links', 'year', 'enumeration'];
const RULE_LEVELS = ['off', 'error', 'warning', 'info'] as const;
const TABLE_STYLES: readonly TableStyle[] = ['compact', 'aligned'];

export function defaultLinksConfig(): LinksConfig {
  return {
    hosts: {},
    skip: [],
    cacheFile: '.cache/catalog-links.json',
    aliveDays: 7,
    escalateAfterRuns: 3,
    escalateAfterDays: 21,
    contact: null,
  };
}

export function defaultSiteConfig(): SiteConfig {
  return { url: null, newDays: 30, synonyms: [], facets: [] };
}

/** What the no-hedge rule looks for when the config names no "hedges". */
export const DEFAULT_HEDGES = ['not verified', 'unverified', 'unknown', 'TODO', 'TBD', '?'];

/** No schema: every table is normalized in structure only. */
export function genericConfig(): CatalogConfig {
  return { path: null, tables: [], style: 'compact', rules: {}, hedges: DEFAULT_HEDGES, links: defaultLinksConfig(), site: defaultSiteConfig() };
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
    // An editor may save the file with a byte order mark; JSON.parse does not take one.
    raw = JSON.parse(text.replace(/^\uFEFF/u, ''));
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
  refuseLineBreaks(root, '', fail);
  allowKeys(root, ['$schema', 'tables', 'style', 'rules', 'hedges', 'links', 'site'], '(root)', fail);

  const tablesRaw = root['tables'] ?? [];
  if (!Array.isArray(tablesRaw)) fail('tables', 'must be an array of table schemas');
  const tables = (tablesRaw as unknown[]).map((table, index) => parseTable(table, `tables[${index}]`, fail));

  const style = root['style'] ?? 'compact';
  if (!TABLE_STYLES.includes(style as TableStyle)) fail('style', `must be one of ${TABLE_STYLES.join(', ')}`);

  // Keyed by names the config chooses: without a prototype, `__proto__` or `constructor` is a key like any other.
  const rules: CatalogConfig['rules'] = Object.create(null);
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

  return { path, tables, style: style as TableStyle, rules, hedges, links: parseLinks(root['links'] ?? {}, fail), site: parseSite(root['site'] ?? {}, tables, fail) };
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
  allowKeys(site, ['url', 'newDays', 'synonyms', 'facets'], 'site', fail);
  const defaults = defaultSiteConfig();
  const url = site['url'] ?? defaults.url;
  if (url !== null && !(typeof url === 'string' && /^https?:\/\/[^\s/]+/u.test(url))) fail('site.url', 'must be the http(s) address the site is published at');
  const newDays = site['newDays'] ?? defaults.newDays;
  if (!(Number.isInteger(newDays) && (newDays as number) >= 0)) fail('site.newDays', 'must be a whole number of days ≥ 0');
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
  // Permalinks are the address plus "#entry": the address names the page's folder.
  return { url: url === null ? null : (url as string).replace(/\/?$/u, '/'), newDays: newDays as number, synonyms, facets };
}

type Fail = (field: string, problem: string) => never;

function parseTable(raw: unknown, field: string, fail: Fail): TableSchema {
  const table = expectObject(raw, field, fail);
  allowKeys(table, ['name', 'headings', 'columns', 'key', 'sortBy', 'crossListing'], field, fail);
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
    crossListing: booleanField(table['crossListing'], false, `${field}.crossListing`, fail),
  };
}

function parseColumn(raw: unknown, field: string, fail: Fail): ColumnSchema {
  const column = expectObject(raw, field, fail);
  allowKeys(column, ['name', 'type', 'required', 'allowPlainText', 'sharedLinks', 'separator', 'values', 'aliases', 'multiple', 'closed'], field, fail);
  const name = column['name'];
  if (typeof name !== 'string' || name.trim() === '') fail(`${field}.name`, 'must be a non-empty string');
  const type = column['type'] ?? 'text';
  if (!COLUMN_TYPES.includes(type as ColumnType)) fail(`${field}.type`, `must be one of ${COLUMN_TYPES.join(', ')}`);
  const values = stringArray(column['values'] ?? [], `${field}.values`, fail);
  const aliasesRaw = expectObject(column['aliases'] ?? {}, `${field}.aliases`, fail);
  const aliases: Record<string, string> = Object.create(null);
  for (const [variant, canonical] of Object.entries(aliasesRaw)) {
    if (typeof canonical !== 'string' || !values.includes(canonical)) {
      fail(`${field}.aliases.${variant}`, 'must map to one of the column\'s "values"');
    }
    aliases[variant.toLowerCase()] = canonical as string;
  }
  if (type === 'enumeration' && values.length === 0) fail(`${field}.values`, 'must list the canonical values of an enumeration');
  const separator = column['separator'] ?? ', ';
  if (typeof separator !== 'string' || separator === '') fail(`${field}.separator`, 'must be a non-empty string, e.g. ", "');
  return {
    name: (name as string).trim(),
    type: type as ColumnType,
    required: booleanField(column['required'], false, `${field}.required`, fail),
    allowPlainText: booleanField(column['allowPlainText'], false, `${field}.allowPlainText`, fail),
    sharedLinks: booleanField(column['sharedLinks'], false, `${field}.sharedLinks`, fail),
    separator: separator as string,
    values,
    aliases,
    multiple: booleanField(column['multiple'], false, `${field}.multiple`, fail),
    closed: booleanField(column['closed'], false, `${field}.closed`, fail),
  };
}

/**
 * The range of each number of `links`: a pull request may change the config, so a value that
 * would crash the run (`aliveDays: 1e308` past the last date), trust a result for ever or make
 * one host take the whole time budget is refused, not obeyed.
 */
export const LINKS_NUMBER_RANGES = {
  aliveDays: { min: 0, max: 365, integer: false },
  escalateAfterRuns: { min: 0, max: 100, integer: true },
  escalateAfterDays: { min: 0, max: 365, integer: false },
  minSpacingMs: { min: 0, max: 60_000, integer: false },
  maxConnections: { min: 1, max: 32, integer: true },
} as const;

function checkNumber(value: unknown, range: (typeof LINKS_NUMBER_RANGES)[keyof typeof LINKS_NUMBER_RANGES], field: string, fail: Fail): number {
  const { min, max, integer } = range;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    fail(field, `must be a ${integer ? 'whole number' : 'number'} from ${min} to ${max}`);
  }
  return value as number;
}

function parseLinks(raw: unknown, fail: Fail): LinksConfig {
  const links = expectObject(raw, 'links', fail);
  allowKeys(links, ['hosts', 'skip', 'cacheFile', 'aliveDays', 'escalateAfterRuns', 'escalateAfterDays', 'contact'], 'links', fail);
  const defaults = defaultLinksConfig();
  const number = (key: 'aliveDays' | 'escalateAfterRuns' | 'escalateAfterDays') => checkNumber(links[key] ?? defaults[key], LINKS_NUMBER_RANGES[key], `links.${key}`, fail);
  const cacheFile = links['cacheFile'] ?? defaults.cacheFile;
  if (typeof cacheFile !== 'string' || cacheFile === '') fail('links.cacheFile', 'must be a file path');
  const contact = links['contact'] ?? null;
  if (contact !== null && (typeof contact !== 'string' || !/^[^\s@<>()]+@[^\s@<>()]+$/u.test(contact))) fail('links.contact', 'must be an e-mail address');
  const skip = stringArray(links['skip'] ?? [], 'links.skip', fail);
  skip.forEach((pattern, index) => {
    try {
      compileUrlPattern(pattern);
    } catch (error) {
      fail(`links.skip[${index}]`, `${(error as Error).message}: ${pattern}`);
    }
  });
  const hostsRaw = expectObject(links['hosts'] ?? {}, 'links.hosts', fail);
  const hosts: LinksConfig['hosts'] = Object.create(null);
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
    if (minSpacingMs !== undefined) checkNumber(minSpacingMs, LINKS_NUMBER_RANGES.minSpacingMs, `${field}.minSpacingMs`, fail);
    if (maxConnections !== undefined) checkNumber(maxConnections, LINKS_NUMBER_RANGES.maxConnections, `${field}.maxConnections`, fail);
    hosts[host.toLowerCase()] = settings as LinksConfig['hosts'][string];
  }
  return {
    hosts,
    skip,
    cacheFile: cacheFile as string,
    aliveDays: number('aliveDays'),
    escalateAfterRuns: number('escalateAfterRuns'),
    escalateAfterDays: number('escalateAfterDays'),
    contact: contact as string | null,
  };
}

/**
 * A line break in any string of the config (a value, a column name, a header, a key) would
 * split a table row or a header where it is written: refused wherever it is.
 */
function refuseLineBreaks(value: unknown, field: string, fail: Fail): void {
  const at = (key: string | number) => (typeof key === 'number' ? `${field}[${key}]` : field === '' ? key : `${field}.${key}`);
  if (typeof value === 'string') {
    if (/[\r\n\u2028\u2029]/u.test(value)) fail(field, 'must not hold a line break');
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => refuseLineBreaks(item, at(index), fail));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (/[\r\n\u2028\u2029]/u.test(key)) fail(at(JSON.stringify(key)), 'must not hold a line break');
      refuseLineBreaks(item, at(key), fail);
    }
  }
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
