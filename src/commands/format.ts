import { resolve } from 'node:path';
import type { Diagnostic } from '../catalog/diagnostic.js';
import type { FormatOptions } from '../format/format.js';
import { worstOutcome, type Command, type CommandRun, type Outcome, type Values } from './command.js';
import { formatLoaded, type FormatOutcome } from './format-loaded.js';
import { loadCatalogs, reportInputError, type LoadedCatalog } from './load.js';
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
    const extraFixes = values['fix-redirects'] ? await redirectFixes(file, values) : undefined;
    const showDiff = check && showsDiff(format);
    let outcome: FormatOutcome;
    try {
      outcome = await formatLoaded(file, { write: !check, extraFixes, diff: showDiff });
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
      io.stderr(writeSummary(file, outcome.changed, outcome.fixed, found));
    }
  }
  if (check) await report(diagnostics, loaded, format, io, values.quiet ?? false);
  return worstOutcome(outcomeOf(diagnostics), failed ? 'failed' : 'clean');
}

/** A file's line after writing: formatted or not, the fixes applied, and each table left as it is with its reason. */
function writeSummary(file: LoadedCatalog, changed: boolean, fixed: Diagnostic[], refused: Diagnostic[]): string {
  const state = file.catalog.tables.length === 0 ? 'no tables, nothing to format' : changed ? 'formatted' : 'already formatted';
  const fixes = fixed.map((fix) => `${fix.range.start.line}:${fix.range.start.column} ${fix.ruleId}`);
  const left = refused.length > 0 ? `; ${refused.length} ${refused.length === 1 ? 'table' : 'tables'} left as ${refused.length === 1 ? 'it is' : 'they are'}` : '';
  const lines = [`${file.file}: ${state}${fixes.length ? `; fixed ${fixes.join(', ')}` : ''}${left}`];
  for (const diagnostic of refused) {
    lines.push(`  ${diagnostic.range.start.line}:${diagnostic.range.start.column}  error  ${diagnostic.message}  ${diagnostic.ruleId}`, `    → ${diagnostic.hint}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `--fix-redirects`: the permanent redirects the last link check recorded in the cache. */
async function redirectFixes(file: LoadedCatalog, values: Values): Promise<FormatOptions['extraFixes']> {
  const { redirectFixDiagnostics } = await import('../links/index.js');
  const cacheFile = resolve(values.cache ?? file.config.links.cacheFile);
  return (catalog) => redirectFixDiagnostics(catalog, cacheFile);
}

export const formatCommand: Command = {
  name: 'format',
  usage: 'format [files]',
  summary: 'Rewrite the tables normalized and sorted; nothing else in the file changes.',
  example: 'catalog format --check catalog.md',
  optionHelp: [
    '--check           Write nothing; print a unified diff and exit 1 if a file would change.',
    '--fix-redirects   Also replace links that the last link check found permanently redirected.',
  ],
  options: ['check', 'fix-redirects', 'format', 'config', 'cache', 'quiet'],
  validate: (values) =>
    !values.check && values.format !== undefined
      ? '--format chooses the report of `catalog format --check`; writing reports nothing but a line per file'
      : undefined,
  run: formatFiles,
};
