// Names the config chooses (rule ids, aliases, hosts) are keys like any other, Object's own
// property names included: JSON.parse makes `"__proto__"` an ordinary key, and so must the config.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/catalog/load-config.js';
import { hostConfig } from '../../src/links/extract.js';
import { matchVocabulary } from '../../src/rules/vocabulary.js';

const configOf = (json: string) => parseConfig(JSON.parse(json), null);

describe('names from the config', () => {
  it('keeps an alias spelt `__proto__`', () => {
    const config = configOf(
      '{ "tables": [{ "key": "Name", "columns": [{ "name": "Name" }, { "name": "Framework", "type": "enumeration", "values": ["PyTorch"], "aliases": { "__proto__": "PyTorch" } }] }] }',
    );
    const column = config.tables[0]!.columns[1]!;
    expect(Object.keys(column.aliases)).toEqual(['__proto__']);
    expect(matchVocabulary(column, '__proto__')).toMatchObject({ kind: 'variant', canonical: 'PyTorch' });
  });

  it('keeps a rule setting named `__proto__`, for the check that it names no rule', () => {
    expect(Object.keys(configOf('{ "rules": { "__proto__": "off" } }').rules)).toEqual(['__proto__']);
  });

  it('keeps a host named `__proto__`, and gives a host named like an Object property no settings it lacks', () => {
    const { links } = configOf('{ "links": { "hosts": { "__proto__": { "skip": true } } } }');
    expect(hostConfig(links, '__proto__')).toEqual({ skip: true });
    expect(hostConfig(links, 'constructor')).toEqual({});
  });
});
