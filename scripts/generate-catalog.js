// A catalog of any size for the benchmarks, built from the real catalog's rows.
import { readFileSync } from 'node:fs';

/**
 * A catalog of `rows` rows built from the real catalog's rows, each made unique, in sorted order;
 * in one section, or cut into `sections` sections of consecutive rows (each still sorted).
 * With `tight`, its lines are written without spaces around the cells (`|a|b|`), so that
 * `catalog format` would rewrite every line of the table and nothing else.
 */
export function generateCatalog(realCatalogPath, rows, { tight = false, sections = 1 } = {}) {
  const real = readFileSync(realCatalogPath, 'utf8');
  // Body rows only: not a header, not a delimiter row.
  const templates = real.split('\n').filter((line) => /^\| \S/u.test(line) && !line.startsWith('| Name |') && !/^\| :?-/u.test(line));
  const lines = [];
  for (let index = 0; index < rows; index++) {
    const template = templates[index % templates.length];
    const cells = template.slice(1, -1).split(/(?<!\\)\|/u).map((cell) => cell.trim());
    const id = String(index).padStart(6, '0');
    cells[0] = `[System ${id}](https://github.com/example-org-${index % 97}/system-${id})`;
    cells[3] = cells[3] ? `[arXiv ${2015 + (index % 10)}](https://arxiv.org/abs/2101.${id})` : '';
    cells[5] = String(2015 + Math.floor((index * 10) / rows));
    // Else as `catalog format` writes it (an empty cell is `| |`), so the file starts out formatted.
    lines.push(`|${cells.map((cell) => (tight ? cell : cell === '' ? ' ' : ` ${cell} `)).join('|')}|`);
  }
  const names = ['Name', 'Description', 'Organization or author', 'Paper', 'Framework', 'Year', 'Search method'];
  const header = tight ? `|${names.join('|')}|\n|${names.map(() => '---').join('|')}|\n` : `| ${names.join(' | ')} |\n|${names.map(() => ' --- ').join('|')}|\n`;
  const size = Math.ceil(rows / sections);
  const parts = Array.from({ length: sections }, (_, index) => lines.slice(index * size, (index + 1) * size)).filter((part) => part.length > 0);
  const body = parts.map((part, index) => `## ${parts.length === 1 ? 'Methods' : `Methods ${index + 1}`}\n\n${header}${part.join('\n')}\n`).join('\n');
  return `# Generated catalog\n\nA catalog of ${rows} generated entries.\n\n${body}`;
}
