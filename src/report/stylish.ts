import type { Diagnostic } from '../catalog/diagnostic.js';
import type { Range } from '../catalog/model.js';

/** `5:3-5:9`, or `5:3` for a zero-width place. */
function formatRange(range: Range): string {
  const start = `${range.start.line}:${range.start.column}`;
  if (range.end.line === range.start.line && range.end.column === range.start.column) return start;
  return `${start}-${range.end.line}:${range.end.column}`;
}

/**
 * The report for people: per file, one line per diagnostic (place, severity, message,
 * rule id) and the hint on the line below it, then a count. Files without diagnostics
 * are named only when nothing at all was found.
 */
export function formatStylish(diagnostics: readonly Diagnostic[], files: readonly string[]): string {
  if (diagnostics.length === 0) return `${files.join(', ')}: no problems found\n`;
  const byFile = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    const list = byFile.get(diagnostic.file);
    if (list) list.push(diagnostic);
    else byFile.set(diagnostic.file, [diagnostic]);
  }
  const out: string[] = [];
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
