import type { Diagnostic } from '../catalog/diagnostic.js';
import type { Range } from '../catalog/model.js';
import { configLine, type CheckedFile } from './checked-file.js';

/** `5:3-5:9`, or `5:3` for a zero-width place. */
function formatRange(range: Range): string {
  const start = `${range.start.line}:${range.start.column}`;
  if (range.end.line === range.start.line && range.end.column === range.start.column) return start;
  return `${start}-${range.end.line}:${range.end.column}`;
}

/**
 * The report for people: the config used, then per file one line per diagnostic (place,
 * severity, message, rule id) and the hint on the line below it, then a count. A file
 * without tables or findings is named as having nothing to check; the other files without diagnostics
 * are named only when nothing at all was found.
 */
export function formatStylish(diagnostics: readonly Diagnostic[], files: readonly CheckedFile[]): string {
  // A file without tables whose lines still drew findings (rows that lost their table) is not "nothing to check".
  const withFindings = new Set(diagnostics.map((diagnostic) => diagnostic.file));
  const head = [
    configLine(files),
    ...files.filter((file) => file.tables === 0 && !withFindings.has(file.file)).map((file) => `${file.file}: no tables, nothing to check`),
  ];
  if (diagnostics.length === 0) {
    const checked = files.filter((file) => file.tables > 0).map((file) => file.file);
    return `${[...head, ...(checked.length ? [`${checked.join(', ')}: no problems found`] : [])].join('\n')}\n`;
  }
  const byFile = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    const list = byFile.get(diagnostic.file);
    if (list) list.push(diagnostic);
    else byFile.set(diagnostic.file, [diagnostic]);
  }
  const out: string[] = [...head, ''];
  for (const [file, list] of byFile) {
    out.push(file);
    const places = list.map((diagnostic) => formatRange(diagnostic.range));
    const placeWidth = places.reduce((widest, place) => Math.max(widest, place.length), 0);
    list.forEach((diagnostic, index) => {
      const place = places[index]!.padEnd(placeWidth);
      out.push(`  ${place}  ${diagnostic.severity.padEnd(7)}  ${diagnostic.message}  ${diagnostic.ruleId}`);
      const indent = ' '.repeat(placeWidth + 13);
      if (diagnostic.hint) out.push(`${indent}→ ${diagnostic.hint}`);
      for (const related of diagnostic.related ?? []) out.push(`${indent}· ${formatRange(related.range)}: ${related.message}`);
    });
    out.push('');
  }
  out.push(summaryLine(diagnostics));
  return `${out.join('\n')}\n`;
}

function summaryLine(diagnostics: readonly Diagnostic[]): string {
  const count = (severity: Diagnostic['severity']) => diagnostics.filter((diagnostic) => diagnostic.severity === severity).length;
  const parts: string[] = [];
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (count('error')) parts.push(plural(count('error'), 'error'));
  if (count('warning')) parts.push(plural(count('warning'), 'warning'));
  if (count('info')) parts.push(plural(count('info'), 'note'));
  return `${count('error') ? '✖' : '⚠'} ${parts.join(', ')}`;
}
