import type { LineIndex } from './lines.js';

/** Markdown the reader refuses to read, with the limit it passes: a one-line reason for the user. */
export class MarkdownLimitError extends Error {
  override name = 'MarkdownLimitError';
}

/**
 * How many block quotes and list items one line may open. Real lists nest a handful; the
 * parser and every walk over its tree recurse once per level, and some thousands of levels
 * overflow the stack (50,000 `>` did), so the reader refuses far short of that.
 */
export const MAX_NESTING = 500;

const QUOTE = 0x3e;
const SPACE = 0x20;
const TAB = 0x09;

/**
 * Throws a MarkdownLimitError naming the first line that nests deeper than MAX_NESTING: its
 * block quote and list markers counted one each, and its indentation before the last marker
 * counted one level per two columns (the least a nested list item indents by).
 */
export function checkNesting(lines: LineIndex): void {
  const text = lines.text;
  for (let line = 1; line <= lines.lineCount; line++) {
    const start = lines.starts[line - 1]!;
    const end = lines.ends[line - 1]!;
    // Most lines start with text: nothing to count.
    const first = text.charCodeAt(start);
    if (first !== SPACE && first !== TAB && first !== QUOTE && !isListMarker(text, start, end)) continue;
    let markers = 0;
    let width = 0;
    let position = start;
    while (position < end) {
      const code = text.charCodeAt(position);
      if (code === SPACE || code === TAB) {
        position++;
        continue;
      }
      const marker = code === QUOTE ? 1 : isListMarker(text, position, end);
      if (marker === 0) break;
      position += marker;
      markers++;
      width = position - start;
    }
    const depth = Math.max(markers, Math.ceil(width / 2));
    if (depth > MAX_NESTING) {
      throw new MarkdownLimitError(
        `line ${line} nests about ${depth.toLocaleString('en-US')} block quotes or list items; at most ${MAX_NESTING} can be read (deeper nesting overflows the markdown parser)`,
      );
    }
  }
}

/** The length of a list marker (`-`, `+`, `*`, `1.`, `1)`) followed by a blank or the line's end at `position`, else 0. */
function isListMarker(text: string, position: number, end: number): number {
  const code = text.charCodeAt(position);
  let length = 0;
  if (code === 0x2d || code === 0x2b || code === 0x2a) {
    length = 1;
  } else {
    while (length < 9 && position + length < end && text.charCodeAt(position + length) >= 0x30 && text.charCodeAt(position + length) <= 0x39) length++;
    const delimiter = text.charCodeAt(position + length);
    if (length === 0 || (delimiter !== 0x2e && delimiter !== 0x29)) return 0;
    length++;
  }
  const after = position + length;
  return after >= end || text.charCodeAt(after) === SPACE || text.charCodeAt(after) === TAB ? length : 0;
}
