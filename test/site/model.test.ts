import { describe, expect, it } from 'vitest';
import { genericConfig } from '../../src/catalog/load-config.js';
import { readCatalog } from '../../src/catalog/read.js';
import { siteModel } from '../../src/site/model.js';
import { catalogOf, fixtureSource } from './helpers.js';
import { loadCatalog } from '../../src/commands/load.js';

const realCatalog = new URL('../../catalog.md', import.meta.url).pathname;

/** The names of the entries that have a facet's value. */
function namesWith(model: ReturnType<typeof siteModel>, key: string, value: string, years?: [number, number]): string[] {
  return model.sections
    .flatMap((section) => section.entries)
    .filter((entry) => entry.facets.get(key)?.includes(value) && (!years || (entry.year !== null && entry.year >= years[0] && entry.year <= years[1])))
    .map((entry) => entry.name);
}

describe('site model', () => {
  const model = siteModel([catalogOf(fixtureSource())]);
  const entries = model.sections.flatMap((section) => section.entries);

  it('keeps sections and entries in the catalog order, with each section intro and the document intro', () => {
    expect(model.title).toBe('Test Planners');
    expect(model.introLeadHtml).toContain('<em>markdown</em>');
    expect(model.description).toBe('A small catalog for the site\'s tests, with markdown in its intro.');
    expect(model.sections.map((section) => section.heading)).toEqual(['Pipeline planners', 'Tensor planners']);
    expect(model.sections[0]!.introHtml).toBe('<p>Planners that cut a model into <em>stages</em>.</p>');
    expect(entries.map((entry) => entry.name)).toEqual(['GPipe', 'PipeDream', 'C Planner', 'C++ Planner', 'Alpa', 'Script Test', 'Tensor Planners']);
    expect(model.total).toBe(7);
  });

  it('keeps the prose after the last table, sections without a table included, as safe HTML', () => {
    expect(model.sections[0]!.afterHtml).toBe('');
    const after = model.sections[1]!.afterHtml;
    expect(after).toContain('<h2>Related lists</h2>');
    expect(after).toContain('<a href="https://example.org/survey">A survey of planners</a>');
    expect(after).toContain('<h2>Contributing</h2>');
    const between = siteModel([catalogOf(fixtureSource().replace('## Tensor planners', '## Notes\n\nA section without a table.\n\n## Tensor planners'))]);
    expect(between.sections[0]!.afterHtml).toBe('<h2>Notes</h2>\n<p>A section without a table.</p>');
    expect(between.sections[1]!.introHtml).not.toContain('Notes');
  });

  it('gives each entry the GitHub slug of its name, -1 for a repeat, and sections the slugs entries left', () => {
    expect(entries.map((entry) => entry.id)).toEqual(['gpipe', 'pipedream', 'c-planner', 'c-planner-1', 'alpa', 'script-test', 'tensor-planners']);
    expect(model.sections.map((section) => section.id)).toEqual(['pipeline-planners', 'tensor-planners-1']);
  });

  it('takes facets from the enumeration columns, with counts, and the year range from the year column', () => {
    expect(model.facets).toEqual([
      { key: 'framework', label: 'Framework', values: [{ value: 'PyTorch', count: 4 }, { value: 'JAX', count: 2 }, { value: 'TensorFlow', count: 1 }] },
    ]);
    expect(entries.find((entry) => entry.name === 'C Planner')!.facets).toEqual(new Map([['framework', ['PyTorch', 'JAX']]]));
    expect(entries.find((entry) => entry.name === 'C Planner')!.fields.find((field) => field.label === 'Framework')!.tags).toEqual(['PyTorch', 'JAX']);
    expect(model.years).toEqual({ min: 2018, max: 2024 });
    expect(model.filters).toBe(true);
  });

  it('renders each cell once as safe HTML and leaves empty cells out', () => {
    const alpa = entries.find((entry) => entry.id === 'alpa')!;
    expect(alpa.nameHtml).toBe('<a href="https://example.org/alpa">Alpa</a>');
    expect(alpa.fields.map((field) => field.label)).toEqual(['Description', 'Paper', 'Framework', 'Year']);
    expect(entries.find((entry) => entry.id === 'c-planner')!.fields.map((field) => field.label)).not.toContain('Paper');
    expect(entries.find((entry) => entry.id === 'script-test')!.fields[0]!.html).not.toMatch(/<script|<img/u);
  });

  it('without a schema: every column is text, no facet, no year, only the search', () => {
    const plain = siteModel([catalogOf(fixtureSource(), { schema: false })]);
    expect(plain.facets).toEqual([]);
    expect(plain.years).toBeNull();
    expect(plain.filters).toBe(false);
    const first = plain.sections[0]!.entries[0]!;
    expect(first.name).toBe('GPipe');
    expect(first.fields.every((field) => field.tags === undefined)).toBe(true);
  });

  /** The fixture with its Framework column named `name` in the schema, and written `header` in the tables. */
  const withFrameworkNamed = (name: string, header = name) => {
    const config = catalogOf(fixtureSource()).tables[0]!.schema!;
    const renamed = { ...config, columns: config.columns.map((column) => (column.name === 'Framework' ? { ...column, name } : column)) };
    const catalog = catalogOf(fixtureSource().replaceAll('Framework', header));
    for (const table of catalog.tables) table.schema = renamed;
    return catalog;
  };

  it('never gives a facet a name the page uses for its own parameters', () => {
    expect(siteModel([withFrameworkNamed('Sort')]).facets.map((facet) => facet.key)).toEqual(['sort-1']);
  });

  it('keeps a facet the config names like an Object property (`__proto__`) as a facet like any other', () => {
    // Escaped in the header: `__proto__` would be strong emphasis.
    const model = siteModel([withFrameworkNamed('__proto__', '\\_\\_proto\\_\\_')]);
    expect(model.facets.map((facet) => [facet.key, facet.values.length])).toEqual([['__proto__', 3]]);
    const planner = model.sections.flatMap((section) => section.entries).find((entry) => entry.name === 'C Planner')!;
    expect(planner.facets.get('__proto__')).toEqual(['PyTorch', 'JAX']);
  });

  it('takes the title from the list\'s name heading, not from a table of contents, else from the folder of a README', () => {
    const table = '| Name | Notes |\n| --- | --- |\n| A | x |\n';
    const titleOf = (source: string, file = 'catalog.md') => siteModel([readCatalog({ file, source, config: genericConfig() })]).title;
    expect(titleOf(`## Awesome-CIL\n\nIntro.\n\n## Papers\n\n${table}`)).toBe('Awesome-CIL');
    expect(titleOf(`Intro.\n\n# Contents\n\n- [Libraries](#libraries)\n\n# Libraries\n\n${table}`, 'lists/awesome-odin/README.md')).toBe('awesome-odin');
    expect(titleOf(`## Intro\n\n# Libraries\n\n${table}`, 'lists/tools.md')).toBe('tools');
  });

  it('takes facets from text columns as the config says: phrases at word starts, several values per entry, none for an empty cell', () => {
    const site = {
      url: null,
      newDays: 30,
      synonyms: [],
      facets: [
        {
          name: 'Method',
          column: 'description',
          values: [
            { value: 'Integer programming', patterns: ['integer linear'] },
            { value: 'Dynamic programming', patterns: ['dynamic programming'] },
            { value: 'Greedy', patterns: ['greed'] },
            { value: 'Regex', patterns: ['[Ii]nteger.*', 'x+y'] },
            { value: 'Never', patterns: ['ynamic'] },
          ],
        },
      ],
    };
    const withFacets = siteModel([catalogOf(fixtureSource())], site);
    expect(withFacets.facets.map((facet) => facet.key)).toEqual(['method', 'framework']);
    expect(withFacets.facets[0]).toEqual({
      key: 'method',
      label: 'Method',
      values: [
        { value: 'Integer programming', count: 2 },
        { value: 'Dynamic programming', count: 2 },
        { value: 'Greedy', count: 1 },
      ],
    });
    expect(namesWith(withFacets, 'method', 'Dynamic programming')).toEqual(['PipeDream', 'Alpa']);
    const alpa = withFacets.sections[1]!.entries[0]!;
    expect(alpa.facets.get('method')).toEqual(['Integer programming', 'Dynamic programming']);
    // A pattern is plain words: "[Ii]nteger.*" is the words "i nteger", which no description holds.
    expect(namesWith(withFacets, 'method', 'Regex')).toEqual([]);
  });

  it("answers the reader's questions on the real catalog with one facet, exactly", () => {
    const { catalog, config } = loadCatalog(realCatalog);
    const real = siteModel([catalog], config.site);
    expect(real.facets.map((facet) => facet.key)).toEqual(['search-method-family', 'hardware', 'framework']);
    // Every planner whose Search method cell says integer linear programming (ILP, MILP), read off the rows.
    expect(namesWith(real, 'search-method-family', 'Integer linear programming').sort()).toEqual(
      ['Pesto', 'Colossal-Auto', 'EasyDist', 'PyTorch AutoParallel', 'Alpa', 'Rhino (TePDist)', 'Malleus', 'nnScaler', 'Phaze', 'Mist', 'Saturn', 'FlexSP', 'Hydraulis'].sort(),
    );
    // Planners of 2024–2025 for heterogeneous GPUs, read off the Description cells; FlexSP (heterogeneous
    // sequence lengths), AdaPtis (heterogeneous layers) and DistMM (heterogeneous interconnect) are not.
    expect(namesWith(real, 'hardware', 'Heterogeneous GPUs or accelerators', [2024, 2025]).sort()).toEqual(
      ['HAP', 'FASOP', 'HETHUB', 'HexiScale', 'Metis', 'Cephalo', 'Poplar', 'H2', 'HAPT (later called Harp)', 'Zorse', 'Astra', 'Sailor', 'Wu et al. (HKUST-GZ)', 'DeepCEE', 'Espresso', 'AutoHet', 'Cannikin'].sort(),
    );
    expect(namesWith(real, 'search-method-family', 'Sharding propagation')).toEqual(['GSPMD', 'PartIR', 'Shardy', 'MindSpore Sharding Strategy Propagation']);
    expect(namesWith(real, 'hardware', 'TPU')).toEqual(['GPipe', 'Mesh-TensorFlow (auto_mtf)', 'AccPar', 'GShard', 'GSPMD']);
  });
});
