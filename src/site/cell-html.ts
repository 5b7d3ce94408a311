// The HTML of every cell, rendered once per distinct source. The common plain forms (plain text,
// links to http(s) pages separated by ", ") are written directly, exactly as the unified pipeline
// would write them (a test compares the two); everything else goes through that pipeline.
import type { Cell } from '../catalog/model.js';
import { inlineHtml } from './render-markdown.js';

/** No markdown syntax, entity, autolink or line-break trigger, and nothing HTML would escape (& < >): the text is its own HTML. */
const PLAIN_TEXT = /^[^\\`*_<>&[\]!~|:@]*$/u;
const PLAIN_LABEL = /^[^\\`*_<>&[\]!~|]+$/u;
/** A URL that remark and the sanitizer keep byte for byte. */
const SIMPLE_URL = /^https?:\/\/(?:[\w\-.~:/?#@!$+,;=]|%[\dA-Fa-f]{2})+$/u;
const SIMPLE_LINK = /^\[([^\]]*)\]\(([^()\s]*)\)$/u;

/** The direct HTML of a plain cell, or undefined when the cell needs the full pipeline. */
export function plainCellHtml(source: string): string | undefined {
  if (PLAIN_TEXT.test(source) && !/www\./iu.test(source)) return source;
  const parts = source.split(', ');
  const links: string[] = [];
  for (const part of parts) {
    const link = SIMPLE_LINK.exec(part);
    if (!link || !PLAIN_LABEL.test(link[1]!) || link[1]!.trim() !== link[1] || !SIMPLE_URL.test(link[2]!)) return undefined;
    links.push(`<a href="${link[2]}">${link[1]}</a>`);
  }
  return links.join(', ');
}

export type CellHtml = (cell: Cell) => string;

/** A renderer that remembers the HTML of each distinct cell source. */
export function cellRenderer(): CellHtml {
  const rendered = new Map<string, string>();
  return (cell) => {
    let html = rendered.get(cell.source);
    if (html === undefined) {
      html = plainCellHtml(cell.source) ?? inlineHtml(cell.nodes);
      rendered.set(cell.source, html);
    }
    return html;
  };
}
