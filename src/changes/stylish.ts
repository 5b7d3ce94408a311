// `catalog changes` for people: per file, one line per changed entry, then the counts.
import { revisionText, summaryText, type ChangedEntry, type ChangesReport } from './report.js';

/** A field's value on one line, cut short: the report is read in a terminal. */
function shortValue(source: string): string {
  if (source === '') return '(empty)';
  return source.length > 60 ? `"${source.slice(0, 59)}…"` : `"${source}"`;
}

function entryLines(entry: ChangedEntry): string[] {
  const where = entry.section === '' ? '' : ` (${entry.section})`;
  if (entry.change === 'added') return [`  added    ${entry.name}${where}, line ${entry.line}`];
  if (entry.change === 'removed') return [`  removed  ${entry.name}${where}`];
  const lines: string[] = [];
  if (entry.renamedFrom !== null) lines.push(`  renamed  ${entry.renamedFrom} → ${entry.name}${where}, line ${entry.line}`);
  if (entry.movedFrom !== null) lines.push(`  moved    ${entry.name}: ${entry.movedFrom || '(no heading)'} → ${entry.section || '(no heading)'}, line ${entry.line}`);
  if (entry.fields.length > 0) {
    lines.push(`  changed  ${entry.name}${where}, line ${entry.line}`);
    for (const field of entry.fields) lines.push(`             ${field.column}: ${shortValue(field.before)} → ${shortValue(field.after)}`);
  }
  return lines;
}

export function changesStylish(report: ChangesReport): string {
  const span = `since ${revisionText(report.since)}, until ${revisionText(report.until)}`;
  const out: string[] = [];
  for (const file of report.files) {
    out.push(`${file.file}: ${span}`);
    for (const entry of file.changes) out.push(...entryLines(entry));
    out.push(`  ${summaryText(file.summary)}`, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
