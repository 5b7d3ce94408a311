import type { CatalogConfig } from '../catalog/config.js';
import type { Diagnostic, Severity } from '../catalog/diagnostic.js';
import type { Catalog, Cell, Link, Range, Table } from '../catalog/model.js';
import { columnIndex, presentColumns } from '../rules/columns.js';
import type { SchemaTable } from '../rules/define.js';
import { PAPER_RULES } from '../rules/paper-rules.js';
import { paperIdOf, type PaperId } from './identifiers.js';
import type { Answers, PaperRecord, PublishedVersion } from './record.js';
import { REGISTRY_NAMES } from './registries.js';

const SEVERITY = new Map(PAPER_RULES.map((rule) => [rule.id, rule.severity]));

/** A link of a row that names a paper, with what its registry said. */
interface PaperLink {
  link: Link;
  cell: Cell;
  id: PaperId;
  record: PaperRecord | null;
}

/**
 * The findings of `catalog papers`: each row's paper links and facts (Year, labels, names)
 * checked against the registries' answers. Identifiers without an answer (unverifiable) are
 * left alone. As for `lint`, the config's `rules` turn a rule off or change its severity, and
 * suppression comments in the row drop its findings.
 */
export function paperFindings(catalog: Catalog, answers: Answers, published: ReadonlyMap<string, PublishedVersion | null>, settings: CatalogConfig['rules'] = {}): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const table of catalog.tables) {
    if (table.schema) found.push(...tableFindings(catalog.file, table as SchemaTable, answers, published));
  }
  return found
    .filter((diagnostic) => settings[diagnostic.ruleId] !== 'off')
    .filter((diagnostic) => !catalog.suppressions.some((suppression) => suppression.line === diagnostic.range.start.line && (suppression.rules.length === 0 || suppression.rules.includes(diagnostic.ruleId))))
    .map((diagnostic) => {
      const level = settings[diagnostic.ruleId];
      return level && level !== 'off' ? { ...diagnostic, severity: level } : diagnostic;
    });
}

function tableFindings(file: string, table: SchemaTable, answers: Answers, published: ReadonlyMap<string, PublishedVersion | null>): Diagnostic[] {
  const columns = presentColumns(table);
  const yearIndex = columns.find(({ column }) => column.type === 'year')?.index;
  const keyIndex = columnIndex(table, table.schema.key);
  const linkIndexes = columns.filter(({ column }) => column.type === 'link' || column.type === 'links').map(({ index }) => index);
  const found: Diagnostic[] = [];
  const report = (ruleId: string, range: Range, message: string, hint: string, extra: Partial<Diagnostic> = {}, severity?: Severity) =>
    found.push({ ruleId, severity: severity ?? SEVERITY.get(ruleId)!, message, hint, file, range, ...extra });

  table.rows.forEach((row, rowIndex) => {
    const papers: PaperLink[] = [];
    for (const index of linkIndexes) {
      const cell = row.cells[index];
      for (const link of cell?.links ?? []) {
        const id = paperIdOf(link.url);
        if (!id || !cell) continue;
        const answer = answers.get(id.key);
        if (answer?.kind === 'missing') {
          report('paper-exists', link.range, `${describe(id)} does not exist: ${answer.reason} (asked twice)`, 'Correct the identifier in the link, or link the paper where it is published');
        }
        papers.push({ link, cell, id, record: answer?.kind === 'found' ? answer.record : null });
      }
    }
    const known = papers.filter((paper): paper is PaperLink & { record: PaperRecord } => paper.record !== null);
    if (known.length === 0) return;

    const yearCell = yearIndex === undefined ? undefined : row.cells[yearIndex];
    checkYear(yearCell, known, report);

    for (const paper of known) {
      checkLabel(paper, papers, published.get(paper.id.key), (range, message, hint, fix) =>
        report('paper-label', range, message, hint, fix ? { fix: { table: table.index, row: rowIndex, column: paper.cell.index, replacement: fix } } : {}),
      );
      const nameCell = row.cells[keyIndex];
      const mismatch = nameCell ? identityMismatch(nameCell.text, paper.record) : null;
      if (mismatch) {
        report('paper-identity', paper.link.range, `${describe(paper.id)} is "${paper.record.title}"${mismatch}`, 'Link the paper this entry is about; if it is the right one under another name, say that name in the Name cell ("X (first called Y)") or suppress with <!-- catalog-disable-line paper-identity --> and why');
      }
      if (paper.id.registry === 'arxiv' && paper.record.comment && /\bwithdrawn\b/iu.test(paper.record.comment)) {
        report('paper-withdrawn', paper.link.range, `${describe(paper.id)} is withdrawn: arXiv's comment says "${paper.record.comment}"`, 'Link the version of the paper that stands, or drop the link');
      }
    }
  });
  return found;
}

