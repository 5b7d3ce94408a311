/** A replacement of source[start, end) by text (offsets in the source, BOM included). */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping edits; everything outside them is kept byte for byte. */
export function splice(source: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const pieces: string[] = [];
  let last = 0;
  for (const edit of sorted) {
    if (edit.start < last) throw new Error(`overlapping edits at offset ${edit.start}`);
    pieces.push(source.slice(last, edit.start), edit.text);
    last = edit.end;
  }
  pieces.push(source.slice(last));
  return pieces.join('');
}
