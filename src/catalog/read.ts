import type { Heading, Html, Nodes, Root, Table as MdastTable } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { InlineReader, splitRow, type CellSlice, type InlineContent } from './cells.js';
import type { CatalogConfig, TableSchema } from './config.js';
import { checkNesting } from './limits.js';
import { LineIndex } from './lines.js';
import type { Align, Catalog, Cell, Link, Paragraph, Point, Range, Row, Section, Suppression, Table } from './model.js';
import { buildSkeleton, rowsCoverGaps } from './skeleton.js';

let processor: Processor<Root> | undefined;

/**
 * The one markdown parser: unified + remark-parse + GFM, as remark-gfm sets it up for parsing
 * (its syntax extension and its tree extension; remark-gfm also loads the code that writes GFM
 * back to markdown, which nothing here does: every command would parse it at start), and
 * remark-frontmatter: YAML front matter (`---` lines at the top) is data, never a table,
 * whatever lines it holds.
 */
export function markdownParser(): Processor<Root> {
  processor ??= unified()
    .use(remarkParse)
    .use(remarkFrontmatter)
    .use(function gfmParsing(this: Processor) {
      const data = this.data();
      (data.micromarkExtensions ??= []).push(gfm());
      (data.fromMarkdownExtensions ??= []).push(gfmFromMarkdown());
    })
    .freeze() as unknown as Processor<Root>;
  return processor;
}

export interface ReadInput {
  file: string;
  source: string;
  config: CatalogConfig;
  /** Parse the whole document with remark, table bodies included (the writer's proof reads this way). */
  exact?: boolean;
}

const BOM = '\uFEFF';
const NEXT_LINE_SUPPRESSION = /<!--\s*catalog-disable-next-line\b([^]*?)-->/gu;
const SAME_LINE_SUPPRESSION = /<!--\s*catalog-disable-line\b([^]*?)-->/gu;

/** Reads a markdown file into the catalog model: its tables with every cell's source position. */
export function readCatalog({ file, source, config, exact = false }: ReadInput): Catalog {
  const bom = source.startsWith(BOM);
  const body = bom ? source.slice(1) : source;
  const lines = new LineIndex(body, bom ? 1 : 0);
  checkNesting(lines);
  let parsed = parseSkeleton(lines, exact);
  if (!parsed.gapsAreRows) parsed = parseSkeleton(lines, true);
  const { tree, toDocument } = parsed;

  const headings: Section[] = [];
  const suppressions: Suppression[] = [];
  const proseLinks: Link[] = [];
  const html: Catalog['html'] = [];
  const paragraphs: Paragraph[] = [];
  // The walk visits parents first, so a block quote seen last and not yet ended holds what follows.
  let outerQuote: Range | null = null;
  const mdastTables: MdastTable[] = [];
  const definitionSources: string[] = [];
  const rangeOf = (node: Nodes): Range => ({
    start: lines.point(toDocument(node.position!.start.offset!)),
    end: lines.point(toDocument(node.position!.end.offset!)),
  });

  walk(tree, (node) => {
    // Nodes a plugin made without a position cannot be placed; their children may be.
    if (!node.position) return true;
    switch (node.type) {
      case 'table':
        mdastTables.push(node);
        return false;
      case 'heading':
        headings.push(sectionOf(node, rangeOf(node).start.line));
        // Inline HTML of a heading (`## <a name="x"></a>Title`) is HTML outside tables too.
        walk(node, (child) => {
          if (child.type === 'html' && child.position) html.push({ value: child.value, range: rangeOf(child) });
          return true;
        });
        return false;
      case 'html': {
        const range = rangeOf(node);
        html.push({ value: node.value, range });
        suppressions.push(...nextLineSuppressions(node, range));
        return false;
      }
      case 'definition': {
        const range = rangeOf(node);
        definitionSources.push(body.slice(range.start.offset - lines.base, range.end.offset - lines.base));
        proseLinks.push(linkAt(node.url, node.label ?? node.url, range, body, lines));
        return false;
      }
      case 'blockquote': {
        const range = rangeOf(node);
        if (!outerQuote || range.start.offset >= outerQuote.end.offset) outerQuote = range;
        return true;
      }
      case 'paragraph': {
        const range = rangeOf(node);
        const blockQuote = outerQuote && range.start.offset < outerQuote.end.offset ? outerQuote : null;
        paragraphs.push({ range, blockQuote });
        return true;
      }
      case 'link':
        proseLinks.push(linkAt(node.url, toString(node), rangeOf(node), body, lines));
        return false;
      default:
        return true;
    }
  });

  // First every row's cells as slices of their lines, then one parse for the cells that need one.
  const layouts = mdastTables.map((node) => {
    const firstLine = rangeOf(node).start.line;
    const lastLine = rangeOf(node).end.line;
    const headerStart = rangeOf(node.children[0]!).start;
    // In a block quote every row starts after its own `>` markers (as many as the header's);
    // plain indentation is skipped by splitRow.
    const quoteDepth = lines.line(firstLine).slice(0, headerStart.column - 1).split('>').length - 1;
    const quotePrefix = new RegExp(`^(?:[ \\t]{0,3}>[ \\t]?){${quoteDepth}}`, 'u');
    const rows = [rowSlices(firstLine, headerStart.offset - lines.base, lines)];
    for (let line = firstLine + 2; line <= lastLine; line++) {
      const prefixLength = quoteDepth === 0 ? 0 : (quotePrefix.exec(lines.line(line))?.[0].length ?? 0);
      rows.push(rowSlices(line, lines.starts[line - 1]! + prefixLength, lines));
    }
    return { node, firstLine, rows };
  });
  const inline = new InlineReader(markdownParser(), definitionSources.join('\n'));
  inline.prepare(layouts.flatMap(({ rows }) => rows.flatMap((row) => row.slices.map((slice) => body.slice(slice.start, slice.end)))));

  const tables = layouts.map(({ node, firstLine, rows: [headerSlices, ...rowsSlices] }, index) => {
    const header = rowAt(headerSlices!, lines, inline);
    const rows = rowsSlices.map((slices) => rowAt(slices, lines, inline));
    for (const row of rows) suppressions.push(...sameLineSuppressions(row));
    const delimiterLine = firstLine + 1;
    const delimiterRange = lineRange(delimiterLine, lines);
    const table: Table = {
      index,
      section: sectionAbove(headings, firstLine),
      header,
      delimiter: {
        line: delimiterLine,
        range: delimiterRange,
        align: (node.align ?? []).map((align): Align => align ?? null),
      },
      rows,
      range: { start: header.range.start, end: rows[rows.length - 1]?.range.end ?? delimiterRange.end },
      schema: null,
    };
    table.schema = schemaFor(table, config.tables);
    return table;
  });

  return {
    file,
    source,
    bom,
    eol: dominantLineEnding(body),
    tables,
    headings,
    suppressions,
    proseLinks,
    html,
    paragraphs,
    pointAt: (offset) => lines.point(offset - lines.base),
  };
}

