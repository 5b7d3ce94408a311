import { headingSlugs } from '../catalog/anchors.js';
import type { Catalog } from '../catalog/model.js';

export const TOC_START_MARKER = '<!-- catalog:toc -->';
export const TOC_END_MARKER = '<!-- catalog:toc:end -->';

export interface TableOfContentsSplice {
  /** Offset in `catalog.source` just after the start marker. */
  start: number;
  /** Offset in `catalog.source` of the end marker. */
  end: number;
  /** The text that belongs between the markers: the list, on lines of its own. */
  text: string;
  /** Lines between the markers that the list did not come from (neither blank nor one of its items): they are replaced too. */
  handWritten: number[];
}

/** Markers that enclose a table: the list would replace it, so nothing is formatted. */
export class TableOfContentsError extends Error {
  override name = 'TableOfContentsError';
}

// An item as tableOfContents writes it: `- [Heading](#anchor) (3 entries)`.
const GENERATED_ITEM = /^- \[.*\]\(#[^()\s]*\) \(\d+ entr(?:y|ies)\)$/u;

/**
 * The generated table of contents: one link per section that has a table, with its number of
 * entries, to put between `<!-- catalog:toc -->` and `<!-- catalog:toc:end -->` (each alone on
 * its line). Null when the file has no such pair of markers.
 */
export function tableOfContents(catalog: Catalog): TableOfContentsSplice | null {
  const markers = findMarkers(catalog);
  if (!markers) return null;
  const enclosed = catalog.tables.find((table) => table.range.start.offset < markers.end && table.range.end.offset > markers.start);
  if (enclosed) {
    throw new TableOfContentsError(
      `the table of contents markers (lines ${catalog.pointAt(markers.start).line}–${catalog.pointAt(markers.end).line}) enclose the table on line ${enclosed.header.line}, and format replaces everything between them: move ${TOC_END_MARKER} above the table`,
    );
  }
  const { eol } = catalog;
  const items = sectionsWithEntries(catalog).map(
    ({ heading, slug, entries }) => `- [${escapeLinkText(heading)}](#${slug}) (${entries} ${entries === 1 ? 'entry' : 'entries'})`,
  );
  // A blank line on each side of the list, as a maintainer would write it; one blank line when there is nothing to list.
  const text = items.length === 0 ? eol + eol : eol + eol + items.join(eol) + eol + eol;
  return { ...markers, text, handWritten: handWrittenLines(catalog, markers) };
}

/** The lines between the markers that are neither blank nor an item of a list this function wrote. */
function handWrittenLines(catalog: Catalog, { start, end }: { start: number; end: number }): number[] {
  const firstLine = catalog.pointAt(start).line;
  // The first piece is the rest of the start marker's line, the last the end marker's indentation.
  const pieces = catalog.source.slice(start, end).split(/\r\n|\r|\n/u).slice(1, -1);
  return pieces.flatMap((text, index) => (text.trim() === '' || GENERATED_ITEM.test(text.trim()) ? [] : [firstLine + 1 + index]));
}

/**
 * The markers are HTML comments alone on their lines, as remark reads them: the same text in a
 * code block or a code span is an example, not a marker.
 */
function findMarkers(catalog: Catalog): { start: number; end: number } | null {
  const aloneOnItsLine = ({ range }: Catalog['html'][number]) => {
    const lineStart = range.start.offset - range.start.column + 1;
    const lineEnd = catalog.source.slice(range.end.offset).search(/\r|\n|$/u) + range.end.offset;
    return catalog.source.slice(lineStart, lineEnd).trim() === catalog.source.slice(range.start.offset, range.end.offset).trim();
  };
  const isMarker = (marker: string) => (html: Catalog['html'][number]) => html.value.trim() === marker && aloneOnItsLine(html);
  const startMarker = catalog.html.find(isMarker(TOC_START_MARKER));
  if (!startMarker) return null;
  const endMarker = catalog.html.find((html) => html.range.start.offset > startMarker.range.end.offset && isMarker(TOC_END_MARKER)(html));
  return endMarker ? { start: startMarker.range.end.offset, end: endMarker.range.start.offset } : null;
}

interface TocItem {
  heading: string;
  slug: string;
  entries: number;
}

/** Sections in document order; tables under one heading add up; tables without a heading have no anchor. */
function sectionsWithEntries(catalog: Catalog): TocItem[] {
  const slugOfLine = headingSlugs(catalog.headings);
  const itemOfLine = new Map<number, TocItem>();
  for (const table of catalog.tables) {
    const slug = slugOfLine.get(table.section.line);
    if (slug === undefined) continue;
    const item = itemOfLine.get(table.section.line);
    if (item) item.entries += table.rows.length;
    else itemOfLine.set(table.section.line, { heading: table.section.heading, slug, entries: table.rows.length });
  }
  return [...itemOfLine.entries()].sort(([lineA], [lineB]) => lineA - lineB).map(([, item]) => item);
}

function escapeLinkText(text: string): string {
  return text.replace(/[\\[\]]/g, (character) => `\\${character}`);
}
