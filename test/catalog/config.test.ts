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
    expect(config.site.synonyms).toContainEqual(['ILP', 'integer linear programming', 'integer linear']);
    expect(config.site.facets.map((facet) => [facet.name, facet.column])).toEqual([
      ['Search method family', 'Search method'],
      ['Hardware', 'Description'],
    ]);
  });

  it('reads a facet named by the config in its order, with __proto__ an ordinary name', () => {
    const raw = JSON.parse('{"tables":[{"columns":[{"name":"A"}]}],"site":{"facets":{"__proto__":{"column":"a","values":{"__proto__":["x"],"B":["b c"]}}}}}');
    expect(parseConfig(raw, null).site.facets).toEqual([{ name: '__proto__', column: 'a', values: [{ value: '__proto__', patterns: ['x'] }, { value: 'B', patterns: ['b c'] }] }]);
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
    [{ site: { synonyms: [['ILP']] } }, '"site.synonyms[0]" must be an array of at least two terms'],
    [{ site: { synonyms: [['ILP', '+*']] } }, '"site.synonyms[0][1]" must be a string holding a letter or a digit'],
    [{ site: { synonyms: [['ILP', 'x'.repeat(101)]] } }, 'must be at most 100 characters'],
    [{ site: { facets: { Method: { column: 'Nope', values: { DP: ['dynamic'] } } } } }, '"site.facets.Method.column" must name a column'],
    [{ tables: [{ columns: [{ name: 'A' }] }], site: { facets: { Method: { column: 'A', values: {} } } } }, '"site.facets.Method.values" must map at least one value'],
    [{ tables: [{ columns: [{ name: 'A' }] }], site: { facets: { Method: { column: 'A', values: { DP: [] } } } } }, '"site.facets.Method.values.DP" must be a non-empty array'],
    [{ tables: [{ columns: [{ name: 'A', type: 'enumeration', values: ['X'] }] }], site: { facets: { a: { column: 'A', values: { X: ['x'] } } } } }, 'is named like an enumeration column'],
    [{ site: { regex: true } }, '"site.regex" is not a known setting'],
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
    expect(keysOf(definitions.site)).toEqual(['facets', 'newDays', 'synonyms', 'url']);
    const facet = { column: 'A', values: { X: ['x'] } };
    expect(Object.keys(definitions.site.properties.facets.additionalProperties.properties).sort()).toEqual(Object.keys(facet).sort());
    expect(accepted({ tables: [table], site: { url: 'https://example.org/list/', newDays: 7, synonyms: [['a', 'b']], facets: { F: facet } } })).not.toThrow();
  });
});
