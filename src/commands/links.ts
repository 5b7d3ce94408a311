import { resolve } from 'node:path';
import { worstOutcome, type Command, type CommandRun, type Outcome } from './command.js';
import { InputError, writeFailure } from './errors.js';
import { displayPath, loadCatalogs, reportInputError } from './load.js';
import { cacheOptionsAgree, checkedCachePath, inputFiles, refuseInputAsOutput } from './output-paths.js';
import { report } from './report.js';
import { requestTimeout } from './timeout.js';
import { writeOutput } from './write-output.js';

async function checkLinks({ paths, values, format, io }: CommandRun): Promise<Outcome> {
  const timeout = requestTimeout(values.timeout);
  const { loaded, failed } = loadCatalogs(paths, values.config, io);
  if (loaded.length === 0) return 'failed';
  const links = await import('../links/index.js');
  const config = loaded[0]!.config.links;
  const cacheFile = values['no-cache'] ? null : checkedCachePath(values.cache, loaded[0]!.config, loaded);
  const reportFile = values['report-md'] === undefined ? undefined : resolve(values['report-md']);
  if (reportFile !== undefined) refuseInputAsOutput(reportFile, inputFiles(loaded), '--report-md');
  const progress = io.isTTY ? links.progressBar(io.stderr) : undefined;
  const settler = values['no-registries']
    ? undefined
    : (await import('../papers/confirm.js')).paperLinkSettler({
        env: io.env,
        contact: config.contact,
        allowPrivate: values['allow-private'] ?? false,
        onPlan: io.isTTY ? (plan) => io.stderr(plan) : undefined,
      });
  const result = await links.runLinkCheck({
    catalogs: loaded.map((file) => file.catalog),
    config,
    all: values.all ?? false,
    changedSince: values['changed-since'],
    cacheFile,
    writeCache: false,
    allowPrivate: values['allow-private'] ?? false,
    githubToken: io.env['GITHUB_TOKEN'] || undefined,
    githubApiUrl: io.env['CATALOG_GITHUB_API_URL'] || undefined,
    urlTimeoutMs: timeout,
    onProgress: progress,
    settler,
  }).catch((error: unknown) => {
    // A --changed-since reference git does not know is the user's input, not an internal error.
    if (error instanceof links.ChangedSinceError) throw new InputError(error.message);
    throw error;
  });
  for (const warning of result.warnings) io.stderr(`catalog: ${warning}\n`);
  if (settler) io.stderr((await import('../papers/registries.js')).formatSummary(settler.summaries()));
  const diagnostics = links.linkDiagnostics(result);
  if (format === 'json') io.stdout(`${JSON.stringify(links.linkReportJson(result), null, 2)}\n`);
  else await report(diagnostics, loaded, format, io, values.quiet ?? false);
  // Written after the report is out, so that a file that cannot be written loses none of it.
  let unwritten = false;
  if (reportFile !== undefined) {
    try {
      writeOutput(reportFile, links.linkReportMarkdown(result));
    } catch (error) {
      reportInputError(io, error);
      unwritten = true;
    }
  }
  const update = result.cacheUpdate;
  if (update) {
    try {
      links.saveCache(update.path, update.cache, update.now);
    } catch (error) {
      io.stderr(`catalog: ${displayPath(update.path)}: the link cache was not written: ${writeFailure(error)}; the next run checks these links again\n`);
    }
  }
  return worstOutcome(links.linkExitCode(result) === 0 ? 'clean' : 'problems', failed || unwritten ? 'failed' : 'clean');
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
    '--no-registries   Request paper links (arXiv, DOI, OpenReview) like any other, not through their registries.',
  ],
  options: ['all', 'changed-since', 'cache', 'no-cache', 'allow-private', 'report-md', 'timeout', 'no-registries', 'format', 'config', 'quiet'],
  validate: cacheOptionsAgree,
  run: checkLinks,
};
