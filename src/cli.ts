// The command line: the only module that reads argv, writes to stdout/stderr and picks exit codes.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import packageJson from '../package.json' with { type: 'json' };
import type { Diagnostic } from './catalog/diagnostic.js';
import { InputError } from './commands/errors.js';
import { formatLoaded } from './commands/format.js';
import { loadCatalog, type LoadedCatalog } from './commands/load.js';
import { formatStylish } from './report/stylish.js';
import { lintCatalog, rules } from './rules/index.js';
import type { FormatOptions } from './format/format.js';

const EXIT_CLEAN = 0;
const EXIT_PROBLEMS = 1;
const EXIT_USAGE = 2;

const REPORT_FORMATS = ['stylish', 'json', 'github', 'sarif'] as const;
type ReportFormat = (typeof REPORT_FORMATS)[number];

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  config: { type: 'string', short: 'c' },
  check: { type: 'boolean' },
  'fix-redirects': { type: 'boolean' },
  all: { type: 'boolean' },
  'changed-since': { type: 'string' },
  cache: { type: 'string' },
  'no-cache': { type: 'boolean' },
  'allow-private': { type: 'boolean' },
  'report-md': { type: 'string' },
  timeout: { type: 'string' },
  output: { type: 'string', short: 'o' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} satisfies ParseArgsConfig['options'];

type OptionName = keyof typeof OPTIONS;
type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>['values'];

/** Options each command accepts besides --help; anything else is a usage error. */
const COMMAND_OPTIONS: Record<string, OptionName[]> = {
  lint: ['format', 'config', 'quiet'],
  format: ['check', 'fix-redirects', 'format', 'config', 'cache', 'quiet'],
  check: ['format', 'config', 'quiet'],
  links: ['all', 'changed-since', 'cache', 'no-cache', 'allow-private', 'report-md', 'timeout', 'format', 'config', 'quiet'],
  export: ['output', 'config'],
};

const HELP = `Usage: catalog <command> [options] [files]

Lints, formats and link-checks the markdown tables of a catalog (default file: catalog.md).

Commands:
  lint [files]      Check the tables against the schema (catalog.config.json, searched upward).
  format [files]    Rewrite the tables normalized and sorted; nothing else in the file changes.
    --check           Write nothing; print a unified diff and exit 1 if a file would change.
    --fix-redirects   Also replace links that the last link check found permanently redirected.
  check [files]     lint + format --check in one process (the pre-commit command).
  links [files]     Check that every link in the tables is alive.
    --all             Also check links in the prose.
    --changed-since REF  Only links that the git diff against REF added.
    --cache FILE      Link cache file (default from the config: .cache/catalog-links.json).
    --no-cache        Neither read nor write the cache.
    --allow-private   Allow private, loopback and link-local addresses (refused by default).
    --report-md FILE  Also write a markdown report (for a job summary or an issue).
    --timeout MS      Time allowed for one URL, retries included (default 60000).
  export [files]    Print the catalog as JSON.
    -o, --output FILE Write it to FILE instead.

Options:
  -f, --format NAME   Report format: stylish, json, github, sarif (github when GITHUB_ACTIONS=true).
  -c, --config FILE   Use this config instead of the nearest catalog.config.json.
  -q, --quiet         Report errors only (warnings do not change the exit code anyway).
  -h, --help          Show this help.
  -v, --version       Show the version.

Exit codes: 0 clean; 1 problems found (lint errors, a file to reformat, dead links);
2 usage error, invalid config, unreadable file or refused write.
`;

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
}

