import type { Nodes } from 'mdast';
import type { Cell } from '../catalog/model.js';
import { indexInCell } from './positions.js';

/** A stretch of a cell's source: `cell.source.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/** Spans of the cell's nodes of the given types (not looking inside them). Nodes without a position are skipped. */
export function nodeSpans(cell: Cell, matches: (node: Nodes) => boolean): Span[] {
  const spans: Span[] = [];
  const visit = (node: Nodes) => {
    if (matches(node)) {
      const span = spanOf(cell, node);
      if (span) spans.push(span);
      return;
    }
    if ('children' in node) node.children.forEach((child) => visit(child as Nodes));
  };
  cell.nodes.forEach((node) => visit(node));
  return spans;
}

function spanOf(cell: Cell, node: Nodes): Span | null {
  if (!node.position) return null;
  const start = indexInCell(cell, node.position.start);
  const end = indexInCell(cell, node.position.end);
  return start >= 0 && end >= start ? { start, end } : null;
}

/** The spans of the cell's links, in source order. */
export function linkSpans(cell: Cell): Span[] {
  return cell.links
    .map((link) => ({ start: indexInCell(cell, link.range.start), end: indexInCell(cell, link.range.end) }))
    .filter((span) => span.start >= 0 && span.end >= span.start)
    .sort((a, b) => a.start - b.start);
}

/** HTML comments (suppression comments among them) say nothing about the cell's content. */
export function commentSpans(cell: Cell): Span[] {
  return nodeSpans(cell, (node) => node.type === 'html' && node.value.startsWith('<!--'));
}

/** The cell's source between `start` and `end` with the given spans left out. */
export function textOutside(source: string, start: number, end: number, spans: Span[]): string {
  let text = '';
  let at = start;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.end <= at || span.start >= end) continue;
    text += source.slice(at, Math.max(at, span.start));
    at = Math.max(at, span.end);
  }
  return text + source.slice(at, Math.max(at, end));
}
