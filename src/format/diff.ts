import { type ChangedBlock, type ChangedLines } from './changed-lines.js';
import { longestCommonSubsequence } from './lcs.js';

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

// Past this many edits a file is diffed block by block, and a block past it around its longest
// common subsequence: Myers' method, which jsdiff uses, costs time in proportion to the edits
// times the lines, and a table whose every row changes has as many edits as rows. Below it
// (every change a maintainer makes by hand), `check` prints the very diff `format --check` does.
const MAX_MYERS_EDITS = 100;
// A block whose lines repeat so much that more pairs of them match is shown as replaced whole.
const MAX_MATCHING_PAIRS = 1_000_000;
// Lines of unchanged text shown around each change, as jsdiff (and diff -u) shows them.
const CONTEXT = 4;

interface Part {
  kind: ' ' | '-' | '+';
  lines: readonly string[];
}

/**
 * The first `maxLines` lines of the unified diff that `unifiedDiff` prints (current →
 * formatted), and how many changed lines (`+` or `-`) it leaves out: `catalog check` shows a
 * readable part, `format --check` the whole diff. It costs what it prints: with few edits the
 * file is diffed whole, as `format --check` diffs it, which is then cheap; with many, the
 * blocks that `changed` found are diffed one by one until the printed lines are reached, and
 * of the blocks after those only the changed lines are counted.
 */
export async function cappedUnifiedDiff(file: string, changed: ChangedLines, maxLines: number): Promise<{ text: string; omitted: number }> {
  const { diffArrays } = await import('diff');
  const { before, after, blocks } = changed;
  const out = [`Index: ${file}`, '='.repeat(67), `--- ${file}\tcurrent`, `+++ ${file}\tformatted`];
  const hunks = new HunkWriter(out);
  let changedLines = 0;
  const add = (part: Part, last: boolean) => {
    if (part.kind !== ' ') changedLines += part.lines.length;
    hunks.add(part, last);
  };
  const whole = diffArrays(before, after, { maxEditLength: MAX_MYERS_EDITS });
  if (whole) {
    whole.forEach((change, index) => add(partOf(change), index === whole.length - 1));
    hunks.end();
    return firstLines(out, maxLines, changedLines);
  }
  let next = 0;
  let beforeAt = 0;
  for (; next < blocks.length && out.length <= maxLines; next++) {
    const block = blocks[next]!;
    add({ kind: ' ', lines: before.slice(beforeAt, block.before) }, false);
    for (const part of blockParts(block, before, after, diffArrays)) add(part, false);
    beforeAt = block.beforeEnd;
  }
  if (next === blocks.length) {
    add({ kind: ' ', lines: before.slice(beforeAt) }, true);
    hunks.end();
  }
  for (; next < blocks.length; next++) changedLines += changedLineCount(blocks[next]!, before, after);
  return firstLines(out, maxLines, changedLines);
}

/** The first `maxLines` lines of a diff, and how many of its `changedLines` they leave out. */
function firstLines(out: string[], maxLines: number, changedLines: number): { text: string; omitted: number } {
  if (out.length <= maxLines) return { text: `${out.join('\n')}\n`, omitted: 0 };
  const printed = out.slice(0, maxLines);
  // After the four lines that name the file, a line is a hunk's head, context, or a change.
  const changedPrinted = printed.slice(4).filter((line) => line.startsWith('+') || line.startsWith('-')).length;
  return { text: `${printed.join('\n')}\n`, omitted: changedLines - changedPrinted };
}

const partOf = (change: { added: boolean; removed: boolean; value: string[] }): Part => ({
  kind: change.added ? '+' : change.removed ? '-' : ' ',
  lines: change.value,
});

type DiffArrays = typeof import('diff').diffArrays;

/**
 * A block's lines as unchanged, removed and added parts: jsdiff's diff when its edits are few
 * enough for it to be cheap (their number is known from the longest common subsequence), else
 * the parts around that subsequence.
 */
