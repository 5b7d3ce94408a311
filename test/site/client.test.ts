// The page script's pure parts, run in a bare context (no document: the script then only defines them).
import { readFileSync } from 'node:fs';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

interface State {
  q: string;
  selected: Record<string, string[]>;
  from: number | null;
  to: number | null;
  sort: string;
  added?: string;
}
interface Entry {
  text: string;
  name: string;
  year: number | null;
  added?: string | null;
  groups: Record<string, string[]>;
}
interface Client {
  readState(search: string, choices: { groups: Map<string, string[]>; sorts: string[] }): State;
  queryOf(state: State): string;
  evaluate(entries: Entry[], state: State): { shown: boolean[]; counts: Record<string, Record<string, number>>; total: number };
  sortedOrder(entries: Entry[], sort: string): number[];
  normalizeText(text: string): string;
}

const context = createContext({ URLSearchParams, Intl });
runInContext(readFileSync(new URL('../../src/site/site-client.js', import.meta.url), 'utf8'), context);
const client = context as unknown as Client;

const entry = (name: string, year: number | null, section: string, framework: string[]): Entry => ({
  name,
  year,
  text: client.normalizeText(`${name} ${framework.join(' ')}`),
  groups: { section: [section], framework },
});
const entries = [
  entry('Alpa', 2022, 'tensor', ['JAX']),
  entry('GPipe', 2018, 'pipeline', ['TensorFlow']),
  entry('PipeDream', 2019, 'pipeline', ['PyTorch']),
  entry('Piper', 2021, 'pipeline', ['PyTorch', 'JAX']),
  entry('Undated', null, 'tensor', []),
];
const choices = {
  groups: new Map([
    ['section', ['tensor', 'pipeline']],
    ['framework', ['JAX', 'TensorFlow', 'PyTorch', 'constructor']],
  ]),
  sorts: ['', 'name', 'year', 'year-asc'],
};
const state = (query: string) => client.readState(query, choices);

describe('page script', () => {
  it('reads the state from the URL query and writes it back the same', () => {
    const read = state('?q=pipe+dream&framework=PyTorch&framework=JAX&section=pipeline&from=2019&to=2021&sort=year');
    expect(JSON.parse(JSON.stringify(read))).toEqual({ q: 'pipe dream', selected: { section: ['pipeline'], framework: ['PyTorch', 'JAX'] }, from: 2019, to: 2021, sort: 'year', added: '' });
    expect(client.queryOf(read)).toBe('?q=pipe+dream&section=pipeline&framework=PyTorch&framework=JAX&from=2019&to=2021&sort=year');
    expect(client.queryOf(state(''))).toBe('');
    expect(state('?from=soon').from).toBeNull();
  });

  it('keeps only the values the page offers, in its spelling, and falls back to the default sort', () => {
    const read = state('?framework=pytorch&framework=PyTorch&framework=MXNet&section=other-dims&sort=bogus');
    expect(JSON.parse(JSON.stringify(read.selected))).toEqual({ section: [], framework: ['PyTorch'] });
    expect(read.sort).toBe('');
    expect(client.queryOf(read)).toBe('?framework=PyTorch');
    expect(state('?sort=NAME').sort).toBe('name');
  });

  it('reads, counts and filters a group the config names `__proto__` like any other', () => {
    const groups = new Map([['section', ['tensor']], ['__proto__', ['JAX', 'PyTorch']]]);
    const read = client.readState('?__proto__=JAX', { groups, sorts: [''] });
    expect(Object.keys(read.selected)).toEqual(['section', '__proto__']);
    expect(read.selected['__proto__']).toEqual(['JAX']);
    expect(client.queryOf(read)).toBe('?__proto__=JAX');
    const tagged = entries.map((one) => ({ ...one, groups: Object.fromEntries([['section', one.groups['section']!], ['__proto__', one.groups['framework']!]]) }));
    const result = client.evaluate(tagged, read);
    expect(result.shown).toEqual([true, false, false, true, false]);
    expect(result.counts['__proto__']).toEqual({ JAX: 2, PyTorch: 2, TensorFlow: 1 });
  });

  it('searches every word, without case or accents', () => {
    expect(client.evaluate(entries, state('?q=PIPE')).total).toBe(3);
    expect(client.evaluate(entries, state('?q=pipe+jax')).shown).toEqual([false, false, false, true, false]);
    expect(client.normalizeText('Sébastien')).toBe('sebastien');
  });

  it('combines the search, the facets (any of a facet\'s values) and the year range', () => {
    const result = client.evaluate(entries, state('?q=p&framework=PyTorch&framework=TensorFlow&from=2019'));
    expect(result.shown).toEqual([false, false, true, true, false]);
    expect(result.total).toBe(2);
  });

  it('counts for each value the entries it would show with the other filters as they are', () => {
    const { counts } = client.evaluate(entries, state('?framework=PyTorch&section=pipeline'));
    expect(JSON.parse(JSON.stringify(counts))).toEqual({ section: { pipeline: 2 }, framework: { TensorFlow: 1, PyTorch: 2, JAX: 1 } });
    const unfiltered = client.evaluate(entries, state(''));
    expect(JSON.parse(JSON.stringify(unfiltered.counts.framework))).toEqual({ JAX: 2, TensorFlow: 1, PyTorch: 2 });
  });

  it('counts a value named like an Object property from zero', () => {
    const named = [entry('Odd', 2020, 'tensor', ['constructor', 'toString'])];
    expect(JSON.parse(JSON.stringify(client.evaluate(named, state('')).counts.framework))).toEqual({ constructor: 1, toString: 1 });
  });

  it('leaves entries without a year out of a year range', () => {
    expect(client.evaluate(entries, state('?to=2030')).shown[4]).toBe(false);
  });

  it('sorts by name or by year (undated last), catalog order breaking ties', () => {
    expect([...client.sortedOrder(entries, 'name')]).toEqual([0, 1, 2, 3, 4]);
    expect([...client.sortedOrder(entries, 'year')]).toEqual([0, 3, 2, 1, 4]);
    expect([...client.sortedOrder(entries, 'year-asc')]).toEqual([1, 2, 3, 0, 4]);
    expect([...client.sortedOrder(entries, '')]).toEqual([0, 1, 2, 3, 4]);
  });

  it('filters on the day an entry was added, sorts newest first with undated entries last, and keeps the day in the URL', () => {
    const dated = [
      { ...entries[0]!, added: '2026-01-05' },
      { ...entries[1]!, added: null },
      { ...entries[2]!, added: '2026-02-01' },
      { ...entries[3]!, added: '2026-01-05' },
    ];
    const since = state('?added=2026-01-05');
    expect(since.added).toBe('2026-01-05');
    expect(client.queryOf(since)).toBe('?added=2026-01-05');
    expect(client.evaluate(dated, since).shown).toEqual([true, false, true, true]);
    expect(client.evaluate(dated, state('?added=2026-01-06')).shown).toEqual([false, false, true, false]);
    expect(client.evaluate(dated, state('')).total).toBe(4);
    expect(client.sortedOrder(dated, 'added')).toEqual([2, 0, 3, 1]);
    for (const malformed of ['?added=yesterday', '?added=2026-1-5', '?added=']) expect(state(malformed).added).toBe('');
  });
});
