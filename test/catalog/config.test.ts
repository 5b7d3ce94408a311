import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, LINKS_NUMBER_RANGES, parseConfig } from '../../src/catalog/load-config.js';

const editorSchema = JSON.parse(readFileSync(new URL('../../catalog.schema.json', import.meta.url), 'utf8'));
const committedConfig = JSON.parse(readFileSync(new URL('../../catalog.config.json', import.meta.url), 'utf8'));

const keysOf = (schema: { properties: Record<string, unknown> }) => Object.keys(schema.properties).sort();

describe('parseConfig', () => {
  it('reads the committed config, filling in defaults', () => {
    const config = parseConfig(committedConfig, 'catalog.config.json');
    const methods = config.tables[0]!;
    expect(methods.key).toBe('Name');
    expect(methods.sortBy).toEqual(['Year', 'Name']);
    expect(methods.columns.map((column) => column.type)).toEqual(['link', 'text', 'text', 'links', 'enumeration', 'year', 'text']);
    expect(methods.columns[4]!.aliases['pytorch']).toBe('PyTorch');
  });

  it.each([
    [{ tables: 'x' }, '"tables" must be an array'],
    [{ colour: 1 }, '"colour" is not a known setting'],
    [{ tables: [{ columns: [] }] }, '"tables[0].columns" must be a non-empty array'],
    [{ tables: [{ columns: [{ name: 'A', type: 'date' }] }] }, '"tables[0].columns[0].type" must be one of text, link, links, year, enumeration'],
    [{ tables: [{ columns: [{ name: 'A', type: 'enumeration' }] }] }, '"tables[0].columns[0].values" must list the canonical values'],
    [{ tables: [{ columns: [{ name: 'A' }], sortBy: ['B'] }] }, '"tables[0].sortBy[0]" names "B", which is not a column'],
    [{ tables: [{ columns: [{ name: 'A' }, { name: 'a' }] }] }, 'repeats the column'],
    [{ tables: [{ columns: [{ name: 'A', type: 'enumeration', values: ['X'], aliases: { x: 'Y' } }] }] }, 'must map to one of the column\'s "values"'],
    [{ tables: [{ columns: [{ name: 'A', type: 'link', sharedLinks: 'yes' }] }] }, '"tables[0].columns[0].sharedLinks" must be true or false'],
    [{ rules: { sorted: 'loud' } }, '"rules.sorted" must be one of off, error, warning, info'],
    [{ style: 'wide' }, '"style" must be one of compact, aligned'],
    [{ tables: [{ columns: [{ name: 'A', type: 'links', separator: '' }] }] }, '"tables[0].columns[0].separator" must be a non-empty string'],
    [{ tables: [{ columns: [{ name: 'A' }], crossListing: 'yes' }] }, '"tables[0].crossListing" must be true or false'],
    [{ links: { skip: ['('] } }, 'is not a regular expression RE2 accepts (missing closing ): `(`)'],
    [{ links: { aliveDays: -1 } }, '"links.aliveDays" must be a number from 0 to 365'],
    [{ links: { hosts: { 'dl.acm.org': { acceptStatus: ['403'] } } } }, '"links.hosts.dl.acm.org.acceptStatus" must be an array of HTTP status codes'],
    [{ links: { hosts: { 'dl.acm.org': { maxConnections: 0 } } } }, 'must be a whole number from 1 to 32'],
  ])('rejects %j, naming the field', (raw, message) => {
    expect(() => parseConfig(raw, 'catalog.config.json')).toThrow(ConfigError);
    expect(() => parseConfig(raw, 'catalog.config.json')).toThrow(message);
  });

  it.each([
    [{ links: { aliveDays: 1e308 } }, '"links.aliveDays" must be a number from 0 to 365'],
    [{ links: { escalateAfterRuns: 2.5 } }, '"links.escalateAfterRuns" must be a whole number from 0 to 100'],
    [{ links: { escalateAfterDays: 1e9 } }, '"links.escalateAfterDays" must be a number from 0 to 365'],
    [{ links: { hosts: { 'a.example': { minSpacingMs: 900_000 } } } }, '"links.hosts.a.example.minSpacingMs" must be a number from 0 to 60000'],
    [{ links: { hosts: { 'a.example': { maxConnections: 1e6 } } } }, '"links.hosts.a.example.maxConnections" must be a whole number from 1 to 32'],
    [{ links: { skip: ['(?=x)'] } }, '"links.skip[0]" is not a regular expression RE2 accepts'],
    [{ links: { skip: ['(a)\\1'] } }, 'lookaround and backreferences are not supported'],
    [{ links: { skip: ['a'.repeat(1001)] } }, '"links.skip[0]" is longer than 1000 characters'],
    [{ tables: [{ columns: [{ name: 'A', type: 'enumeration', values: ['X\nY'] }] }] }, '"tables[0].columns[0].values[0]" must not hold a line break'],
    [{ tables: [{ columns: [{ name: 'A\r\nB' }] }] }, '"tables[0].columns[0].name" must not hold a line break'],
    [{ hedges: ['un\u2028sure'] }, '"hedges[0]" must not hold a line break'],
    [{ links: { hosts: { 'a.example': { headers: { 'x-a': 'b\r\nx-injected: 1' } } } } }, '"links.hosts.a.example.headers.x-a" must not hold a line break'],
    [{ tables: [{ columns: [{ name: 'A', type: 'enumeration', values: ['X'], aliases: { 'x\ny': 'X' } }] }] }, '"tables[0].columns[0].aliases."x\\ny"" must not hold a line break'],
  ])('refuses %j, a value out of range or unsafe', (raw, message) => {
    expect(() => parseConfig(raw, 'catalog.config.json')).toThrow(ConfigError);
    expect(() => parseConfig(raw, 'catalog.config.json')).toThrow(message);
  });

  it('accepts the skip patterns written for JavaScript that RE2 reads the same', () => {
    const config = parseConfig({ links: { skip: ['^https://example\\.com/', 'arxiv\\.org/(?:abs|pdf)/\\d+', '/private/', '(?<host>[\\p{L}.]+)\\.internal'] } }, null);
    expect(config.links.skip).toHaveLength(4);
  });

  it('the editor schema states the same ranges', () => {
    const { links } = editorSchema.definitions;
    const host = links.properties.hosts.additionalProperties.properties;
    for (const [key, range] of Object.entries(LINKS_NUMBER_RANGES)) {
      const property = key in links.properties ? links.properties[key] : host[key];
      expect({ key, minimum: property.minimum, maximum: property.maximum, type: property.type }).toEqual({ key, minimum: range.min, maximum: range.max, type: range.integer ? 'integer' : 'number' });
    }
  });

  it('accepts exactly the settings the editor schema describes', () => {
    const definitions = editorSchema.definitions;
    const accepted = (raw: unknown) => () => parseConfig(raw, null);
    const rootValue = (key: string) => (key === 'tables' || key === 'hedges' ? [] : key === '$schema' ? 'x' : key === 'style' ? 'aligned' : {});
    for (const key of keysOf(editorSchema)) expect(accepted({ [key]: rootValue(key) })).not.toThrow();
    const column: Record<string, unknown> = { name: 'A', type: 'enumeration', values: ['X'] };
    for (const key of keysOf(definitions.column)) if (!(key in column)) column[key] = key === 'aliases' ? {} : key === 'separator' ? ' ' : false;
    const table: Record<string, unknown> = { name: 't', headings: [], key: 'A', sortBy: [], crossListing: true, columns: [column] };
    expect(keysOf(definitions.table)).toEqual(Object.keys(table).sort());
    expect(accepted({ tables: [table] })).not.toThrow();
    const links = Object.fromEntries(keysOf(definitions.links).map((key) => [key, key === 'cacheFile' ? 'c.json' : key === 'skip' ? [] : key === 'hosts' ? {} : key === 'contact' ? 'maintainer@example.org' : 1]));
    expect(accepted({ links })).not.toThrow();
    const hostValues: Record<string, unknown> = { acceptStatus: [403], skip: false, headers: { Accept: 'text/html' }, minSpacingMs: 500, maxConnections: 2 };
    const host = Object.fromEntries(keysOf(definitions.links.properties.hosts.additionalProperties).map((key) => [key, hostValues[key]]));
    expect(accepted({ links: { hosts: { 'example.org': host } } })).not.toThrow();
  });
});
