import type { Link as MdastLink, Nodes, PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Processor } from 'unified';

/** A cell's place in a row: offsets of its trimmed text in the line's text. */
export interface CellSlice {
  start: number;
  end: number;
}

const isBlank = (char: string | undefined) => char === ' ' || char === '\t';

/**
 * Splits a table row the way GFM does: on every pipe not escaped by a backslash, code
 * spans included (a pipe in a code span still ends the cell). `from`/`to` bound the
 * row's content in `text`. Counting cells from the source keeps cells beyond the
 * header, which remark-gfm leaves out of its tree.
 */
export function splitRow(text: string, from: number, to: number): CellSlice[] {
  let start = from;
  let end = to;
  while (start < end && isBlank(text[start])) start++;
  while (end > start && isBlank(text[end - 1])) end--;
  if (text[start] === '|') start++;
  const raw: CellSlice[] = [];
  let cellStart = start;
  for (let index = start; index < end; index++) {
    const char = text[index];
    if (char === '\\' && (text[index + 1] === '|' || text[index + 1] === '\\') && index + 1 < end) {
      index++;
    } else if (char === '|') {
      raw.push({ start: cellStart, end: index });
      cellStart = index + 1;
    }
  }
  if (cellStart < end) raw.push({ start: cellStart, end });
  return raw.map(trimSlice(text));
}

function trimSlice(text: string) {
  return ({ start, end }: CellSlice): CellSlice => {
    const rawStart = start;
    while (start < end && isBlank(text[start])) start++;
    while (end > start && isBlank(text[end - 1])) end--;
    // An empty cell sits just after its opening pipe's space, where the text would go.
    if (start === end) start = end = Math.min(rawStart + 1, start);
    return { start, end };
  };
}

/** A link inside a cell, with offsets relative to the cell's first character. */
export interface RelativeLink {
  url: string;
  text: string;
  start: number;
  end: number;
  urlStart: number | null;
}

/** What a cell's inline markdown means, independent of where the cell is. */
export interface InlineContent {
  text: string;
  links: RelativeLink[];
  /** mdast children with positions relative to the cell (line 1, offset 0 = first character). */
  nodes(): PhrasingContent[];
}

// Text that micromark would read as plain text: no escapes, code, emphasis, links, HTML,
// entities, strikethrough, or GFM autolink literals. An underscore between two letters or
// digits is plain too: such an underscore can neither open nor close emphasis.
const PLAIN_CHARACTER = /(?:[^\\`*_[\]<>&!~@|]|(?<=[A-Za-z0-9])_(?=[A-Za-z0-9]))/u.source;
const PLAIN = new RegExp(`^${PLAIN_CHARACTER}*$`, 'u');
const AUTOLINK_LITERAL = /www\.|https?:\/\/|mailto:|xmpp:/iu;
// The inline forms read directly, each between plain text:
// - `[label](https://…)` with a plain label and a destination without spaces, parentheses or escapes;
// - a code span between single backticks whose code neither starts nor ends with a space (kept
//   as it is) and holds no backslash or pipe (a table cell treats `\|` in code specially);
// - an HTML comment `<!-- … -->` of words joined by spaces and single dashes.
const INLINE = new RegExp(
  [
    `\\[(?<label>${PLAIN_CHARACTER}*)\\]${/\((?<url>https?:\/\/[^\s()<>\\`|&]+)\)/u.source}`,
    /(?<!`)`(?<code>[^`\s\\|](?:[^`\\|]*[^`\s\\|])?)`(?!`)/u.source,
    /<!-- [^<>\s-]+(?:-[^<>\s-]+)*(?: [^<>\s-]+(?:-[^<>\s-]+)*)* -->/u.source,
  ].join('|'),
  'gu',
);

// micromark's event lists grow with the document and are spliced in place, so a few
// hundred cells per parse costs far less than one parse of thousands.
const CELLS_PER_PARSE = 128;

const isPlain = (text: string) => PLAIN.test(text) && !AUTOLINK_LITERAL.test(text);

/**
 * Reads cells' inline markdown. The common cells of a catalog (plain text, and links of
 * the plain `[label](https://…)` form separated by text) are read directly; any other
 * cell is parsed by remark once per distinct text and the result reused.
 */
export class InlineReader {
  private readonly cache = new Map<string, InlineContent>();

  constructor(
    private readonly processor: Processor<Root>,
    /** Link reference definitions of the document, so `[text][ref]` in a cell resolves. */
    private readonly definitions: string,
  ) {}

  /**
   * Parses, in one remark pass, every distinct cell text that is not read directly: the
   * texts become the rows of a one-column table, whose cells remark reads exactly as in
   * their own table (a cell's inline content does not depend on its neighbours).
   */
  prepare(sources: Iterable<string>): void {
    const pending: string[] = [];
    for (const source of new Set(sources)) {
      if (this.cache.has(source)) continue;
      const simple = readSimple(source);
      if (simple) this.cache.set(source, simple);
      else pending.push(source);
    }
    for (let start = 0; start < pending.length; start += CELLS_PER_PARSE) this.parseBatch(pending.slice(start, start + CELLS_PER_PARSE));
  }

