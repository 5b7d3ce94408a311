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
}

/**
 * The generated table of contents: one link per section that has a table, with its number of
 * entries, to put between `<!-- catalog:toc -->` and `<!-- catalog:toc:end -->` (each alone on
 * its line). Null when the file has no such pair of markers.
 */
export function tableOfContents(catalog: Catalog): TableOfContentsSplice | null {
  const markers = findMarkers(catalog);
  if (!markers) return null;
  const { eol } = catalog;
  const items = sectionsWithEntries(catalog).map(
    ({ heading, slug, entries }) => `- [${escapeLinkText(heading)}](#${slug}) (${entries} ${entries === 1 ? 'entry' : 'entries'})`,
  );
  // A blank line on each side of the list, as a maintainer would write it; one blank line when there is nothing to list.
  const text = items.length === 0 ? eol + eol : eol + eol + items.join(eol) + eol + eol;
  return { ...markers, text };
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
