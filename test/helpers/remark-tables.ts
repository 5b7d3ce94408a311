import type { Root, TableCell } from 'mdast';
import { expect } from 'vitest';
import { toString } from 'mdast-util-to-string';
import type { Catalog } from '../../src/catalog/model.js';
import { markdownParser } from '../../src/catalog/read.js';

type CellView = [text: string, urls: string[]];

/** What remark itself sees: for each table, each row's cells as [plain text without blanks at its ends, link URLs]. */
export function remarkTables(source: string): CellView[][][] {
  const tree = markdownParser().parse(source.replace(/^\uFEFF/u, '')) as Root;
  const tables: CellView[][][] = [];
  const visit = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'table') {
      tables.push(
        (node.children as { children: TableCell[] }[]).map((row) =>
          row.children.map((cell): CellView => [toString(cell, { includeHtml: false }).replace(/^[ \t]+|[ \t]+$/gu, ''), urls(cell)]),
        ),
      );
      return;
    }
    node.children?.forEach((child) => visit(child as typeof node));
  };
  visit(tree);
  return tables;
}

function urls(node: { type: string; url?: string; children?: unknown[] }): string[] {
  if (node.type === 'link') return [node.url!];
  return (node.children ?? []).flatMap((child) => urls(child as typeof node));
}

/** The same view of the catalog model. */
export function ourTables(catalog: Catalog): CellView[][][] {
  return catalog.tables.map((table) =>
    [table.header, ...table.rows].map((row) => row.cells.map((cell): CellView => [cell.text, cell.links.map((link) => link.url)])),
  );
}

/**
 * The model reads every table, row and cell as remark does. remark drops cells beyond the
 * header and pads short rows, so cells are compared where remark has them.
 */
export function expectSameCellsAsRemark(source: string, catalog: Catalog): void {
  const expected = remarkTables(source);
  const actual = ourTables(catalog);
  expect(actual.length).toBe(expected.length);
  expected.forEach((table, t) => {
    expect(actual[t]!.length).toBe(table.length);
    table.forEach((row, r) => row.forEach((cell, c) => expect(actual[t]![r]![c] ?? ['', []]).toEqual(cell)));
  });
}