function blockParts(block: ChangedBlock, before: readonly string[], after: readonly string[], diffArrays: DiffArrays): Part[] {
  const old = before.slice(block.before, block.beforeEnd);
  const now = after.slice(block.after, block.afterEnd);
  const pairs = longestCommonSubsequence(old, now, MAX_MATCHING_PAIRS) ?? [];
  if (old.length + now.length - 2 * pairs.length <= MAX_MYERS_EDITS) {
    const changes = diffArrays(old, now, { maxEditLength: MAX_MYERS_EDITS });
    if (changes) return changes.map(partOf);
  }
  const parts: Part[] = [];
  let oldAt = 0;
  let nowAt = 0;
  for (const [oldIndex, nowIndex] of [...pairs, [old.length, now.length] as [number, number]]) {
    if (oldIndex > oldAt) parts.push({ kind: '-', lines: old.slice(oldAt, oldIndex) });
    if (nowIndex > nowAt) parts.push({ kind: '+', lines: now.slice(nowAt, nowIndex) });
    const last = parts[parts.length - 1];
    if (oldIndex < old.length) {
      if (last?.kind === ' ') (last.lines as string[]).push(old[oldIndex]!);
      else parts.push({ kind: ' ', lines: [old[oldIndex]!] });
    }
    oldAt = oldIndex + 1;
    nowAt = nowIndex + 1;
  }
  return parts;
}

/** The number of lines a block removes and adds, from its longest common subsequence. */
function changedLineCount(block: ChangedBlock, before: readonly string[], after: readonly string[]): number {
  const old = before.slice(block.before, block.beforeEnd);
  const now = after.slice(block.after, block.afterEnd);
  const common = longestCommonSubsequence(old, now, MAX_MATCHING_PAIRS)?.length ?? 0;
  return old.length + now.length - 2 * common;
}

/**
 * Writes hunks as jsdiff's structuredPatch and formatPatch do, part by part: a hunk opens at a
 * change with the CONTEXT lines before it, takes in unchanged runs of up to twice CONTEXT lines,
 * and closes at a longer run, or at the end, with CONTEXT lines after its last change.
 */
class HunkWriter {
  private lines: string[] = [];
  private open = false;
  private beforeStart = 0;
  private afterStart = 0;
  /** The 1-based line numbers of the next line of each side. */
  private beforeLine = 1;
  private afterLine = 1;
  private previous: Part | undefined;

  constructor(private readonly out: string[]) {}

  /** `last`: the unchanged part that ends the file. */
  add(part: Part, last: boolean): void {
    if (part.lines.length === 0) return;
    if (part.kind === ' ') this.unchanged(part, last);
    else this.change(part);
    this.previous = part;
  }

  private change(part: Part): void {
    if (!this.open) {
      this.open = true;
      const context = this.previous?.kind === ' ' ? this.previous.lines.slice(-CONTEXT) : [];
      this.lines = context.map((line) => ` ${line}`);
      this.beforeStart = this.beforeLine - context.length;
      this.afterStart = this.afterLine - context.length;
    }
    for (const line of part.lines) this.lines.push(part.kind + line);
    if (part.kind === '+') this.afterLine += part.lines.length;
    else this.beforeLine += part.lines.length;
  }

  private unchanged(part: Part, last: boolean): void {
    if (this.open) {
      if (part.lines.length <= CONTEXT * 2 && !last) {
        for (const line of part.lines) this.lines.push(` ${line}`);
      } else {
        const context = part.lines.slice(0, CONTEXT);
        for (const line of context) this.lines.push(` ${line}`);
        this.close(context.length);
      }
    }
    this.beforeLine += part.lines.length;
    this.afterLine += part.lines.length;
  }

  /** Ends the open hunk (if any) at the end of the file. */
  end(): void {
    if (this.open) this.close(0);
  }

  private close(context: number): void {
    const beforeCount = this.beforeLine - this.beforeStart + context;
    const afterCount = this.afterLine - this.afterStart + context;
    // As in any unified diff, an empty side names the line before the change.
    this.out.push(`@@ -${this.beforeStart - (beforeCount === 0 ? 1 : 0)},${beforeCount} +${this.afterStart - (afterCount === 0 ? 1 : 0)},${afterCount} @@`);
    for (const line of this.lines) {
      if (line.endsWith('\n')) this.out.push(line.slice(0, -1));
      else this.out.push(line, '\\ No newline at end of file');
    }
    this.open = false;
    this.lines = [];
  }
}