interface ParsedSkeleton {
  tree: Root;
  /** Every line left out of the skeleton was a body row of a table. */
  gapsAreRows: boolean;
  /** Maps an offset of the skeleton text to an offset of the document body. */
  toDocument(offset: number): number;
}

function parseSkeleton(lines: LineIndex, whole: boolean): ParsedSkeleton {
  const skeleton = buildSkeleton(lines, whole);
  const tree = markdownParser().parse(skeleton.text);
  const skeletonLines = new LineIndex(skeleton.text);
  // micromark drops a byte order mark that starts its text and counts offsets after it: a second
  // one (the file's first is already cut off) would shift every position by one.
  const dropped = skeleton.text.startsWith(BOM) ? 1 : 0;
  const toDocument = (treeOffset: number) => {
    const offset = treeOffset + dropped;
    const line = skeletonLines.lineOf(offset);
    return lines.starts[skeleton.documentLines[line - 1]! - 1]! + offset - skeletonLines.starts[line - 1]!;
  };
  const tables: { delimiterLine: number; lastLine: number }[] = [];
  walk(tree, (node) => {
    if (node.type !== 'table') return true;
    const firstLine = lines.lineOf(toDocument(node.position!.start.offset!));
    tables.push({ delimiterLine: firstLine + 1, lastLine: lines.lineOf(toDocument(node.position!.end.offset!)) });
    return false;
  });
  return { tree, toDocument, gapsAreRows: rowsCoverGaps(skeleton.gaps, tables) };
}

function walk(node: Nodes, enter: (node: Nodes) => boolean): void {
  if (!enter(node)) return;
  if ('children' in node) for (const child of node.children) walk(child as Nodes, enter);
}

function sectionOf(node: Heading, line: number): Section {
  return {
    heading: toString(node, { includeHtml: false }).trim(),
    // Not trimmed: GitHub keeps the space before a trailing badge (`# Name [![badge](…)](…)` is `#name-`).
    anchorText: toString(node, { includeHtml: false, includeImageAlt: false }),
    depth: node.depth,
    line,
  };
}

/** The section a line belongs to: the last heading above it (none: an empty section at line 0). */
export function sectionAbove(headings: readonly Section[], line: number): Section {
  let section: Section = { heading: '', anchorText: '', depth: 0, line: 0 };
  for (const heading of headings) if (heading.line < line) section = heading;
  return section;
}

function lineRange(line: number, lines: LineIndex): Range {
  return { start: lines.point(lines.starts[line - 1]!), end: lines.point(lines.ends[line - 1]!) };
}

interface RowSlices {
  line: number;
  slices: CellSlice[];
}

