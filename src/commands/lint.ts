import type { Diagnostic } from '../catalog/diagnostic.js';
import { lintCatalog } from '../rules/index.js';
import type { LintContext } from '../rules/rule.js';
import { linesAddedSince } from './changed-since.js';
import { worstOutcome, type Command, type CommandRun, type Outcome } from './command.js';
import { formatLoaded, type FormatOutcome } from './format-loaded.js';
import { loadCatalogs, reportInputError, type LoadedCatalog } from './load.js';
import { outcomeOf, report, showsDiff, sortedByPlace } from './report.js';
import { catalogCommandFor, formatCommandFor, withFormatCommand } from './user-command.js';
import { fileSystemWorkspace } from './workspace.js';

/** A loaded file's lint findings, with the links around it followed and hints naming the user's format command. */
export function lintLoaded(file: LoadedCatalog, context: Omit<LintContext, 'workspace'> = {}): Diagnostic[] {
  return withFormatCommand(lintCatalog(file.catalog, file.config, { ...context, workspace: fileSystemWorkspace(file.path) }), file.path);
}

// `check` shows this many lines of each file's diff; `format --check` shows it whole.
const CHECK_DIFF_LINES = 60;

/**
 * Lints every file and, with `formatCheck`, also reports what `format` would change (with the
 * start of the diff, for the reports people read). A file that cannot be read is reported on
 * stderr and the others are still checked; the outcome is the worst of them.
 */
export async function lintFiles({ paths, values, format, io }: CommandRun, formatCheck: boolean): Promise<Outcome> {
  const { loaded, failed: unreadable } = loadCatalogs(paths, values.config, io);
  let failed = unreadable;
  const showDiff = formatCheck && showsDiff(format);
  const diagnostics: Diagnostic[] = [];
  const diffs: string[] = [];
  const checked: LoadedCatalog[] = [];
  for (const file of loaded) {
    const since = values['changed-since'];
    let addedLines: Set<number> | undefined;
    try {
      addedLines = since === undefined ? undefined : await linesAddedSince(file.path, file.catalog.source, since);
    } catch (error) {
      // git cannot answer for this file: said on stderr, and the other files are still checked.
      reportInputError(io, error);
      failed = true;
      continue;
    }
    checked.push(file);
    const found = lintLoaded(file, { addedLines });
    diagnostics.push(...found);
    if (formatCheck) {
      let outcome: FormatOutcome;
      try {
        outcome = await formatLoaded(file, { write: false, lintDiagnostics: found, diff: showDiff ? { maxLines: CHECK_DIFF_LINES } : undefined });
      } catch (error) {
        // The file cannot be formatted (table of contents markers around a table): said on stderr, the lint report stands.
        reportInputError(io, error);
        failed = true;
        continue;
      }
      diagnostics.push(...withFormatCommand(outcome.diagnostics, file.path));
      if (outcome.diff) {
        const { diff: text, omitted } = outcome;
        const rest = omitted > 0 ? `… and ${omitted} more changed ${omitted === 1 ? 'line' : 'lines'}: \`${catalogCommandFor(file.path)} format --check ${file.file}\` shows them all\n` : '';
        diffs.push(`\n\`${formatCommandFor(file.path)}\` would change:\n${text}${rest}`);
      }
    }
  }
  await report(sortedByPlace(diagnostics), checked, format, io, values.quiet ?? false);
  if (diffs.length > 0) io.stdout(diffs.join(''));
  return worstOutcome(outcomeOf(diagnostics), failed ? 'failed' : 'clean');
}

const CHANGED_SINCE_HELP = '--changed-since REF  Report a duplicate or an unsorted row on the row the git diff against REF added.';

export const lintCommand: Command = {
  name: 'lint',
  usage: 'lint [files]',
  summary: 'Check the tables against the schema (catalog.config.json, searched upward).',
  example: 'catalog lint --changed-since HEAD catalog.md',
  optionHelp: [CHANGED_SINCE_HELP],
  options: ['format', 'config', 'quiet', 'changed-since'],
  run: (run) => lintFiles(run, false),
};

/** `check`: lint and `format --check` in one process, with lint's options. */
export const checkCommand: Command = {
  ...lintCommand,
  name: 'check',
  usage: 'check [files]',
  summary: 'lint + format --check in one process (the pre-commit command).',
  example: 'catalog check catalog.md',
  run: (run) => lintFiles(run, true),
};
