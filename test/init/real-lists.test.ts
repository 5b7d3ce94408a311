import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { genericConfig, parseConfig } from '../../src/catalog/load-config.js';
import { readCatalog } from '../../src/catalog/read.js';
import { fileSystemWorkspace } from '../../src/commands/workspace.js';
import { inferConfig } from '../../src/init/infer.js';
import { formatSource } from '../../src/format/format.js';
import { proveFormat } from '../../src/format/prove.js';
import { lintCatalog } from '../../src/rules/index.js';
import { tableFindings } from '../helpers/markdownlint.js';

// Three published lists that keep their entries in markdown tables, each copied with the
// repository and commit it came from (see the README.md next to each). What lint reports with
// the inferred config is listed here: every finding is a real inconsistency of the list.
const FIXTURES = fileURLToPath(new URL('../fixtures/init/', import.meta.url));
const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../../catalog.schema.json', import.meta.url)), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

interface Expected {
  /** Rows the structure rule reports, all for the same reason. */
  columnCount: { rows: number; message: RegExp };
  /** Every other finding, as `line rule-id`. */
  findings: string[];
  schemas: string[];
  style: 'compact' | 'aligned';
  /** Lines `format` changes with the inferred config, and the tables it leaves as they are. */
  formatted: { changedLines: number; refused: number };
}

const EXPECTED: Record<string, Expected> = {
  // Papers by topic, newest first, under 25 headings with one header: the same paper filed under two topics.
  'awesome-nerf': {
    columnCount: { rows: 58, message: /^Row has 4 cells, expected 5 \(the header has 5\): the "OtherInfo" cell is missing$/u },
    // 12: "#Papers" misses its heading, whose anchor GitHub writes "#papers".
    // 103: the ECCV 2022 table lists "Gaussian Activated Neural Radiance Fields" twice (line 100, and its v1 PDF).
    // Code holds two links in some rows ("[TF](…) [Torch](…)"): a column of links separated by " ", no finding.
    findings: ['12 internal-link', '103 duplicate-entry'],
    schemas: ['Papers', 'Datasets', 'Talks'],
    style: 'compact',
    // Written without spaces (`|2022|ECCV|…|`), a style of neither kind: every table line gains its spaces.
    formatted: { changedLines: 218, refused: 0 },
  },
  // 1,400 APIs in 51 categories, alphabetical, with Auth, HTTPS and CORS vocabularies, and rows without a closing pipe.
  'public-apis': {
    // 81 rows end in a stray empty cell (`| Yes | |`), one in two (format drops them), one row has a sixth value "Yes".
    columnCount: {
      rows: 83,
      message: /^Row has [67] cells, expected 5 \(the header has 5\): (?:the row ends in (?:an empty cell|2 empty cells) beyond the header, which GFM drops|GFM drops the extra cell "Yes" without a word)$/u,
    },
    findings: [
      '52 link-syntax',
      '428 canonical-vocabulary',
      '498 shared-repository',
      '614 shared-repository',
      '782 canonical-vocabulary',
      // Warnings: one name, two addresses on one site: ipstack (1064), Cloudmersive Validate (768), URLhaus (203), Mapbox (1126).
      '1118 duplicate-entry',
      '1166 canonical-vocabulary',
      '1584 duplicate-entry',
      '1735 duplicate-entry',
      '1735 canonical-vocabulary',
      '1784 shared-repository',
      '1946 duplicate-entry',
      '1946 canonical-vocabulary',
      '2107 shared-repository',
    ],
    schemas: ['APILayer APIs', 'Animals'],
    style: 'compact',
    // Headers and rows without their outer pipes gain them, the 82 empty cells beyond the header go;
    // the table whose row holds a sixth value "Yes" is left as it is.
    formatted: { changedLines: 205, refused: 1 },
  },
  // One wide table padded for reading in plain text, inside an HTML <details> block.
  'awesome-llm': {
    columnCount: { rows: 0, message: /^$/u },
    findings: ['546 internal-link'],
    schemas: ['Milestone Papers'],
    style: 'aligned',
    // 50 of its 64 lines line up; of the 14 that do not, the LLaVA row's "UW–Madison&Microsoft" is
    // wider than its column, so the column widens and every line is padded again.
    formatted: { changedLines: 64, refused: 0 },
  },
};

describe('catalog init on published lists', () => {
  for (const [name, expected] of Object.entries(EXPECTED)) {
    describe(name, () => {
      const path = `${FIXTURES}${name}/list.md`;
      const source = readFileSync(path, 'utf8');
      const inference = inferConfig(readCatalog({ file: path, source, config: genericConfig() }));

      it('infers a config that catalog.schema.json validates', () => {
        expect(inference.schemas.map((inferred) => inferred.schema.name)).toEqual(expected.schemas);
        expect(validate(inference.config), JSON.stringify(validate.errors)).toBe(true);
      });

      it('lints the list with only its real inconsistencies', () => {
        const config = parseConfig(inference.config, null);
        const diagnostics = lintCatalog(readCatalog({ file: path, source, config }), config, { workspace: fileSystemWorkspace(path) });
        const columnCount = diagnostics.filter((diagnostic) => diagnostic.ruleId === 'table-column-count');
        expect(columnCount.length).toBe(expected.columnCount.rows);
        for (const diagnostic of columnCount) expect(diagnostic.message).toMatch(expected.columnCount.message);
        const others = diagnostics.filter((diagnostic) => diagnostic.ruleId !== 'table-column-count');
        expect(others.map((diagnostic) => `${diagnostic.range.start.line} ${diagnostic.ruleId}`)).toEqual(expected.findings);
      });

      it('formats the list in its own style, losing nothing', () => {
        expect(inference.config.style).toBe(expected.style);
        const config = parseConfig(inference.config, null);
        const result = formatSource(path, source, config);
        expect(proveFormat(result.catalog, result.output, config)).toEqual([]);
        const before = source.split('\n');
        const changed = result.output.split('\n').filter((line, index) => line !== before[index]).length;
        expect({ changedLines: changed, refused: result.refused.length }).toEqual(expected.formatted);
        if (expected.style === 'aligned') expect(tableFindings(result.output, 'aligned')).toEqual([]);
      }, 60_000);
    });
  }

  it('finds the variant spellings of public-apis as aliases, and its sections by heading', () => {
    const path = `${FIXTURES}public-apis/list.md`;
    const inference = inferConfig(readCatalog({ file: path, source: readFileSync(path, 'utf8'), config: genericConfig() }));
    const apis = inference.config.tables[1]!;
    expect(apis.columns.find((column) => column.name === 'Auth')).toMatchObject({
      type: 'enumeration',
      values: ['`apiKey`', 'No', '`OAuth`', '`X-Mashape-Key`', '`User-Agent`'],
      aliases: { '`no`': 'No', apikey: '`apiKey`' },
    });
    expect(apis.headings).toContain('Animals');
    expect(apis.headings.length).toBe(51);
  });
});
