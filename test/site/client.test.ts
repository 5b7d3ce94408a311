// The page script's pure parts, run in a bare context (no document: the script then only defines them).
import { readFileSync } from 'node:fs';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

interface State {
  q: string;
  selected: Map<string, string[]>;
  from: number | null;
  to: number | null;
  sort: string;
  view: string;
  added?: string;
}
interface Entry {
  text: string;
  name: string;
  nameText: string;
  year: number | null;
  added?: string | null;
  groups: Map<string, string[]>;
}
interface Term {
  phrases: string[][];
  text: string;
}
interface Synonyms {
  byTerm: Map<string, string[][]>;
  longest: number;
}
interface Client {
  readState(search: string, choices: { groups: Map<string, string[]>; sorts: string[]; views: string[] }): State;
  queryOf(state: State): string;
  evaluate(entries: Entry[], state: State, terms: Term[]): { shown: Uint8Array; counts: Map<string, Map<string, number>>; total: number };
  sortedOrder(entries: Entry[], sort: string, terms?: Term[]): number[];
  normalizeText(text: string): string;
  wordsOf(text: string): string[];
  synonymIndex(groups: string[][]): Synonyms;
  parseQuery(query: string, synonyms: Synonyms): Term[];
  highlightSpans(text: string, phrases: string[][]): [number, number][];
}

const context = createContext({ URLSearchParams, Intl });
runInContext(readFileSync(new URL('../../src/site/site-client.js', import.meta.url), 'utf8'), context);
const client = context as unknown as Client;

const entry = (name: string, year: number | null, section: string, framework: string[], more = ''): Entry => ({
  name,
  nameText: client.normalizeText(name),
  year,
  text: client.normalizeText(`${name} ${framework.join(' ')} ${more}`),
  groups: new Map([
    ['section', [section]],
    ['framework', framework],
  ]),
});
const entries = [
  entry('Alpa', 2022, 'tensor', ['JAX'], 'Integer linear programming (intra-op) + dynamic programming'),
  entry('GPipe', 2018, 'pipeline', ['TensorFlow'], 'TPU'),
  entry('PipeDream', 2019, 'pipeline', ['PyTorch'], 'FTPipe-like mixed-integer linear programming'),
  entry('Piper', 2021, 'pipeline', ['PyTorch', 'JAX'], 'uses Alpa, TP'),
  entry('Undated', null, 'tensor', []),
];
const choices = {
  groups: new Map([
    ['section', ['tensor', 'pipeline']],
    ['framework', ['JAX', 'TensorFlow', 'PyTorch', 'constructor']],
  ]),
  sorts: ['', 'relevance', 'name', 'year', 'year-asc'],
  views: ['', 'list'],
};
const synonyms = client.synonymIndex([
  ['ILP', 'integer linear programming', 'integer linear'],
  ['MILP', 'mixed-integer linear programming'],
  ['DP', 'dynamic programming'],
  ['DP', 'data parallel'],
]);
const state = (query: string) => client.readState(query, choices);
const run = (query: string) => {
  const read = state(query);
  return client.evaluate(entries, read, client.parseQuery(read.q, synonyms));
};
const shownNames = (query: string) => entries.filter((_, index) => run(query).shown[index]).map((one) => one.name);
const plain = (value: unknown) => JSON.parse(JSON.stringify(value, (_, inner) => (Object.prototype.toString.call(inner) === '[object Map]' ? Object.fromEntries(inner) : inner)));

