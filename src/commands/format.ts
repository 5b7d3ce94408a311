import { resolve } from 'node:path';
import type { Diagnostic } from '../catalog/diagnostic.js';
import type { FormatOptions } from '../format/format.js';
import type { Command, CommandRun, Outcome, Values } from './command.js';
import { formatLoaded } from './format-loaded.js';
import { loadCatalog, type LoadedCatalog } from './load.js';
import { outcomeOf, report } from './report.js';

async function formatFiles({ paths, values, format, io }: CommandRun): Promise<Outcome> {
  const loaded = paths.map((path) => loadCatalog(path, values.config));
  const check = values.check ?? false;
  const diagnostics: Diagnostic[] = [];
  for (const file of loaded) {
    const extraFixes = values['fix-redirects'] ? await redirectFixes(file, values) : undefined;
    const showDiff = check && (format === 'stylish' || format === 'github');
    const outcome = await formatLoaded(file, { write: !check, extraFixes, diff: showDiff });
    diagnostics.push(...outcome.diagnostics);
    if (check) {
      if (outcome.changed && showDiff) io.stdout(outcome.diff);
    } else {
      const fixes = outcome.fixed.map((fix) => `${fix.range.start.line}:${fix.range.start.column} ${fix.ruleId}`);
      io.stderr(`${file.file}: ${outcome.changed ? 'formatted' : 'already formatted'}${fixes.length ? `; fixed ${fixes.join(', ')}` : ''}\n`);
    }
  }
  if (check) await report(diagnostics, loaded.map((file) => file.file), format, io, values.quiet ?? false);
  return outcomeOf(diagnostics);
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
