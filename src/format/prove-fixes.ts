import type { PhrasingContent } from 'mdast';
import type { CellFix } from '../catalog/diagnostic.js';
import type { Catalog } from '../catalog/model.js';

/**
 * Checks that each fix that names its URLs (`CellFix.urls`) changed nothing but those URLs:
 * read again, its row has as many cells as before, and its cell is the cell it replaced with
 * those links pointing elsewhere, the same text, the same links, no new image or markup.
 * `before` and `after` are read exactly, `before` from the text without the fixes; fixes do
 * not move rows, so a cell is at the same table, row and column on both sides.
 */
export function proveUrlFixes(before: Catalog, after: Catalog, fixes: readonly CellFix[]): string[] {
  const problems: string[] = [];
  for (const [place, urls] of urlChangesByCell(fixes)) {
    const [table, row, column] = place.split(':').map(Number) as [number, number, number];
    const rowBefore = before.tables[table]?.rows[row];
    const rowAfter = after.tables[table]?.rows[row];
    const where = `line ${rowBefore?.line ?? '?'}`;
    if (!rowBefore || !rowAfter || rowAfter.cells.length !== rowBefore.cells.length) {
      problems.push(`${where}: the new address of a link would split its row`);
      continue;
    }
    const cellBefore = rowBefore.cells[column];
    const cellAfter = rowAfter.cells[column];
    if (!cellBefore || !cellAfter || shape(cellAfter.nodes, new Map()) !== shape(cellBefore.nodes, urls)) {
      problems.push(`${where}: the new address of a link would change more of its cell than the address`);
    }
  }
  return problems;
}

/**
 * Per cell (`table:row:column`), each URL of the original cell → the URL it ends as. A later
 * pass may fix a URL an earlier pass wrote (a redirect to a page that redirects again): the
 * changes are composed.
 */
function urlChangesByCell(fixes: readonly CellFix[]): Map<string, Map<string, string>> {
  const cells = new Map<string, Map<string, string>>();
  for (const fix of fixes) {
    if (!fix.urls) continue;
    const place = `${fix.table}:${fix.row}:${fix.column}`;
    const urls = cells.get(place) ?? new Map<string, string>();
    const step = new Map(fix.urls.map(({ from, to }) => [from, to]));
    for (const [original, current] of urls) urls.set(original, step.get(current) ?? current);
    for (const [from, to] of step) if (!urls.has(from)) urls.set(from, to);
    cells.set(place, urls);
  }
  return cells;
}

/** The cell's syntax tree without positions, each link's URL mapped through `urls` (and an autolink's text with it). */
function shape(nodes: readonly PhrasingContent[], urls: ReadonlyMap<string, string>): string {
  const map = (node: PhrasingContent): unknown => {
    const { position: _position, ...rest } = node as PhrasingContent & { position?: unknown };
    if (node.type !== 'link') return 'children' in rest ? { ...rest, children: (rest.children as PhrasingContent[]).map(map) } : rest;
    const url = urls.get(node.url) ?? node.url;
    const children = node.children.map((child) => (child.type === 'text' && child.value === node.url ? { type: 'text', value: url } : map(child)));
    return { ...rest, url, children };
  };
  return JSON.stringify(nodes.map(map), (_key, value: unknown) =>
    // Keys in one order: the two readers of a cell build the same node with its keys in different orders.
    typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1))) : value,
  );
}
