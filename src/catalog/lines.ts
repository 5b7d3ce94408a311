import type { Point } from './model.js';

/** Line starts of a text, with the same line endings micromark knows: \r\n, \n and \r. */
export class LineIndex {
  /** Offset of the first character of each line (index 0 = line 1). */
  readonly starts: number[];
  /** Offset just past each line's content (before its line ending). */
  readonly ends: number[];

  constructor(readonly text: string, readonly base = 0) {
    const starts = [0];
    const ends: number[] = [];
    const pattern = /\r\n|\r|\n/g;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      ends.push(match.index);
      starts.push(match.index + match[0].length);
    }
    ends.push(text.length);
    this.starts = starts;
    this.ends = ends;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The content of a 1-based line, without its line ending. */
  line(line: number): string {
    return this.text.slice(this.starts[line - 1], this.ends[line - 1]);
  }

  /** The 1-based line that holds an offset of `text`. */
  lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }

  /** A Point for an offset of `text`; its `offset` is shifted by `base` (the BOM, when there is one). */
  point(offset: number): Point {
    const line = this.lineOf(offset);
    return { line, column: offset - this.starts[line - 1]! + 1, offset: offset + this.base };
  }
}