export async function main(argv: string[], io: Io): Promise<number> {
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true }));
  } catch (error) {
    // parseArgs explains an unknown option at length; the option's name is what helps.
    const unknown = /^Unknown option '([^']+)'/u.exec((error as Error).message);
    const reason = unknown ? `unknown option ${unknown[1]}` : (error as Error).message.replace(/\.$/u, '');
    io.stderr(`catalog: ${reason}. See \`catalog --help\`.\n`);
    return EXIT_USAGE;
  }
  if (values.version) {
    io.stdout(`${packageJson.version}\n`);
    return EXIT_CLEAN;
  }
  const [command, ...files] = positionals;
  if (values.help) {
    io.stdout(HELP);
    return EXIT_CLEAN;
  }
  if (!command) {
    io.stderr(`catalog: no command given. Commands: ${Object.keys(COMMAND_OPTIONS).join(', ')}. See \`catalog --help\`.\n`);
    return EXIT_USAGE;
  }
  const allowed = COMMAND_OPTIONS[command];
  if (!allowed) {
    io.stderr(`catalog: unknown command "${command}". Commands: ${Object.keys(COMMAND_OPTIONS).join(', ')}.\n`);
    return EXIT_USAGE;
  }
  const misplaced = (Object.keys(values) as OptionName[]).find((name) => name !== 'help' && !allowed.includes(name));
  if (misplaced) {
    io.stderr(`catalog: option --${misplaced} does not apply to "catalog ${command}". See \`catalog --help\`.\n`);
    return EXIT_USAGE;
  }
  if (command === 'format' && !values.check && values.format !== undefined) {
    io.stderr('catalog: --format chooses the report of `catalog format --check`; writing reports nothing but a line per file. See `catalog --help`.\n');
    return EXIT_USAGE;
  }
  const format = values.format ?? (io.env['GITHUB_ACTIONS'] === 'true' ? 'github' : 'stylish');
  if (!REPORT_FORMATS.includes(format as ReportFormat)) {
    io.stderr(`catalog: unknown format "${format}". Formats: ${REPORT_FORMATS.join(', ')}.\n`);
    return EXIT_USAGE;
  }
  const paths = (files.length > 0 ? files : ['catalog.md']).map((file) => resolve(file));
  try {
    switch (command) {
      case 'lint':
      case 'check':
        return await lintOrCheck(command, paths, values, format as ReportFormat, io);
      case 'format':
        return await formatFiles(paths, values, format as ReportFormat, io);
      case 'links':
        return await checkLinks(paths, values, format as ReportFormat, io);
      default:
        return await exportFiles(paths, values, io);
    }
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`catalog: ${error.message}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`catalog: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT_USAGE;
  }
}

function loadAll(paths: string[], values: Values): LoadedCatalog[] {
  return paths.map((path) => loadCatalog(path, values.config));
}

async function report(all: Diagnostic[], files: string[], format: ReportFormat, io: Io, quiet: boolean) {
  const diagnostics = quiet ? all.filter((diagnostic) => diagnostic.severity === 'error') : all;
  switch (format) {
    case 'json': {
      const { formatJson } = await import('./report/json.js');
      io.stdout(formatJson(diagnostics, files));
      return;
    }
    case 'github': {
      const { formatGithub } = await import('./report/github.js');
      io.stdout(formatGithub(diagnostics));
      // The annotations show on the pull request; the log still gets the readable report.
      io.stdout(formatStylish(diagnostics, files));
      return;
    }
    case 'sarif': {
      const { toSarif } = await import('./report/sarif.js');
      const metadata = await ruleMetadata();
      // In GitHub Actions the tool's page is the repository the run belongs to.
      const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository } = io.env;
      const informationUri = server && repository ? `${server}/${repository}` : undefined;
      io.stdout(`${JSON.stringify(toSarif(diagnostics, metadata, packageJson.version, { root: process.cwd(), informationUri }), null, 2)}\n`);
      return;
    }
    default: {
      io.stdout(formatStylish(diagnostics, files));
    }
  }
}

/** What SARIF says of each rule: the lint rules, the formatter's check and the link checks. */
async function ruleMetadata() {
  const { LINK_RULES } = await import('./links/diagnostics.js');
  return [
    ...rules.map(({ id, description, severity }) => ({ id, description, severity })),
    { id: 'format', description: 'The file is formatted (catalog format would not change it)', severity: 'error' as const },
    ...Object.entries(LINK_RULES).map(([id, description]) => ({ id, description, severity: id === 'dead-link' ? ('error' as const) : ('warning' as const) })),
  ];
}

