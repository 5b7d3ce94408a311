/** One value of a cell, with its place in the cell's source. */
export interface ListValue {
  value: string;
  start: number;
  end: number;
}

/**
 * The values of an enumeration cell: the whole source, or (for a `multiple` column) the
 * pieces between commas, each trimmed. Empty pieces are kept so `PyTorch, , JAX` can be reported.
 */
export function listValues(source: string, multiple: boolean): ListValue[] {
  if (source.trim() === '') return [];
  const pieces = multiple ? source.split(',') : [source];
  const values: ListValue[] = [];
  let pieceStart = 0;
  for (const piece of pieces) {
    const leading = piece.length - piece.trimStart().length;
    const value = piece.trim();
    const start = pieceStart + leading;
    values.push({ value, start, end: start + value.length });
    pieceStart += piece.length + 1;
  }
  return values;
}
