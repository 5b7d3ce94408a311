import { resolve } from 'node:path';
import { worstOutcome, type Command, type CommandRun, type Outcome } from './command.js';
import { InputError } from './errors.js';
import { loadCatalogs } from './load.js';
import { report } from './report.js';
import { writeOutput } from './write-output.js';

async function checkLinks({ paths, values, format, io }: CommandRun): Promise<Outcome> {
  const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeout !== undefined && !(Number.isInteger(timeout) && timeout > 0)) throw new InputError(`--timeout takes milliseconds, a whole number > 0 (got "${values.timeout}")`);
  const { loaded, failed } = loadCatalogs(paths, values.config, io);
  if (loaded.length === 0) return 'failed';
  const links = await import('../links/index.js');
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
  else await report(diagnostics, loaded, format, io, values.quiet ?? false);
  return worstOutcome(links.linkExitCode(result) === 0 ? 'clean' : 'problems', failed ? 'failed' : 'clean');
}

export const linksCommand: Command = {
  name: 'links',
  usage: 'links [files]',
  summary: 'Check that every link in the tables is alive.',
  example: 'catalog links --changed-since origin/main catalog.md',
  optionHelp: [
    '--all             Also check links in the prose.',
    '--changed-since REF  Only links that the git diff against REF added.',
    '--cache FILE      Link cache file (default from the config: .cache/catalog-links.json).',
    '--no-cache        Neither read nor write the cache.',
    '--allow-private   Allow private, loopback and link-local addresses (refused by default).',
    '--report-md FILE  Also write a markdown report (for a job summary or an issue).',
    '--timeout MS      Time allowed for one URL, retries included (default 60000).',
  ],
  options: ['all', 'changed-since', 'cache', 'no-cache', 'allow-private', 'report-md', 'timeout', 'format', 'config', 'quiet'],
  run: checkLinks,
};
