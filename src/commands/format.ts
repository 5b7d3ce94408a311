import type { Diagnostic } from '../catalog/diagnostic.js';
import type { FormatOptions } from '../format/format.js';
import { worstOutcome, type Command, type CommandRun, type Outcome, type Values } from './command.js';
import { formatLoaded, type FormatOutcome } from './format-loaded.js';
import { loadCatalogs, reportInputError, type LoadedCatalog } from './load.js';
import { checkedCachePath } from './output-paths.js';
import { outcomeOf, report, showsDiff } from './report.js';
import { withFormatCommand } from './user-command.js';

/**
 * Formats (or, with --check, checks) every file. A file that cannot be read, or whose
 * formatted text fails its proof, is reported on stderr and the others are still formatted;
 * the outcome is the worst of them.
 */
async function formatFiles({ paths, values, format, io }: CommandRun): Promise<Outcome> {
  const { loaded, failed: unreadable } = loadCatalogs(paths, values.config, io);
  const check = values.check ?? false;
  let failed = unreadable;
  const diagnostics: Diagnostic[] = [];
  for (const file of loaded) {
    const showDiff = check && showsDiff(format);
    let outcome: FormatOutcome;
    try {
      const extraFixes = await cachedFixes(file, values);
      outcome = await formatLoaded(file, { write: !check, extraFixes, diff: showDiff ? {} : undefined });
    } catch (error) {
      reportInputError(io, error);
      failed = true;
      continue;
    }
    const found = withFormatCommand(outcome.diagnostics, file.path);
    diagnostics.push(...found);
    if (check) {
      if (outcome.changed && showDiff) io.stdout(outcome.diff);
    } else {
      io.stderr(writeSummary(file, outcome, found));
    }
  }
  if (check) await report(diagnostics, loaded, format, io, values.quiet ?? false);
  return worstOutcome(outcomeOf(diagnostics), failed ? 'failed' : 'clean');
}

/**
 * A file's line after writing: formatted or not, the fixes applied, the hand-written lines the
 * table of contents replaced, and each table left as it is with its reason.
 */
function writeSummary(file: LoadedCatalog, { changed, fixed, replacedByTableOfContents: replaced }: FormatOutcome, refused: Diagnostic[]): string {
  const state = file.catalog.tables.length === 0 ? 'no tables, nothing to format' : changed ? 'formatted' : 'already formatted';
  const fixes = fixed.map((fix) => `${fix.range.start.line}:${fix.range.start.column} ${fix.ruleId}`);
  const left = refused.length > 0 ? `; ${refused.length} ${refused.length === 1 ? 'table' : 'tables'} left as ${refused.length === 1 ? 'it is' : 'they are'}` : '';
  const deleted =
    replaced.length > 0
      ? `; the table of contents replaced ${replaced.length === 1 ? 'a hand-written line' : `${replaced.length} hand-written lines`} between its markers (${replaced.length === 1 ? 'line' : 'lines'} ${replaced.join(', ')})`
      : '';
  const lines = [`${file.file}: ${state}${fixes.length ? `; fixed ${fixes.join(', ')}` : ''}${deleted}${left}`];
  for (const diagnostic of refused) {
    lines.push(`  ${diagnostic.range.start.line}:${diagnostic.range.start.column}  error  ${diagnostic.message}  ${diagnostic.ruleId}`, `    → ${diagnostic.hint}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `--fix-redirects`: the permanent redirects the last link check recorded in the cache.
 * `--fix-papers`: the `arXiv YYYY` labels the cached registry answers correct.
 */
async function cachedFixes(file: LoadedCatalog, values: Values): Promise<FormatOptions['extraFixes']> {
  if (!values['fix-redirects'] && !values['fix-papers']) return undefined;
  const cacheFile = checkedCachePath(values.cache, file.config, [file]);
  const { redirectFixDiagnostics } = await import('../links/index.js');
  const { paperLabelFixes } = await import('../papers/fixes.js');
  return (catalog) => [...(values['fix-redirects'] ? redirectFixDiagnostics(catalog, cacheFile) : []), ...(values['fix-papers'] ? paperLabelFixes(catalog, cacheFile) : [])];
}

export const formatCommand: Command = {
  name: 'format',
  usage: 'format [files]',
  summary: 'Rewrite the tables normalized and sorted; nothing else in the file changes.',
  example: 'catalog format --check catalog.md',
  optionHelp: [
    '--check           Write nothing; print a unified diff and exit 1 if a file would change.',
    '--fix-redirects   Also replace links that the last link check found permanently redirected.',
    '--fix-papers      Also correct "arXiv YYYY" labels to the first version\'s year, from the cached registry answers.',
  ],
  options: ['check', 'fix-redirects', 'fix-papers', 'format', 'config', 'cache', 'quiet'],
  validate: (values) =>
    !values.check && values.format !== undefined
      ? '--format chooses the report of `catalog format --check`; writing reports nothing but a line per file'
      : undefined,
  run: formatFiles,
};
