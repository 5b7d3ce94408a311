// `catalog changes --format markdown`: release notes. Per section (in the later revision's
// order; removed entries under the section they left), what came, moved in, changed and went,
// each entry linked to its place on the site when `site.url` is set.
import { revisionText, summaryText, type ChangedEntry, type ChangesReport } from './report.js';

/** Text that markdown shows as written. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#~!]/gu, '\\$&');
}

/** A field's markdown as a code span, which shows it as written whatever it holds. */
function codeSpan(source: string): string {
  if (source === '') return '(empty)';
  const ticks = '`'.repeat(Math.max(0, ...(source.match(/`+/gu) ?? []).map((run) => run.length)) + 1);
  return `${ticks}${source.startsWith('`') || source.endsWith('`') ? ` ${source} ` : source}${ticks}`;
}

function nameOf(entry: ChangedEntry): string {
  const name = escapeMarkdown(entry.name || `the row on line ${entry.line}`);
  return entry.url ? `[${name}](${entry.url})` : `**${name}**`;
}

const ORDER: Record<string, number> = { added: 0, updated: 1, removed: 2 };

function entryLine(entry: ChangedEntry): string {
  if (entry.change === 'added') return `- Added ${nameOf(entry)}${entry.description ? `: ${escapeMarkdown(entry.description)}` : ''}`;
  if (entry.change === 'removed') return `- Removed ${nameOf(entry)}`;
  const what: string[] = [];
  if (entry.renamedFrom !== null) what.push(`renamed from ${escapeMarkdown(entry.renamedFrom)}`);
  if (entry.movedFrom !== null) what.push(`moved here from ${entry.movedFrom ? escapeMarkdown(entry.movedFrom) : 'the top'}`);
  const fields = entry.fields.map((field) => `${escapeMarkdown(field.column)} ${codeSpan(field.before)} → ${codeSpan(field.after)}`);
  return `- ${nameOf(entry)}: ${[...what, ...fields].join('; ')}`;
}

export function changesMarkdown(report: ChangesReport): string {
  const out: string[] = [];
  const several = report.files.length > 1;
  for (const file of report.files) {
    if (several) out.push(`## ${escapeMarkdown(file.file)}`, '');
    out.push(`Changes since ${revisionText(report.since)}, until ${revisionText(report.until)}: ${summaryText(file.summary)}.`, '');
    const sections = new Map<string, ChangedEntry[]>();
    for (const entry of file.changes) {
      const list = sections.get(entry.section);
      if (list) list.push(entry);
      else sections.set(entry.section, [entry]);
    }
    for (const [section, entries] of sections) {
      out.push(`${several ? '###' : '##'} ${section ? escapeMarkdown(section) : 'Entries'}`, '');
      const sorted = [...entries].sort((a, b) => ORDER[a.change]! - ORDER[b.change]!);
      out.push(...sorted.map(entryLine), '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
