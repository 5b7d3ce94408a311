// Prints the diagnostics of lint, check, format --check and links in the format asked for.
import { appendFileSync } from 'node:fs';
import packageJson from '../../package.json' with { type: 'json' };
import type { Diagnostic } from '../catalog/diagnostic.js';
import { configsByFile, type CheckedFile } from '../report/checked-file.js';
import { formatStylish } from '../report/stylish.js';
import { rules } from '../rules/index.js';
import { PAPER_RULES } from '../rules/paper-rules.js';
import type { Io, ReportFormat } from './command.js';
import { displayPath, type LoadedCatalog } from './load.js';

/** What a report says of each loaded file: its name, the config it was checked with, its number of tables. */
function checkedFiles(loaded: readonly LoadedCatalog[]): CheckedFile[] {
  return loaded.map((file) => ({
    file: file.file,
    config: file.config.path === null ? null : displayPath(file.config.path),
    tables: file.catalog.tables.length,
  }));
}

export async function report(all: Diagnostic[], loaded: readonly LoadedCatalog[], format: ReportFormat, io: Io, quiet: boolean): Promise<void> {
  // Files that could not be loaded were reported on stderr; with none left there is nothing to report.
  if (loaded.length === 0) return;
  const files = checkedFiles(loaded);
  const diagnostics = quiet ? all.filter((diagnostic) => diagnostic.severity === 'error') : all;
  switch (format) {
    case 'json': {
      const { formatJson } = await import('../report/json.js');
      io.stdout(formatJson(diagnostics, files));
      return;
    }
    case 'github': {
      const { formatGithub } = await import('../report/github.js');
      io.stdout(formatGithub(diagnostics));
      const summaryFile = io.env['GITHUB_STEP_SUMMARY'];
      const { exceedsAnnotations, findingsSummary } = await import('../report/github-summary.js');
      // What GitHub drops beyond its annotation limit is listed in the job summary.
      if (summaryFile && exceedsAnnotations(diagnostics)) {
        appendFileSync(summaryFile, findingsSummary(diagnostics, { server: io.env['GITHUB_SERVER_URL'], repository: io.env['GITHUB_REPOSITORY'], sha: io.env['GITHUB_SHA'] }));
      }
      // The annotations show on the pull request; the log still gets the readable report.
      io.stdout(formatStylish(diagnostics, files));
      return;
    }
    case 'sarif': {
      const { toSarif } = await import('../report/sarif.js');
      const metadata = await ruleMetadata();
      // In GitHub Actions the tool's page is the repository the run belongs to.
      const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository } = io.env;
      const informationUri = server && repository ? `${server}/${repository}` : undefined;
      io.stdout(`${JSON.stringify(toSarif(diagnostics, metadata, packageJson.version, { root: process.cwd(), informationUri, properties: { configs: configsByFile(files) } }), null, 2)}\n`);
      return;
    }
    default: {
      io.stdout(formatStylish(diagnostics, files));
    }
  }
}

/** What SARIF says of each rule: the lint rules, the formatter's check, the paper checks and the link checks. */
async function ruleMetadata() {
  const { LINK_RULES } = await import('../links/diagnostics.js');
  return [
    ...rules.map(({ id, description, severity }) => ({ id, description, severity })),
    { id: 'format', description: 'The file is formatted (catalog format would not change it)', severity: 'error' as const },
    ...PAPER_RULES,
    ...Object.entries(LINK_RULES).map(([id, description]) => ({ id, description, severity: id === 'dead-link' ? ('error' as const) : ('warning' as const) })),
  ];
}

/** Findings of one run together, in file order, then line and column. */
export function sortedByPlace(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((diagnostic, index) => ({ diagnostic, index }))
    .sort(
      (a, b) =>
        (a.diagnostic.file < b.diagnostic.file ? -1 : a.diagnostic.file > b.diagnostic.file ? 1 : 0) ||
        a.diagnostic.range.start.line - b.diagnostic.range.start.line ||
        a.diagnostic.range.start.column - b.diagnostic.range.start.column ||
        a.index - b.index,
    )
    .map(({ diagnostic }) => diagnostic);
}

/** The reports read by people, which a unified diff of what format would change may follow. */
export const showsDiff = (format: ReportFormat) => format === 'stylish' || format === 'github';

export const hasErrors = (diagnostics: Diagnostic[]) => diagnostics.some((diagnostic) => diagnostic.severity === 'error');

export const outcomeOf = (diagnostics: Diagnostic[]) => (hasErrors(diagnostics) ? 'problems' : 'clean');
