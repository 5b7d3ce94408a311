import { worstOutcome, type Command, type CommandRun, type Outcome } from './command.js';
import { loadCatalogs } from './load.js';
import { cacheOptionsAgree, checkedCachePath } from './output-paths.js';
import { outcomeOf, report, sortedByPlace } from './report.js';
import { requestTimeout } from './timeout.js';

async function checkPapers({ paths, values, format, io }: CommandRun): Promise<Outcome> {
  const timeoutMs = requestTimeout(values.timeout);
  const { loaded, failed } = loadCatalogs(paths, values.config, io);
  if (loaded.length === 0) return 'failed';
  const papers = await import('../papers/check.js');
  const { formatSummary } = await import('../papers/registries.js');
  const config = loaded[0]!.config.links;
  const cacheFile = values['no-cache'] ? null : checkedCachePath(values.cache, loaded[0]!.config, loaded);
  const result = await papers.checkPapers({
    catalogs: loaded.map((file) => file.catalog),
    cacheFile,
    env: io.env,
    contact: config.contact,
    allowPrivate: values['allow-private'] ?? false,
    timeoutMs,
    onPlan: io.isTTY ? (plan) => io.stderr(plan) : undefined,
    rulesFor: (catalog) => loaded.find((file) => file.catalog === catalog)!.config.rules,
  });
  io.stderr(formatSummary(result.summaries));
  if (result.cacheWarning) io.stderr(`catalog: ${result.cacheWarning}\n`);
  if (result.offline) {
    io.stderr(`catalog papers: no registry answered for any of the ${result.ids} paper links (offline?); every paper check skipped\n`);
    return failed ? 'failed' : 'clean';
  }
  const diagnostics = sortedByPlace(result.diagnostics);
  await report(diagnostics, loaded, format, io, values.quiet ?? false);
  return worstOutcome(outcomeOf(diagnostics), failed ? 'failed' : 'clean');
}

export const papersCommand: Command = {
  name: 'papers',
  usage: 'papers [files]',
  example: 'catalog papers --cache .cache/catalog-links.json catalog.md',
  summary: "Check each row's papers and facts (Year, labels, names) against arXiv, doi.org, OpenReview and DBLP.",
  optionHelp: [
    '--cache FILE      Link cache file, which keeps the registry answers (default from the config).',
    '--no-cache        Neither read nor write the cache.',
    '--allow-private   Allow private, loopback and link-local addresses (refused by default).',
    '--timeout MS      Time allowed for one registry request (default 30000).',
  ],
  options: ['cache', 'no-cache', 'allow-private', 'timeout', 'format', 'config', 'quiet'],
  validate: cacheOptionsAgree,
  run: checkPapers,
};
