import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/catalog/load-config.js';
import { readCatalog } from '../../src/catalog/read.js';
import { entryNames, identityMismatch, paperFindings } from '../../src/papers/facts.js';
import { paperIdOf } from '../../src/papers/identifiers.js';
import type { Answers, PaperRecord, PublishedVersion } from '../../src/papers/record.js';
import { splitName, yearOf } from '../../src/papers/record.js';

const FIXTURES = new URL('../fixtures/papers/', import.meta.url);

interface FixtureRecord { title: string; date: string | null; authors: string[]; abstract?: string; venue?: string; comment?: string }

function record(raw: FixtureRecord, key: string): PaperRecord {
  return {
    title: raw.title,
    abstract: raw.abstract ?? null,
    authors: raw.authors.map(splitName),
    date: raw.date,
    year: yearOf(raw.date),
    venue: raw.venue ?? null,
    venueKind: key.startsWith('doi:') ? 'proceedings' : null,
    doi: key.startsWith('doi:') ? key.slice(4) : null,
    comment: raw.comment ?? null,
  };
}

function fixture(name: string, markdown = new URL(`${name}.md`, FIXTURES)) {
  const source = readFileSync(markdown, 'utf8');
  const raw = JSON.parse(readFileSync(new URL(`${name}.answers.json`, FIXTURES), 'utf8')) as { records: Record<string, FixtureRecord>; missing: string[]; published: Record<string, PublishedVersion | null> };
  const answers: Answers = new Map();
  for (const [key, value] of Object.entries(raw.records)) answers.set(key, { kind: 'found', record: record(value, key), cached: true });
  for (const key of raw.missing) answers.set(key, { kind: 'missing', reason: `arXiv API has no entry for ${key.slice(6)}` });
  const config = loadConfig('catalog.md', new URL('../../catalog.config.json', import.meta.url).pathname);
  const catalog = readCatalog({ file: `${name}.md`, source, config });
  return { findings: paperFindings(catalog, answers, new Map(Object.entries(raw.published))), answers, catalog };
}

