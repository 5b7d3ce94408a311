import type { RawColumn } from './raw-config.js';
import type { Inference } from './infer.js';

/** What `catalog init` tells the maintainer: each schema, its columns, and what to do next. */
export function initSummary(inference: Inference, configFile: string, listFile: string): string {
  const tableCount = inference.schemas.reduce((sum, schema) => sum + schema.tables.length, 0);
  const rowCount = inference.schemas.reduce((sum, schema) => sum + schema.tables.reduce((rows, table) => rows + table.rows.length, 0), 0);
  const lines = [`Wrote ${configFile}: ${count(inference.schemas.length, 'schema')} for ${count(tableCount, 'table')} (${count(rowCount, 'row')}) of ${listFile}.`];
  for (const { schema, tables, unsorted } of inference.schemas) {
    const notYet = unsorted.length === 0 ? '' : ` (${unsorted.length} of ${count(tables.length, 'table')} not yet: ${unsorted.slice(0, 5).map((table) => `line ${table.header.line}`).join(', ')}${unsorted.length > 5 ? ', …' : ''}; lint's sorted rule reports their rows)`;
    const order = schema.sortBy.length > 0 ? `sorted by ${schema.sortBy.join(', ')}${notYet}` : 'rows kept in their order';
    lines.push(`  "${schema.name}" (${count(tables.length, 'table')}): key ${schema.key}, ${order}`);
    const width = Math.max(...schema.columns.map((column) => column.name.length));
    for (const column of schema.columns) lines.push(`    ${column.name.padEnd(width)}  ${describeColumn(column)}`);
  }
  const { aligned, tables } = inference.alignedTables;
  lines.push(
    inference.config.style === 'aligned'
      ? `  Style aligned ("style": "aligned"): ${aligned} of ${count(tables, 'table')} pad their cells so that the pipes line up; format keeps a line that is aligned as it is.`
      : `  Style compact ("style": "compact"): ${aligned === 0 ? 'no table' : `only ${aligned} of ${count(tables, 'table')}`} pads its cells to line the pipes up.`,
  );
  for (const { table, reason } of inference.skipped) lines.push(`  The table on line ${table.header.line} has no schema: ${reason}.`);
  for (const { schema, repeatedKey } of inference.schemas) {
    if (repeatedKey) {
      lines.push(
        `  "${schema.name}" allows cross-listings ("crossListing": true): entries are listed under several headings ("${repeatedKey.key}" on lines ${repeatedKey.lines.join(', ')}); duplicate-entry still reports a repeat within one table.`,
      );
    }
  }
  for (const { sharedLinks } of inference.schemas) {
    for (const { column, url, lines: [first, second] } of sharedLinks) {
      lines.push(`  "${column}" links may repeat ("sharedLinks": true): lines ${first} and ${second} both link to ${url}; check that it is meant.`);
    }
  }
  const venueYear = inference.schemas.find((schema) => schema.venueYear)?.venueYear;
  if (venueYear) {
    lines.push(`  year-matches-paper is off: Year is a venue's year here (line ${venueYear.line}: ${venueYear.year}, its arXiv preprint ${venueYear.preprintYear}).`);
  }
  const hedge = inference.schemas.find((schema) => schema.hedge)?.hedge;
  if (hedge) {
    lines.push(`  no-hedge is off: the list's text cells hold its phrases as words (line ${hedge.line}, "${hedge.column}": "${hedge.phrase}").`);
  }
  lines.push(`Next: \`catalog lint ${listFile}\` reports what does not fit; edit ${configFile} to tighten it (see the README's Configuration).`);
  return `${lines.join('\n')}\n`;
}

function describeColumn(column: RawColumn): string {
  const parts: string[] = [column.type];
  if (column.type === 'link' && column.allowPlainText) parts[0] = 'link or plain text';
  if (column.type === 'enumeration') {
    const variants = Object.keys(column.aliases ?? {}).length;
    parts[0] = `enumeration of ${count(column.values!.length, 'value')}${column.multiple ? ', several per cell' : ''}${variants > 0 ? `, ${count(variants, 'variant spelling')}` : ''}`;
  }
  if (column.type === 'links' && column.separator) parts.push(`separated by "${column.separator}"`);
  if (column.required) parts.push('required');
  return parts.join(', ');
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}
