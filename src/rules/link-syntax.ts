import type { Cell, Link, Row } from '../catalog/model.js';
import { linkSpans, nodeSpans, type Span } from './cell-spans.js';
import { defineStructureRule, type Finding } from './define.js';
import { rangeInCell } from './positions.js';
import { looksLikeAddressWithoutScheme } from './url-kind.js';

export const linkSyntax = defineStructureRule(
  {
    id: 'link-syntax',
    severity: 'error',
    description: 'Links are well formed, with an absolute http(s) URL',
    fixable: false,
  },
  // Without a schema nothing says a cell holds links to other sites: `[**Name**] title` is a
  // label, not a link that lost its URL, and `[guide](docs/guide.md)` is a link within the
  // repository (`internal-link` checks it). Those are reported only in tables a schema describes.
  (table) => [table.header, ...table.rows].flatMap((row: Row) => row.cells.flatMap((cell) => checkCell(cell, table.schema !== null))),
);

function checkCell(cell: Cell, hasSchema: boolean): Finding[] {
  return [...cell.links.flatMap((link) => checkLink(link, cell, hasSchema)), ...brokenLinks(cell, hasSchema)];
}

function checkLink(link: Link, cell: Cell, hasSchema: boolean): Finding[] {
  const urlRange = link.urlRange ?? link.range;
  const url = link.url;
  const findings: Finding[] = [];
  if (url.trim() === '') {
    findings.push({
      range: link.range,
      message: `Unexpected empty URL in the link "${link.text}"`,
      hint: 'Put the address between the parentheses: [label](https://…)',
    });
  } else if (/\s/u.test(url)) {
    findings.push({ range: urlRange, message: `Unexpected space in the URL "${url}"`, hint: 'Remove the space, or encode it as %20' });
  } else if (!url.startsWith('#') && (hasSchema ? !isAbsoluteHttpUrl(url) : looksLikeAddressWithoutScheme(url))) {
    // A link to a heading of the file is `internal-link`'s to check.
    findings.push({
      range: urlRange,
      message: `Unexpected URL "${url}", expected an absolute http(s) URL`,
      hint: 'Write the full address, starting with https://',
    });
  }
  if (link.text.trim() === '' && !hasHtmlLabel(link, cell)) {
    findings.push({ range: link.range, message: `Unexpected link without a label to "${url}"`, hint: 'Write the label between the brackets: [label](url)' });
  }
  return findings;
}

/**
 * `[<img src="…">](url)`, `[![](badge.svg)](url)`: HTML or an image has no plain text (an image
 * may have no alt text), but it is a label (a button, a logo, a badge).
 */