describe('paperFindings on test/fixtures/papers/facts.md', () => {
  const { findings } = fixture('facts');
  const at = (line: number) => findings.filter((finding) => finding.range.start.line === line).map((finding) => `${finding.ruleId} ${finding.severity}: ${finding.message}`);

  it('finds nothing in a row whose facts match, in a suppressed row, or for an id no registry answered', () => {
    expect(at(5)).toEqual([]);
    expect(at(18)).toEqual([]);
    expect(at(19)).toEqual([]);
  });

  it('paper-exists: an id the registry said twice does not exist', () => {
    expect(at(6)).toEqual(['paper-exists error: arXiv 2101.99999 does not exist: arXiv API has no entry for 2101.99999 (asked twice)']);
  });

  it('paper-year: later than the first version (error), earlier than every linked paper (warning)', () => {
    expect(at(7)).toEqual(['paper-year error: Year 2021 is later than the earliest linked paper: arXiv 2004.09910 was first posted on 2020-04-21']);
    expect(at(8)).toEqual(['paper-year warning: Year 2020 is earlier than every linked paper: the earliest, doi.org 10.1145/3464298.3476132 was issued on 2021-12-06']);
  });

  it('paper-label: an arXiv year that is not the first version’s, with its fix', () => {
    expect(at(9)).toEqual(['paper-label warning: "arXiv 2020" names 2020, but arXiv 1910.01578 was first posted on 2019-10-03']);
    const finding = findings.find((each) => each.range.start.line === 9)!;
    expect(finding.fix).toEqual({ table: 0, row: 4, column: 3, replacement: '[arXiv 2019](https://arxiv.org/abs/1910.01578)' });
  });

  it('paper-label: a venue label whose year differs from the record’s; no preprint suggestion where the venue is linked', () => {
    expect(at(10)).toEqual(['paper-label warning: "SoCC 2021" names 2021, but doi.org 10.1145/3419111.3421302 was issued on 2020-10-12 in "Proceedings of the 11th ACM Symposium on Cloud Computing"']);
  });

  it('paper-label: an arXiv label on a preprint DBLP or its journal reference shows published (a suggestion)', () => {
    expect(at(11)).toEqual(['paper-label warning: "arXiv 2020" labels a preprint that has been published: DBLP lists "BaPipe: Exploration of Balanced Pipeline Parallelism for DNN Training." in ICPP 2021 (DOI 10.1145/0000000.1111111)']);
    expect(findings.find((each) => each.range.start.line === 11)!.fix).toBeUndefined();
    expect(at(12)).toEqual(['paper-label warning: "arXiv 2021" labels a preprint that has been published: arXiv\'s journal reference says "Proceedings of MLSys 2022"']);
  });

  it('paper-identity: a paper that names neither the entry nor its "et al." author; aliases and authors count', () => {
    expect(at(13)).toEqual(['paper-identity warning: arXiv 1806.00001 is "Learning to Schedule Jobs on Clusters", which names neither "spotlight" (title and abstract read)']);
    expect(at(14)).toEqual([]);
    expect(at(15)).toEqual([]);
    expect(at(16)).toEqual(['paper-identity warning: arXiv 2206.00002 is "Towards Coarse-grained Pipeline Partitioning", which names neither "other" or an author smith (title read)']);
  });

  it("the config's rules turn a rule off or change its severity", () => {
    const { catalog, answers } = fixture('facts');
    const tuned = paperFindings(catalog, answers, new Map(), { 'paper-identity': 'off', 'paper-label': 'error' });
    expect(tuned.some((finding) => finding.ruleId === 'paper-identity')).toBe(false);
    expect(new Set(tuned.filter((finding) => finding.ruleId === 'paper-label').map((finding) => finding.severity))).toEqual(new Set(['error']));
  });

  it('paper-withdrawn: arXiv’s comment says withdrawn', () => {
    expect(at(17)).toEqual(['paper-withdrawn warning: arXiv 1905.00001 is withdrawn: arXiv\'s comment says "This paper has been withdrawn by the author due to an error in Theorem 2"']);
  });
});

describe('the real catalog against the recorded registry answers (test/fixtures/papers/catalog.answers.json)', () => {
  const { findings, answers, catalog } = fixture('catalog', new URL('../../catalog.md', import.meta.url));

  it('checks the rows whose papers have a recorded answer', () => {
    const linked = new Set(catalog.tables.flatMap((table) => table.rows.flatMap((row) => row.cells.flatMap((cell) => cell.links.map((link) => paperIdOf(link.url)?.key)))));
    expect([...answers.keys()].filter((key) => linked.has(key))).toHaveLength(answers.size);
  });

  it('is clean: every finding fixed in catalog.md or suppressed in its row with the reason beside it', () => {
    expect(findings.map((finding) => `${finding.range.start.line}:${finding.range.start.column} ${finding.ruleId} ${finding.message}`)).toEqual([]);
  });
});

describe('entryNames', () => {
  it('reads the name, its aliases and its "et al." surnames', () => {
    expect(entryNames('Mercury (first called Celeritas)')).toEqual({ names: ['mercury', 'celeritas'], surnames: [] });
    expect(entryNames('AutoPipe (Liu et al.)')).toEqual({ names: ['autopipe'], surnames: ['liu'] });
    expect(entryNames('X (also known as Y, later Z)')).toEqual({ names: ['x', 'y', 'z'], surnames: [] });
  });

  it('matches a hyphenated or spaced name against the title', () => {
    const paper = { title: 'DNNPartitioning: placing operators', abstract: null, authors: [], date: null, year: null, venue: null, venueKind: null, doi: null, comment: null };
    expect(identityMismatch('DNN-partitioning', paper)).toBeNull();
    expect(identityMismatch('Post', { ...paper, title: 'Postprocessing graphs' })).not.toBeNull();
  });
});