/** Lint and format findings of one run together, in file order, then line and column. */
function sortedByPlace(diagnostics: Diagnostic[]): Diagnostic[] {
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

const hasErrors = (diagnostics: Diagnostic[]) => diagnostics.some((diagnostic) => diagnostic.severity === 'error');

async function lintOrCheck(command: 'lint' | 'check', paths: string[], values: Values, format: ReportFormat, io: Io): Promise<number> {
  const loaded = loadAll(paths, values);
  const diagnostics: Diagnostic[] = [];
  for (const file of loaded) {
    const found = lintCatalog(file.catalog, file.config);
    diagnostics.push(...found);
    if (command === 'check') {
      diagnostics.push(...(await formatLoaded(file, { write: false, lintDiagnostics: found })).diagnostics);
    }
  }
  await report(sortedByPlace(diagnostics), loaded.map((file) => file.file), format, io, values.quiet ?? false);
  return hasErrors(diagnostics) ? EXIT_PROBLEMS : EXIT_CLEAN;
}

async function formatFiles(paths: string[], values: Values, format: ReportFormat, io: Io): Promise<number> {
  const loaded = loadAll(paths, values);
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
  return hasErrors(diagnostics) ? EXIT_PROBLEMS : EXIT_CLEAN;
}

/** `--fix-redirects`: the permanent redirects the last link check recorded in the cache. */
async function redirectFixes(file: LoadedCatalog, values: Values): Promise<FormatOptions['extraFixes']> {
  const { redirectFixDiagnostics } = await import('./links/index.js');
  const cacheFile = resolve(values.cache ?? file.config.links.cacheFile);
  return (catalog) => redirectFixDiagnostics(catalog, cacheFile);
}

async function checkLinks(paths: string[], values: Values, format: ReportFormat, io: Io): Promise<number> {
  const loaded = loadAll(paths, values);
  const links = await import('./links/index.js');
  const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeout !== undefined && !(Number.isInteger(timeout) && timeout > 0)) throw new InputError(`--timeout takes milliseconds, a whole number > 0 (got "${values.timeout}")`);
  const config = loaded[0]!.config.links;
  const progress = io.isTTY ? links.progressBar(io.stderr) : undefined;
  const result = await links.runLinkCheck({
    catalogs: loaded.map((file) => file.catalog),
    config,
    all: values.all ?? false,
    changedSince: values['changed-since'],
    cacheFile: values['no-cache'] ? null : resolve(values.cache ?? config.cacheFile),
    allowPrivate: values['allow-private'] ?? false,
    githubToken: io.env['GITHUB_TOKEN'] || undefined,
    githubApiUrl: io.env['CATALOG_GITHUB_API_URL'] || undefined,
    urlTimeoutMs: timeout,
    onProgress: progress,
  }).catch((error: unknown) => {
    // A --changed-since reference git does not know is the user's input, not an internal error.
    if (error instanceof links.ChangedSinceError) throw new InputError(error.message);
    throw error;
  });
  for (const warning of result.warnings) io.stderr(`catalog: ${warning}\n`);
  if (values['report-md']) writeOutput(values['report-md'], links.linkReportMarkdown(result));
  const diagnostics = links.linkDiagnostics(result);
  if (format === 'json') io.stdout(`${JSON.stringify(links.linkReportJson(result), null, 2)}\n`);
  else await report(diagnostics, loaded.map((file) => file.file), format, io, values.quiet ?? false);
  return links.linkExitCode(result);
}

/** Writes a report or an export where the user asked; a path that cannot be written is a usage error. */
function writeOutput(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw new InputError(`cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

async function exportFiles(paths: string[], values: Values, io: Io): Promise<number> {
  const loaded = loadAll(paths, values);
  const { exportCatalog } = await import('./export/catalog-json.js');
  const exported = loaded.map((file) => exportCatalog(file.catalog));
  const text = `${JSON.stringify(exported.length === 1 ? exported[0] : exported, null, 2)}\n`;
  if (values.output) writeOutput(values.output, text);
  else io.stdout(text);
  return EXIT_CLEAN;
}

// Run when executed (the bundle's entry point), not when imported by tests.
if (process.argv[1] && import.meta.url.endsWith('/cli.js')) {
  // A reader that stops early (`catalog export | head`) is no error: the rest of the output is
  // dropped and the command still ends with its own exit code.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  const code = await main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY),
  });
  process.exitCode = code;
}