function hasHtmlLabel(link: Link, cell: Cell): boolean {
  const written = cell.source.slice(link.range.start.offset - cell.range.start.offset, link.range.end.offset - cell.range.start.offset);
  return /^\[[^\]]*(<|!\[)/u.test(written);
}

function isAbsoluteHttpUrl(url: string): boolean {
  if (!/^https?:\/\//iu.test(url)) return false;
  try {
    return new URL(url).hostname !== '';
  } catch {
    return false;
  }
}

// Nodes whose brackets and parentheses are not link syntax gone wrong.
const OPAQUE_NODES = new Set(['link', 'linkReference', 'image', 'imageReference', 'inlineCode', 'html', 'footnoteReference']);
const MASK = '\0';

/**
 * Link syntax that markdown did not read as a link: `[label] (url)`, `[label](url` without
 * its ")", a URL with a space, a bare `[label]` (with `bareLabels`), and brackets or
 * parentheses left unbalanced. The cell is scanned with links, code, HTML and escaped
 * characters masked out.
 */
function brokenLinks(cell: Cell, bareLabels: boolean): Finding[] {
  if (!/[[\]()]/u.test(cell.source)) return [];
  const masked = maskOpaque(cell);
  const findings: Finding[] = [];
  const bracketPair = /\[[^[\]\0]*\]/gu;
  for (let match = bracketPair.exec(masked.text); match; match = bracketPair.exec(masked.text)) {
    const start = match.index;
    const span = brokenLink(cell, masked.text, start, start + match[0].length);
    if (span.bare && !bareLabels) {
      // Still masked, so that its brackets count as balanced.
      masked.hide({ start, end: span.end });
      bracketPair.lastIndex = span.end;
      continue;
    }
    findings.push({ range: rangeInCell(cell, span.start, span.end), message: span.message, hint: span.hint });
    masked.hide({ start, end: span.end });
    bracketPair.lastIndex = span.end;
  }
  const unbalanced = firstUnbalanced(masked.text);
  if (unbalanced !== null) {
    const char = masked.text[unbalanced]!;
    findings.push({
      range: rangeInCell(cell, unbalanced, unbalanced + 1),
      message: `Unbalanced "${char}" in the cell`,
      hint: `Add its ${'[('.includes(char) ? 'closing' : 'opening'} counterpart, or escape it as "\\${char}" if it is meant literally`,
    });
  }
  return findings;
}

function brokenLink(cell: Cell, text: string, start: number, afterLabel: number): Span & { message: string; hint: string; bare?: true } {
  const rest = text.slice(afterLabel);
  const label = cell.source.slice(start, afterLabel);
  const opening = /^[ \t]*\(/u.exec(rest);
  if (!opening) {
    return {
      start,
      end: afterLabel,
      bare: true,
      message: `Unexpected "${label}": it looks like a link without its URL`,
      hint: `Add the URL, ${label}(https://…), or escape the brackets as \\[…\\] if they are meant literally`,
    };
  }
  const close = text.indexOf(')', afterLabel + opening[0].length);
  const end = close < 0 ? cell.source.length : close + 1;
  const written = cell.source.slice(start, end);
  if (opening[0].length > 1) {
    return {
      start,
      end,
      message: `Unexpected space between "]" and "(" in "${written}": it is not read as a link`,
      hint: 'Remove the space: [label](url)',
    };
  }
  if (close < 0) {
    return { start, end, message: `Unclosed link "${written}": the URL lacks its closing ")"`, hint: 'Close the URL with ")"' };
  }
  if (/\s/u.test(cell.source.slice(afterLabel + 1, close))) {
    return { start, end, message: `Unexpected space in the URL of "${written}": it is not read as a link`, hint: 'Remove the space, or encode it as %20' };
  }
  return {
    start,
    end,
    message: `"${written}" is not read as a link`,
    hint: 'Check its brackets and parentheses; write a parenthesis inside the URL as %28 or %29',
  };
}

/** The cell's source with opaque nodes and escaped characters replaced by MASK (same length). */
function maskOpaque(cell: Cell): { text: string; hide(span: Span): void } {
  const units = cell.source.split('');
  // Joined again only after a change: the scan reads the text after every match.
  let text: string | null = null;
  const hide = (span: Span) => {
    units.fill(MASK, span.start, span.end);
    text = null;
  };
  linkSpans(cell).forEach(hide);
  // Links and references are in cell.links already; the other opaque nodes need one of these
  // characters, and walking the cell's tree (built on first use) is the costly part of this rule.
  if (/[`<!]|\[\^/u.test(cell.source)) nodeSpans(cell, (node) => OPAQUE_NODES.has(node.type)).forEach(hide);
  for (let index = 0; index < units.length; index++) {
    if (units[index] === '\\' && index + 1 < units.length && /[!-/:-@[-`{-~]/u.test(units[index + 1]!)) hide({ start: index, end: index + 2 });
  }
  return {
    get text() {
      return (text ??= units.join(''));
    },
    hide,
  };
}

/** Index of the first bracket or parenthesis without its counterpart, or null. */
function firstUnbalanced(text: string): number | null {
  const open: { char: string; index: number }[] = [];
  const pairs: Record<string, string> = { ']': '[', ')': '(' };
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '[' || char === '(') open.push({ char, index });
    else if (char === ']' || char === ')') {
      if (open[open.length - 1]?.char !== pairs[char]) return index;
      open.pop();
    }
  }
  return open[0]?.index ?? null;
}