describe('page script', () => {
  it('reads the state from the URL query and writes it back the same', () => {
    const read = state('?q=pipe+dream&framework=PyTorch&framework=JAX&section=pipeline&from=2019&to=2021&sort=year&view=list');
    expect(plain(read)).toEqual({ q: 'pipe dream', selected: { section: ['pipeline'], framework: ['PyTorch', 'JAX'] }, from: 2019, to: 2021, sort: 'year', view: 'list', added: '' });
    expect(client.queryOf(read)).toBe('?q=pipe+dream&section=pipeline&framework=PyTorch&framework=JAX&from=2019&to=2021&sort=year&view=list');
    expect(client.queryOf(state(''))).toBe('');
    expect(state('?from=soon').from).toBeNull();
  });

  it('keeps only the values the page offers, in its spelling, and falls back to the default sort and view', () => {
    const read = state('?framework=pytorch&framework=PyTorch&framework=MXNet&section=other-dims&sort=bogus&view=grid');
    expect(plain(read.selected)).toEqual({ section: [], framework: ['PyTorch'] });
    expect(read.sort).toBe('');
    expect(read.view).toBe('');
    expect(client.queryOf(read)).toBe('?framework=PyTorch');
    expect(state('?sort=NAME').sort).toBe('name');
  });

  it('reads, counts and filters a group the config names `__proto__` like any other', () => {
    const groups = new Map([['section', ['tensor']], ['__proto__', ['JAX', 'PyTorch']]]);
    const read = client.readState('?__proto__=JAX', { groups, sorts: [''], views: [''] });
    expect([...read.selected.keys()]).toEqual(['section', '__proto__']);
    expect(read.selected.get('__proto__')).toEqual(['JAX']);
    expect(client.queryOf(read)).toBe('?__proto__=JAX');
    const tagged = entries.map((one) => ({ ...one, groups: new Map([['section', one.groups.get('section')!], ['__proto__', one.groups.get('framework')!]]) }));
    const result = client.evaluate(tagged, read, []);
    expect([...result.shown]).toEqual([1, 0, 0, 1, 0]);
    expect(plain(result.counts.get('__proto__'))).toEqual({ JAX: 2, PyTorch: 2, TensorFlow: 1 });
  });

  it('takes a year only once it has four digits: a half-typed year filters nothing', () => {
    expect(state('?from=20').from).toBeNull();
    expect(state('?from=202').from).toBeNull();
    expect(state('?from=2020').from).toBe(2020);
  });

  it('matches every word at the start of a word, without case or accents', () => {
    // GPipe's name has "pipe" inside a word, not at its start.
    expect(shownNames('?q=PIPE')).toEqual(['PipeDream', 'Piper']);
    expect(shownNames('?q=pipe+jax')).toEqual(['Piper']);
    // "TP" is a word of Piper's text, and only inside "FTPipe" in PipeDream's.
    expect(shownNames('?q=tp')).toEqual(['GPipe', 'Piper']);
    expect(shownNames('?q=ream')).toEqual([]);
    expect(client.normalizeText('Sébastien')).toBe('sebastien');
  });

  it('matches a quoted phrase as words that follow each other, each whole but the last', () => {
    expect(shownNames('?q="linear+programming"')).toEqual(['Alpa', 'PipeDream']);
    expect(shownNames('?q="linear+prog"')).toEqual(['Alpa', 'PipeDream']);
    expect(shownNames('?q="line+programming"')).toEqual([]);
    expect(shownNames('?q="programming+linear"')).toEqual([]);
    expect(shownNames('?q="mixed-integer')).toEqual(['PipeDream']);
  });

  it('takes the config\'s synonyms as one another, a term in two groups as either', () => {
    expect(shownNames('?q=ILP')).toEqual(['Alpa', 'PipeDream']);
    expect(shownNames('?q=milp')).toEqual(['PipeDream']);
    expect(shownNames('?q=DP')).toEqual(['Alpa']);
    // Several words that name a synonym are one term, but not when quoted.
    expect(client.parseQuery('integer linear programming jax', synonyms).map((term) => term.text)).toEqual(['integer linear programming', 'jax']);
    expect(JSON.parse(JSON.stringify(client.parseQuery('"ILP"', synonyms)))).toEqual([{ phrases: [['ilp']], text: '"ILP"' }]);
    expect(shownNames('?q="ILP"')).toEqual([]);
    expect(JSON.parse(JSON.stringify(client.parseQuery('DP', synonyms)[0]!.phrases))).toEqual([['dp'], ['dynamic', 'programming'], ['data', 'parallel']]);
  });

  it('combines the search, the facets (any of a facet\'s values) and the year range', () => {
    const result = run('?q=p&framework=PyTorch&framework=TensorFlow&from=2019');
    expect([...result.shown]).toEqual([0, 0, 1, 1, 0]);
    expect(result.total).toBe(2);
  });

  it('counts for each value the entries it would show with the other filters as they are', () => {
    const { counts } = run('?framework=PyTorch&section=pipeline');
    expect(plain(counts)).toEqual({ section: { pipeline: 2 }, framework: { TensorFlow: 1, PyTorch: 2, JAX: 1 } });
    expect(plain(run('').counts.get('framework'))).toEqual({ JAX: 2, TensorFlow: 1, PyTorch: 2 });
  });

  it('counts a value named like an Object property, __proto__ too, from zero', () => {
    const named = [entry('Odd', 2020, 'tensor', ['constructor', 'toString', '__proto__'])];
    const read = client.readState('', { ...choices, groups: new Map([...choices.groups, ['__proto__', ['x']]]) });
    const counts = client.evaluate(named, read, []).counts.get('framework')!;
    expect([...counts]).toEqual([
      ['constructor', 1],
      ['toString', 1],
      ['__proto__', 1],
    ]);
    expect(read.selected.get('__proto__')).toEqual([]);
  });

  it('leaves entries without a year out of a year range', () => {
    expect(run('?to=2030').shown[4]).toBe(0);
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
    expect([...client.evaluate(dated, since, []).shown]).toEqual([1, 0, 1, 1]);
    expect([...client.evaluate(dated, state('?added=2026-01-06'), []).shown]).toEqual([0, 0, 1, 0]);
    expect(client.evaluate(dated, state(''), []).total).toBe(4);
    expect(client.sortedOrder(dated, 'added')).toEqual([2, 0, 3, 1]);
    for (const malformed of ['?added=yesterday', '?added=2026-1-5', '?added=']) expect(state(malformed).added).toBe('');
  });

  it('sorts by relevance: a name that is the search first, then names that match, then the rest', () => {
    expect([...client.sortedOrder(entries, 'relevance', client.parseQuery('alpa', synonyms))]).toEqual([0, 1, 2, 3, 4]);
    expect([...client.sortedOrder(entries, 'relevance', client.parseQuery('piper', synonyms))]).toEqual([3, 0, 1, 2, 4]);
    expect([...client.sortedOrder(entries, 'relevance', client.parseQuery('pipe', synonyms))]).toEqual([2, 3, 0, 1, 4]);
  });

  it('finds the spans to highlight in a text node, as the search matches', () => {
    expect(client.highlightSpans('FTPipe and TP, TPU', [['tp']])).toEqual([
      [11, 13],
      [15, 17],
    ]);
    expect(client.highlightSpans('Mixed-integer linear programming', [['integer', 'linear', 'prog']])).toEqual([[6, 25]]);
    expect(client.highlightSpans('Sébastien', [['seb']])).toEqual([[0, 3]]);
  });

  it('cuts words as the build does', async () => {
    const { wordsOf } = await import('../../src/site/words.js');
    for (const text of ['Mixed-Integer (ILP)', 'Sébastien’s DP/TP/PP', 'P^2 ½ naïve', '']) expect(client.wordsOf(text)).toEqual(wordsOf(text));
  });
});
