import type { PhrasingContent } from 'mdast';

/** A place in the source: 1-based line and column (UTF-16 code units), 0-based offset. */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

export interface Range {
  start: Point;
  end: Point;
}

/** A link found in a cell (or, for `catalog links --all`, in prose). */
export interface Link {
  url: string;
  /** Plain text of the link's label. */
  text: string;
  /** Range of the whole link syntax, e.g. `[arXiv](https://…)`, or of the bare URL. */
  range: Range;
  /** Range of the URL itself inside the source (for rewriting it). */
  urlRange: Range | null;
}

export interface Cell {
  /** Column index, 0-based. */
  index: number;
  /** The cell's own source text, trimmed. Never re-serialized: the writer prints exactly this. */
  source: string;
  /** Range of `source` (zero-width for an empty cell). */
  range: Range;
  /** Plain text of the cell (mdast-util-to-string, HTML comments left out), without blanks at its ends. */
  text: string;
  links: Link[];
  /** The cell's mdast children, with document positions. */
  nodes: PhrasingContent[];
}

export interface Row {
  /** 1-based line of the row in the source. */
  line: number;
  /** Range of the whole line's content (without its line ending). */
  range: Range;
  /** Every cell counted from the source line, including cells beyond the header (remark-gfm drops those). */
  cells: Cell[];
  /**
   * The line holds no `|`: GFM reads it as a row only because it follows the table without a
   * blank line (prose, the `$$` that closes a math block). It is never sorted or padded.
   */
  pipeless?: true;
}

export type Align = 'left' | 'right' | 'center' | null;

export interface Section {
  /** Plain text of the nearest heading above the table ('' when there is none). */
  heading: string;
  /** The heading's text as GitHub makes its anchor from it: without images' alt text. */
  anchorText: string;
  depth: number;
  /** 1-based line of the heading (0 when there is none). */
  line: number;
}

export interface Table {
  /** 0-based position of the table in the document. */
  index: number;
  section: Section;
  header: Row;
  /** The delimiter row: its line, its range and the alignment of each column. */
  delimiter: { line: number; range: Range; align: Align[] };
  rows: Row[];
  /** From the first character of the header line to the end of the last row's content. */
  range: Range;
  /** The schema that describes this table, or null (generic mode: structure only). */
  schema: import('./config.js').TableSchema | null;
}

/** `<!-- catalog-disable-next-line rule -->` on its own line, or `<!-- catalog-disable-line rule -->` inside a row. */
export interface Suppression {
  /** The line the suppression applies to. */
  line: number;
  /** Rule ids; empty means every rule. */
  rules: string[];
  /** Where the comment itself is. */
  range: Range;
}

/** A paragraph outside tables (where a row that left its table ends up as raw pipes). */
export interface Paragraph {
  range: Range;
  /** The outermost block quote that holds the paragraph, or null. */
  blockQuote: Range | null;
}

export interface Catalog {
  file: string;
  source: string;
  /** The source starts with a byte order mark (kept by the writer). */
  bom: boolean;
  /** The line ending the file mostly uses. */
  eol: '\n' | '\r\n';
  tables: Table[];
  headings: Section[];
  suppressions: Suppression[];
  /** Links outside tables (prose), for `catalog links --all`. */
  proseLinks: Link[];
  /** HTML outside tables (blocks and inline), in document order: suppressions and the table of contents markers live here. */
  html: { value: string; range: Range }[];
  /** Paragraphs outside tables, in document order (code blocks and HTML are not paragraphs). */
  paragraphs: Paragraph[];
  /** Turns an offset into a Point. */
  pointAt(offset: number): Point;
}