function rowSlices(line: number, from: number, lines: LineIndex): RowSlices {
  const to = lines.ends[line - 1]!;
  return { line, slices: splitRow(lines.text, Math.min(from, to), to) };
}

function rowAt({ line, slices }: RowSlices, lines: LineIndex, inline: InlineReader): Row {
  const cells = slices.map((slice, index) => makeCell(index, lines.text.slice(slice.start, slice.end), lines.point(slice.start), inline));
  const row: Row = { line, range: lineRange(line, lines), cells };
  if (!lines.line(line).includes('|')) row.pipeless = true;
  return row;
}

function makeCell(index: number, source: string, start: Point, inline: InlineReader): Cell {
  const content: InlineContent = inline.read(source);
  const at = (relative: number): Point => ({ line: start.line, column: start.column + relative, offset: start.offset + relative });
  let nodes: Cell['nodes'] | undefined;
  return {
    index,
    source,
    range: { start, end: at(source.length) },
    // A comment at a cell's end leaves the space before it in the plain text ("Unity <!-- … -->").
    text: content.text.replace(/^[ \t]+|[ \t]+$/gu, ''),
    links: content.links.map((link) => ({
      url: link.url,
      text: link.text,
      range: { start: at(link.start), end: at(link.end) },
      urlRange: link.urlStart === null ? null : { start: at(link.urlStart), end: at(link.urlStart + link.url.length) },
    })),
    // The tree is built on first use: most rules need only the text and the links.
    get nodes() {
      nodes ??= placeNodes(content.nodes(), start);
      return nodes;
    },
  };
}

function placeNodes(nodes: Cell['nodes'], start: Point): Cell['nodes'] {
  const place = (node: { position?: { start: { column: number; offset?: number }; end: { column: number; offset?: number } }; children?: unknown[] }) => {
    if (node.position) {
      for (const point of [node.position.start, node.position.end] as { line?: number; column: number; offset?: number }[]) {
        point.line = start.line;
        point.offset = start.offset + (point.offset ?? point.column - 1);
        point.column = start.column + point.column - 1;
      }
    }
    node.children?.forEach((child) => place(child as typeof node));
  };
  nodes.forEach((node) => place(node));
  return nodes;
}

function linkAt(url: string, text: string, range: Range, body: string, lines: LineIndex): Link {
  const slice = body.slice(range.start.offset - lines.base, range.end.offset - lines.base);
  const at = slice.lastIndexOf(url);
  const urlStart = range.start.offset - lines.base + at;
  return {
    url,
    text,
    range,
    urlRange: at < 0 ? null : { start: lines.point(urlStart), end: lines.point(urlStart + url.length) },
  };
}

function ruleIds(text: string): string[] {
  return text.split(/[\s,]+/u).filter(Boolean);
}

function nextLineSuppressions(node: Html, range: Range): Suppression[] {
  return [...node.value.matchAll(NEXT_LINE_SUPPRESSION)].map((match) => ({
    line: range.end.line + 1,
    rules: ruleIds(match[1]!),
    range,
  }));
}

function sameLineSuppressions(row: Row): Suppression[] {
  return row.cells.flatMap((cell) =>
    cell.source.includes('catalog-disable-line')
      ? [...cell.source.matchAll(SAME_LINE_SUPPRESSION)].map((match) => ({ line: row.line, rules: ruleIds(match[1]!), range: cell.range }))
      : [],
  );
}

/** A schema describes a table named by its heading, or, without headings, any table whose header has the key column. */
/**
 * A schema that names no heading describes the tables whose header has its key column and at
 * least half of its columns: a table of another document with a "Name" column is not one of them.
 */
function sharesMostColumns(schema: TableSchema, header: string[]): boolean {
  const shared = schema.columns.filter((column) => header.includes(column.name.toLowerCase())).length;
  return shared * 2 >= schema.columns.length;
}

/**
 * The schema that describes a table: one that names the table's heading (or, naming none, whose
 * key column and most columns the header has). Where several do (two kinds of table under one heading), the one
 * whose columns are the header's; else the first, so that table-header can say what differs.
 */
function schemaFor(table: Table, schemas: TableSchema[]): TableSchema | null {
  const heading = table.section.heading.toLowerCase();
  const header = table.header.cells.map((cell) => cell.text.trim().toLowerCase());
  const candidates = schemas.filter((schema) =>
    schema.headings.length > 0
      ? schema.headings.some((name) => name.trim().toLowerCase() === heading)
      : header.includes(schema.key.toLowerCase()) && sharesMostColumns(schema, header),
  );
  const sameColumns = (schema: TableSchema) =>
    schema.columns.length === header.length && schema.columns.every((column, index) => column.name.toLowerCase() === header[index]);
  return candidates.find(sameColumns) ?? candidates[0] ?? null;
}

function dominantLineEnding(text: string): '\n' | '\r\n' {
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1 - crlf;
  return crlf > lf ? '\r\n' : '\n';
}
