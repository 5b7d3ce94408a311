import type { Diagnostic } from '../catalog/diagnostic.js';
import { lintCatalog } from '../rules/index.js';
import { linesAddedSince } from './changed-since.js';
import type { Command, CommandRun, Outcome } from './command.js';
import { formatLoaded } from './format-loaded.js';
import { loadCatalog } from './load.js';
import { outcomeOf, report, sortedByPlace } from './report.js';
import { fileSystemWorkspace } from './workspace.js';

/** Lints every file and, with `formatCheck`, also reports what `format` would change. */
export async function lintFiles({ paths, values, format, io }: CommandRun, formatCheck: boolean): Promise<Outcome> {
  const loaded = paths.map((path) => loadCatalog(path, values.config));
  const diagnostics: Diagnostic[] = [];
  for (const file of loaded) {
    const since = values['changed-since'];
    const addedLines = since === undefined ? undefined : await linesAddedSince(file.path, file.catalog.source, since);
    const found = lintCatalog(file.catalog, file.config, { addedLines, workspace: fileSystemWorkspace(file.path) });
    diagnostics.push(...found);
    if (formatCheck) {
      diagnostics.push(...(await formatLoaded(file, { write: false, lintDiagnostics: found })).diagnostics);
    }
  }
  await report(sortedByPlace(diagnostics), loaded.map((file) => file.file), format, io, values.quiet ?? false);
  return outcomeOf(diagnostics);
}

export const CHANGED_SINCE_HELP = '--changed-since REF  Report a duplicate or an unsorted row on the row the git diff against REF added.';

export const lintCommand: Command = {
  name: 'lint',
  usage: 'lint [files]',
  summary: 'Check the tables against the schema (catalog.config.json, searched upward).',
  optionHelp: [CHANGED_SINCE_HELP],
  options: ['format', 'config', 'quiet', 'changed-since'],
  run: (run) => lintFiles(run, false),
};