  private parseBatch(pending: string[]): void {
    // The padding spaces keep a trailing backslash from escaping the closing pipe.
    const rows = pending.map((source) => `| ${source} |`).join('\n');
    const document = `| cell |\n| - |\n${rows}\n${this.definitions ? `\n${this.definitions}\n` : ''}`;
    const root = this.processor.parse(document);
    const table = root.children[0];
    const definitions = new Map<string, string>();
    for (const node of root.children) if (node.type === 'definition') definitions.set(node.identifier, node.url);
    pending.forEach((source, index) => {
      const row = table?.type === 'table' ? table.children[index + 1] : undefined;
      const cell = row?.children[0];
      const rowStart = row?.position?.start.offset;
      if (!cell || rowStart === undefined) {
        this.cache.set(source, plainContent(source));
        return;
      }
      const children = cell.children;
      relativePositions(children, rowStart + 2);
      const links: RelativeLink[] = [];
      collectLinks(children, source, definitions, links);
      this.cache.set(source, { text: plainText(children), links, nodes: () => structuredClone(children) });
    });
  }

  read(source: string): InlineContent {
    let content = this.cache.get(source);
    if (!content) {
      this.prepare([source]);
      content = this.cache.get(source)!;
    }
    return content;
  }
}

function plainText(nodes: Nodes[]): string {
  return nodes.map((node) => toString(node, { includeHtml: false })).join('');
}

function plainContent(source: string): InlineContent {
  return {
    text: source,
    links: [],
    nodes: () => (source ? [textNode(source, 0)] : []),
  };
}

function readSimple(source: string): InlineContent | null {
  if (isPlain(source)) return plainContent(source);
  const links: RelativeLink[] = [];
  const parts: PhrasingContent[] = [];
  let text = '';
  let last = 0;
  const addGap = (end: number): boolean => {
    const gap = source.slice(last, end);
    if (!isPlain(gap)) return false;
    if (gap) parts.push(textNode(gap, last));
    text += gap;
    return true;
  };
  for (const match of source.matchAll(INLINE)) {
    const [whole] = match;
    const { label, url, code } = match.groups!;
    const start = match.index;
    const end = start + whole.length;
    if (!addGap(start)) return null;
    if (url !== undefined) {
      if (AUTOLINK_LITERAL.test(label!)) return null;
      links.push({ url, text: label!, start, end, urlStart: end - 1 - url.length });
      parts.push(linkNode(url, label!, start, end));
      text += label;
    } else if (code !== undefined) {
      parts.push({ type: 'inlineCode', value: code, position: position(start, end) });
      text += code;
    } else {
      // HTML is no part of a cell's plain text.
      parts.push({ type: 'html', value: whole, position: position(start, end) });
    }
    last = end;
  }
  if (parts.length === 0 || !addGap(source.length)) return null;
  return { text, links, nodes: () => structuredClone(parts) };
}

function position(start: number, end: number) {
  return {
    start: { line: 1, column: start + 1, offset: start },
    end: { line: 1, column: end + 1, offset: end },
  };
}

function textNode(value: string, start: number): PhrasingContent {
  return { type: 'text', value, position: position(start, start + value.length) };
}

function linkNode(url: string, label: string, start: number, end: number): MdastLink {
  return {
    type: 'link',
    url,
    title: null,
    children: label ? [textNode(label, start + 1) as MdastLink['children'][number]] : [],
    position: position(start, end),
  };
}

/** Makes positions relative to the cell: offset 0 and column 1 at its first character, on line 1. */
function relativePositions(nodes: Nodes[], cellStart: number): void {
  for (const node of nodes) {
    const place = node.position;
    if (place) {
      const start = (place.start.offset ?? cellStart) - cellStart;
      const end = (place.end.offset ?? cellStart) - cellStart;
      place.start = { line: 1, column: start + 1, offset: start };
      place.end = { line: 1, column: end + 1, offset: end };
    }
    if ('children' in node) relativePositions(node.children as Nodes[], cellStart);
  }
}

function collectLinks(nodes: Nodes[], source: string, definitions: Map<string, string>, links: RelativeLink[]): void {
  for (const node of nodes) {
    if (node.type === 'link' || node.type === 'linkReference') {
      const url = node.type === 'link' ? node.url : definitions.get(node.identifier);
      const start = node.position?.start.offset ?? 0;
      const end = node.position?.end.offset ?? source.length;
      if (url !== undefined) {
        const at = source.slice(start, end).lastIndexOf(url);
        links.push({ url, text: toString(node, { includeHtml: false }), start, end, urlStart: at < 0 ? null : start + at });
      }
    }
    if ('children' in node) collectLinks(node.children as Nodes[], source, definitions, links);
  }
}
