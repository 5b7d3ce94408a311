import type { LineIndex } from './lines.js';

/**
 * A copy of the document without the inner body rows of pipe tables, so that remark
 * builds a tree for the prose, headings and table heads only, however long the tables.
 * The rows left out are read by the cell reader straight from their source lines.
 *
 * A line is left out only when it cannot change the structure around it: it starts with
 * a pipe (no block starts with one), holds no `>` (nothing it holds can end an HTML
 * block), is not a delimiter row, does not head one, and has pipe lines on both sides
 * indented exactly as it is (so it stays in the same container, a list item say).
 * Whether each run left out really sat inside one table is checked after parsing
 * (`rowsCoverGaps`); when it did not, the document is parsed whole.
 */
export interface Skeleton {
  text: string;
  /** For each skeleton line (index 0 = line 1), the document line it came from. */
  documentLines: number[];
  /** Runs of document lines left out, as [first, last] (1-based, inclusive). */
  gaps: [number, number][];
}

const PIPE_LINE = /^ {0,3}\|/u;
const DELIMITER_LIKE = /^[ \t]*[|:\-][|:\- \t]*$/u;

/** A line made only of pipes, colons, dashes and blanks, with a dash and a pipe: a delimiter row, or a broken one. */
export function isDelimiterLike(line: string): boolean {
  return DELIMITER_LIKE.test(line) && line.includes('-') && line.includes('|');
}

export function buildSkeleton(lines: LineIndex, whole: boolean): Skeleton {
  const count = lines.lineCount;
  const text = lines.text;
  const isPipe: boolean[] = [];
  const isDelimiter: boolean[] = [];
  const indent: string[] = [];
  for (let line = 1; line <= count; line++) {
    const content = lines.line(line);
    isPipe.push(PIPE_LINE.test(content));
    isDelimiter.push(isPipe[line - 1]! && isDelimiterLike(content));
    indent.push(isPipe[line - 1]! ? content.slice(0, content.indexOf('|')) : '');
  }
  const removable = (line: number) =>
    !whole &&
    line > 1 &&
    line < count &&
    isPipe[line - 1]! &&
    isPipe[line - 2]! &&
    isPipe[line]! &&
    indent[line - 2] === indent[line - 1] &&
    indent[line] === indent[line - 1] &&
    !isDelimiter[line - 1]! &&
    !isDelimiter[line]! &&
    !lines.line(line).includes('>');

  const pieces: string[] = [];
  const documentLines: number[] = [];
  const gaps: [number, number][] = [];
  for (let line = 1; line <= count; line++) {
    if (removable(line)) {
      const lastGap = gaps[gaps.length - 1];
      if (lastGap && lastGap[1] === line - 1) lastGap[1] = line;
      else gaps.push([line, line]);
      continue;
    }
    // The line with its own line ending, so CRLF stays CRLF.
    pieces.push(text.slice(lines.starts[line - 1], line < count ? lines.starts[line] : text.length));
    documentLines.push(line);
  }
  return { text: pieces.join(''), documentLines, gaps };
}

/** True when every run left out lies strictly inside the body of one table (document lines). */
export function rowsCoverGaps(gaps: [number, number][], tables: { delimiterLine: number; lastLine: number }[]): boolean {
  return gaps.every(([first, last]) =>
    tables.some((table) => table.delimiterLine <= first - 1 && last + 1 <= table.lastLine),
  );
}
