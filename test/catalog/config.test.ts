import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/catalog/load-config.js';

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
    [{ links: { skip: ['('] } }, 'is not a valid regular expression'],
    [{ links: { aliveDays: -1 } }, '"links.aliveDays" must be a number ≥ 0'],
    [{ links: { hosts: { 'dl.acm.org': { acceptStatus: ['403'] } } } }, '"links.hosts.dl.acm.org.acceptStatus" must be an array of HTTP status codes'],
    [{ links: { hosts: { 'dl.acm.org': { maxConnections: 0 } } } }, 'must be a whole number ≥ 1'],
  ])('rejects %j, naming the field', (raw, message) => {
    expect(() => parseConfig(raw, 'catalog.config.json')).toThrow(ConfigError);
    expect(() => parseConfig(raw, 'catalog.config.json')).toThrow(message);
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
    const links = Object.fromEntries(keysOf(definitions.links).map((key) => [key, key === 'cacheFile' ? 'c.json' : key === 'skip' ? [] : key === 'hosts' ? {} : 1]));
    expect(accepted({ links })).not.toThrow();
    const hostValues: Record<string, unknown> = { acceptStatus: [403], skip: false, headers: { Accept: 'text/html' }, minSpacingMs: 500, maxConnections: 2 };
    const host = Object.fromEntries(keysOf(definitions.links.properties.hosts.additionalProperties).map((key) => [key, hostValues[key]]));
    expect(accepted({ links: { hosts: { 'example.org': host } } })).not.toThrow();
  });
});
