/** The span of lines that differ between two texts: the first differing line, and how many lines each side has there. */
export interface ChangedSpan {
  /** 0-based index of the first line that differs. */
  start: number;
  removed: number;
  added: number;
}

/** Trims the common lines off both ends: linear, so it stays cheap on a table of 10,000 rows. */
export function changedSpan(before: string, after: string): ChangedSpan | null {
  if (before === after) return null;
  const linesBefore = before.split('\n');
  const linesAfter = after.split('\n');
  let start = 0;
  while (start < linesBefore.length && start < linesAfter.length && linesBefore[start] === linesAfter[start]) start++;
  let end = 0;
  while (
    end < linesBefore.length - start &&
    end < linesAfter.length - start &&
    linesBefore[linesBefore.length - 1 - end] === linesAfter[linesAfter.length - 1 - end]
  ) {
    end++;
  }
  return { start, removed: linesBefore.length - start - end, added: linesAfter.length - start - end };
}

// A minimal diff of a reordered table of thousands of rows can take the diff library many
// seconds; past this it gives up and the diff is one hunk over the changed span.
const DIFF_TIMEOUT_MS = 1500;

/** A unified diff (current → formatted) for `catalog format --check`. */
export async function unifiedDiff(file: string, before: string, after: string): Promise<string> {
  const { createTwoFilesPatch } = await import('diff');
  const patch = createTwoFilesPatch(file, file, before, after, 'current', 'formatted', { timeout: DIFF_TIMEOUT_MS });
  return patch ?? spanPatch(file, before, after);
}

function spanPatch(file: string, before: string, after: string): string {
  const span = changedSpan(before, after)!;
  const linesBefore = before.split('\n').slice(span.start, span.start + span.removed);
  const linesAfter = after.split('\n').slice(span.start, span.start + span.added);
  return [
    `--- ${file}\tcurrent`,
    `+++ ${file}\tformatted`,
    `@@ -${span.start + 1},${span.removed} +${span.start + 1},${span.added} @@`,
    ...linesBefore.map((line) => `-${line}`),
    ...linesAfter.map((line) => `+${line}`),
    '',
  ].join('\n');
}

/**
 * The first `maxLines` lines of a unified diff, and how many changed lines (`+` or `-`) it
 * leaves out: `catalog check` shows a readable part, `format --check` the whole diff.
 */
export function cappedDiff(patch: string, maxLines: number): { text: string; omitted: number } {
  const lines = patch.split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (lines.length <= maxLines) return { text: patch, omitted: 0 };
  const omitted = lines.slice(maxLines).filter((line) => /^[+-](?!\+\+ |-- )/u.test(line)).length;
  return { text: `${lines.slice(0, maxLines).join('\n')}\n`, omitted };
}
