import type { Range } from './model.js';

export type Severity = 'error' | 'warning' | 'info';

/**
 * A mechanical fix, as data: replace one cell's source text. The writer applies
 * fixes by name (`catalog format` applies every fixable diagnostic), so a fix is
 * never a side effect of printing.
 */
export interface CellFix {
  table: number;
  /** Row index within the table's body rows. */
  row: number;
  column: number;
  /** The new source text of the cell. */
  replacement: string;
  /**
   * For a fix that only replaces links: each URL it replaces (as the link reads it) and the URL
   * it writes instead. The writer's proof checks that the cell changed in nothing else.
   */
  urls?: { from: string; to: string }[];
}

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  /** What is wrong, e.g. "Unexpected 4 cells, expected 5 (the header has 5 columns)". */
  message: string;
  /** How to fix it, e.g. "Add the missing cell, or run `npm run format-catalog` to pad the row". */
  hint: string;
  file: string;
  range: Range;
  /** Fixable diagnostics carry their fix; `catalog format` applies it. */
  fix?: CellFix;
  /** Other places involved (e.g. the first occurrence of a duplicate). */
  related?: { message: string; range: Range }[];
}