type Report = (ruleId: string, range: Range, message: string, hint: string, extra?: Partial<Diagnostic>, severity?: Severity) => void;

/** Year against the dates of the row's papers: arXiv's first version, a DOI's `issued`. */
function checkYear(yearCell: Cell | undefined, known: (PaperLink & { record: PaperRecord })[], report: Report): void {
  const text = yearCell?.text.trim() ?? '';
  if (!yearCell || !/^\d{4}$/u.test(text)) return;
  const year = Number(text);
  const dated = known
    .filter((paper) => (paper.id.registry === 'arxiv' || paper.id.registry === 'doi') && paper.record.year !== null && paper.record.date !== null)
    .sort((a, b) => (a.record.date! < b.record.date! ? -1 : a.record.date! > b.record.date! ? 1 : 0));
  const earliest = dated[0];
  if (!earliest) return;
  const when = (paper: PaperLink & { record: PaperRecord }) => `${describe(paper.id)} ${paper.id.registry === 'arxiv' ? 'was first posted on' : 'was issued on'} ${paper.record.date}`;
  if (year > earliest.record.year!) {
    report('paper-year', yearCell.range, `Year ${year} is later than the earliest linked paper: ${when(earliest)}`, `Year is the year of the first public version: write ${earliest.record.year}`, { related: [{ message: when(earliest), range: earliest.link.range }] });
  } else if (year < earliest.record.year!) {
    report('paper-year', yearCell.range, `Year ${year} is earlier than every linked paper: the earliest, ${when(earliest)}`, 'Link the first public version (an earlier preprint?) or correct the Year', {}, 'warning');
  }
}

/** A paper link's label for a preprint: `arXiv`, or `arXiv 2020`. */
export const ARXIV_LABEL = /^arXiv(?: (\d{4}))?$/u;
const VENUE_LABEL = /^(.+?) (\d{4})$/u;

/** The label's year and venue against the linked record. */
function checkLabel(paper: PaperLink & { record: PaperRecord }, row: PaperLink[], published: PublishedVersion | null | undefined, report: (range: Range, message: string, hint: string, fix?: string) => void): void {
  const label = paper.link.text.trim();
  const { record, id } = paper;
  const arxivLabel = ARXIV_LABEL.exec(label);
  if (arxivLabel && id.registry === 'arxiv') {
    const labelYear = arxivLabel[1] === undefined ? null : Number(arxivLabel[1]);
    if (labelYear !== null && record.year !== null && labelYear !== record.year) {
      report(paper.link.range, `"${label}" names ${labelYear}, but ${describe(id)} was first posted on ${record.date}`, `Write "arXiv ${record.year}" (catalog format --fix-papers does it)`, labelFix(paper, record.year));
    }
    // A row that links the published version too labels that one with the venue.
    const venueLinked = row.some((other) => other !== paper && !ARXIV_LABEL.test(other.link.text.trim()));
    const evidence = venueLinked ? null : publishedEvidence(record, published);
    if (evidence) {
      report(paper.link.range, `"${label}" labels a preprint that has been published: ${evidence}`, 'Label the link with the venue and year (and link the published version) if that is the same paper; this is a suggestion, not a fix');
    }
    return;
  }
  const venueLabel = VENUE_LABEL.exec(label);
  if (venueLabel && !arxivLabel && id.registry !== 'arxiv' && record.year !== null && Number(venueLabel[2]) !== record.year) {
    const source = id.registry === 'doi' ? `was issued on ${record.date}` : `is listed in "${record.venue}"`;
    report(paper.link.range, `"${label}" names ${venueLabel[2]}, but ${describe(id)} ${source}${record.venue && id.registry === 'doi' ? ` in "${record.venue}"` : ''}`, `Write "${venueLabel[1]} ${record.year}" if the link is the right one`);
  }
}

