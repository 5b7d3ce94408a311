import type { LineIndex } from './lines.js';

/**
 * A copy of the document in which each run of body rows of a pipe table is one row, `|`, so
 * that remark builds a tree for the prose, headings and table heads only, however long the
 * tables and whatever their cells hold. The rows are read by the cell reader straight from
 * their source lines.
 *
 * A line is a candidate only when it cannot change the structure around it: it starts with a
 * pipe (no block starts with one, so in a table body it is always one more row), is not a
 * delimiter row, does not head one, and follows a pipe line indented exactly as it is. The
 * stand-in keeps its indentation, so it stays in the same container (a list item, say), and a
 * row's content never reaches the next line. Whether each run really sat inside one table is
 * checked after parsing (`rowsCoverGaps`); when it did not, the document is parsed whole.
 */
export interface Skeleton {
  text: string;
  /** For each skeleton line (index 0 = line 1), the document line it came from (a stand-in: the last line of its run). */
  documentLines: number[];
  /** Runs of document lines replaced by one stand-in row, as [first, last] (1-based, inclusive). */
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
  const replaceable = (line: number) =>
    !whole &&
    line > 1 &&
    isPipe[line - 1]! &&
    isPipe[line - 2]! &&
    indent[line - 2] === indent[line - 1] &&
    !isDelimiter[line - 1]! &&
    !isDelimiter[line]!;
  // The line with its own line ending, so CRLF stays CRLF.
  const withEnding = (line: number) => text.slice(lines.starts[line - 1], line < count ? lines.starts[line] : text.length);

  const pieces: string[] = [];
  const documentLines: number[] = [];
  const gaps: [number, number][] = [];
  for (let line = 1; line <= count; line++) {
    if (!replaceable(line)) {
      pieces.push(withEnding(line));
      documentLines.push(line);
      continue;
    }
    const first = line;
    while (line < count && replaceable(line + 1)) line++;
    pieces.push(`${indent[line - 1]}|${withEnding(line).slice(lines.ends[line - 1]! - lines.starts[line - 1]!)}`);
    documentLines.push(line);
    gaps.push([first, line]);
  }
  return { text: pieces.join(''), documentLines, gaps };
}

/** True when every run replaced lies inside the body of one table (document lines). */
export function rowsCoverGaps(gaps: [number, number][], tables: { delimiterLine: number; lastLine: number }[]): boolean {
  return gaps.every(([first, last]) => tables.some((table) => table.delimiterLine <= first - 1 && last <= table.lastLine));
}
