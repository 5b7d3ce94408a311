/**
 * A longest common subsequence of two lists of lines, by Hunt and Szymanski's method: the
 * lines of `after` that equal a line of `before` are visited once each, so the cost grows with
 * the number of such matching pairs, not with the number of lines that differ. Myers' diff
 * (jsdiff) costs time in proportion to the edits times the lines: on a table of 10,000 rows
 * whose every row changes, seconds; this, a few milliseconds, since rows hardly repeat.
 *
 * Returns the pairs [index in before, index in after] in order, or null when more than
 * `maxMatches` pairs match (lines that repeat a lot: a cost the caller would rather not pay).
 */
export function longestCommonSubsequence(before: readonly string[], after: readonly string[], maxMatches: number): [number, number][] | null {
  const positions = new Map<string, number[]>();
  for (let index = after.length - 1; index >= 0; index--) {
    const list = positions.get(after[index]!);
    // Each list is built in descending order, the order the method visits them in.
    if (list) list.push(index);
    else positions.set(after[index]!, [index]);
  }
  let matches = 0;
  for (const line of before) matches += positions.get(line)?.length ?? 0;
  if (matches > maxMatches) return null;

  interface Match {
    before: number;
    after: number;
    previous: Match | undefined;
  }
  // ends[k]: the match with the smallest `after` index that ends a common subsequence of length k + 1.
  const ends: Match[] = [];
  for (let index = 0; index < before.length; index++) {
    for (const position of positions.get(before[index]!) ?? []) {
      let low = 0;
      let high = ends.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (ends[middle]!.after < position) low = middle + 1;
        else high = middle;
      }
      ends[low] = { before: index, after: position, previous: low > 0 ? ends[low - 1] : undefined };
    }
  }
  const pairs: [number, number][] = [];
  for (let match = ends[ends.length - 1]; match; match = match.previous) pairs.push([match.before, match.after]);
  return pairs.reverse();
}