/** Where the registry (arXiv's journal reference or DOI) or DBLP says the preprint was published. */
function publishedEvidence(record: PaperRecord, published: PublishedVersion | null | undefined): string | null {
  if (published) return `DBLP lists "${published.title}" in ${published.venue}${published.year ? ` ${published.year}` : ''}${published.doi ? ` (DOI ${published.doi})` : ''}`;
  if (record.venue) return `arXiv's journal reference says "${record.venue}"${record.doi ? ` (DOI ${record.doi})` : ''}`;
  if (record.doi) return `arXiv links it to DOI ${record.doi}`;
  return null;
}

/** The cell's source with the link's `[arXiv YYYY]` label given the right year, or undefined when the label is not written that plainly. */
function labelFix(paper: PaperLink, year: number): string | undefined {
  const start = paper.link.range.start.offset - paper.cell.range.start.offset;
  const end = paper.link.range.end.offset - paper.cell.range.start.offset;
  const written = paper.cell.source.slice(start, end);
  if (!/^\[arXiv \d{4}\]/u.test(written)) return undefined;
  return `${paper.cell.source.slice(0, start)}[arXiv ${year}]${written.slice('[arXiv 0000]'.length)}${paper.cell.source.slice(end)}`;
}

/**
 * Why the paper does not look like the entry's (null when it does): none of the entry's names
 * (the Name cell's text without its remarks, and the names the remarks give: "first called X",
 * "also X") occurs in the title or abstract, and no "X et al." names an author.
 */
export function identityMismatch(nameText: string, record: PaperRecord): string | null {
  if (!record.title) return null;
  const { names, surnames } = entryNames(nameText);
  if (names.length === 0 && surnames.length === 0) return null;
  const haystack = ` ${normalize(`${record.title} ${record.abstract ?? ''}`)} `;
  const compactHaystack = haystack.replace(/ /gu, '');
  const named = names.some((name) => haystack.includes(` ${name} `) || (name.replace(/ /gu, '').length >= 6 && compactHaystack.includes(name.replace(/ /gu, ''))));
  const families = new Set(record.authors.map((author) => normalize(author.family)));
  if (named || surnames.some((surname) => families.has(surname))) return null;
  const said = [...names.map((name) => `"${name}"`), ...surnames.map((surname) => `an author ${surname}`)].join(' or ');
  return `, which names neither ${said}${record.abstract ? ' (title and abstract read)' : ' (title read)'}`;
}

const ALIAS_PREFIX = /^(?:(?:first|also|originally|formerly|previously|later)\s+)?(?:called|named|known\s+as|aka)\s+|^(?:first|also|originally|formerly|previously|later)\s+/iu;

/** The names an entry goes by, and the surnames its "X et al." remarks give. */
export function entryNames(nameText: string): { names: string[]; surnames: string[] } {
  const names: string[] = [];
  const surnames: string[] = [];
  const main = nameText.replace(/\([^)]*\)/gu, ' ');
  if (normalize(main)) names.push(normalize(main));
  for (const [, remark] of nameText.matchAll(/\(([^)]*)\)/gu)) {
    for (const part of remark!.split(/[,;]|\bor\b|\band\b/u)) {
      const alias = part.trim().replace(ALIAS_PREFIX, '');
      const etAl = /^(\S+)\s+et\s+al\.?$/iu.exec(alias);
      if (etAl) surnames.push(normalize(etAl[1]!));
      else if (normalize(alias)) names.push(normalize(alias));
    }
  }
  return { names, surnames };
}

function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function describe(id: PaperId): string {
  return `${REGISTRY_NAMES[id.registry]} ${id.id}`;
}
