import type { Edit } from './splice.js';

/**
 * Lines as the diff counts them: each with its line ending (\n or \r\n; a lone \r stays inside
 * its line), the last one without, when the text does not end with a line ending. The same
 * lines as jsdiff's diffLines, so that both diffs print the same.
 */
export interface LineTokens {
  lines: string[];
  /** Offset of each line's first character. */
  starts: number[];
}

export function lineTokens(text: string): LineTokens {
  const lines: string[] = [];
  const starts: number[] = [];
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline + 1;
    starts.push(start);
    lines.push(text.slice(start, end));
    start = end;
  }
  return { lines, starts };
}

/** The index of the line that holds an offset (the number of lines for the end of a text that ends with a line ending). */
function lineAt({ starts, lines }: LineTokens, offset: number): number {
  if (lines.length === 0 || offset >= starts[lines.length - 1]! + lines[lines.length - 1]!.length) return lines.length;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Lines before[before, beforeEnd) became after[after, afterEnd): indexes into the line lists, ends excluded. */
export interface ChangedBlock {
  before: number;
  beforeEnd: number;
  after: number;
  afterEnd: number;
}

/** Two texts as lines, and the blocks where they differ: outside the blocks their lines are the same, in the same order. */
export interface ChangedLines {
  before: string[];
  after: string[];
  blocks: ChangedBlock[];
}

/**
 * Where `before` and `after` differ, found from the edits that made `after` out of `edited`
 * (`before` with its cells fixed: the same lines, some of them rewritten), in time linear in
 * the text: each edit's lines are a block, each line that a fix alone changed is one, and
 * every other line is checked to be the same on both sides. Should the edits not account for
 * every difference, the block is the whole span from the first differing line to the last.
 */
export function changedLines(before: string, after: string, edited: string, edits: readonly Edit[]): ChangedLines {
  const beforeLines = lineTokens(before);
  const afterLines = lineTokens(after);
  const editedLines = edited === before ? beforeLines : lineTokens(edited);
  const blocks =
    editedLines.lines.length === beforeLines.lines.length
      ? editBlocks(beforeLines.lines, afterLines.lines, editedLines, afterLines, edits)
      : null;
  const whole = { before: 0, beforeEnd: beforeLines.lines.length, after: 0, afterEnd: afterLines.lines.length };
  return {
    before: beforeLines.lines,
    after: afterLines.lines,
    blocks: (blocks ?? [whole]).map((block) => trimmed(block, beforeLines.lines, afterLines.lines)).filter(isChange),
  };
}

function editBlocks(before: string[], after: string[], edited: LineTokens, afterLines: LineTokens, edits: readonly Edit[]): ChangedBlock[] | null {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const blocks: ChangedBlock[] = [];
  let shift = 0;
  for (const edit of sorted) {
    const start = edit.start + shift;
    shift += edit.text.length - (edit.end - edit.start);
    // The lines that hold the edit's first and last character, on each side.
    const block = {
      before: lineAt(edited, edit.start),
      beforeEnd: Math.min(lineAt(edited, edit.end) + 1, before.length),
      after: lineAt(afterLines, start),
      afterEnd: Math.min(lineAt(afterLines, start + edit.text.length) + 1, after.length),
    };
    append(blocks, block);
  }
  // Between the blocks the lines pair up one to one; a pair that differs is a line a fix changed.
  const all: ChangedBlock[] = [];
  let beforeAt = 0;
  let afterAt = 0;
  for (const block of [...blocks, { before: before.length, beforeEnd: before.length, after: after.length, afterEnd: after.length }]) {
    if (block.before - beforeAt !== block.after - afterAt) return null;
    for (let offset = 0; beforeAt + offset < block.before; offset++) {
      if (before[beforeAt + offset] !== after[afterAt + offset]) {
        append(all, { before: beforeAt + offset, beforeEnd: beforeAt + offset + 1, after: afterAt + offset, afterEnd: afterAt + offset + 1 });
      }
    }
    if (isChange(block)) append(all, { ...block });
    beforeAt = block.beforeEnd;
    afterAt = block.afterEnd;
  }
  return all;
}

/** Adds a block to a list in order; one that overlaps or touches the last (two edits on one line, or on lines next to each other) joins it. */
function append(blocks: ChangedBlock[], block: ChangedBlock): void {
  const last = blocks[blocks.length - 1];
  if (last && block.before <= last.beforeEnd) {
    last.beforeEnd = Math.max(last.beforeEnd, block.beforeEnd);
    last.afterEnd = Math.max(last.afterEnd, block.afterEnd);
  } else {
    blocks.push(block);
  }
}

/** The block without the lines it starts and ends with that are the same on both sides. */
function trimmed(block: ChangedBlock, before: string[], after: string[]): ChangedBlock {
  let { before: start, after: afterStart, beforeEnd: end, afterEnd } = block;
  while (start < end && afterStart < afterEnd && before[start] === after[afterStart]) {
    start++;
    afterStart++;
  }
  while (end > start && afterEnd > afterStart && before[end - 1] === after[afterEnd - 1]) {
    end--;
    afterEnd--;
  }
  return { before: start, beforeEnd: end, after: afterStart, afterEnd };
}

const isChange = (block: ChangedBlock) => block.beforeEnd > block.before || block.afterEnd > block.after;
