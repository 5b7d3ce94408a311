import { dirname, join, resolve } from 'node:path';
import { repositoryRoot } from '../catalog/find-upward.js';
import { addedDates, startHistories } from './added-dates.js';
import type { Command, CommandRun, Io, Outcome } from './command.js';
import { InputError } from './errors.js';
import { lintLoaded } from './lint.js';
import { displayPath, loadCatalog, type LoadedCatalog } from './load.js';
import { inputFiles, isWithin, realPathOf } from './output-paths.js';
import { report, sortedByPlace } from './report.js';

const DEFAULT_OUT = '_site';

async function buildSiteCommand({ paths, values, format, io }: CommandRun): Promise<Outcome> {
  const histories = await startHistories(paths);
  const loaded = paths.map((path) => loadCatalog(path, values.config));
  const out = resolve(values.out ?? DEFAULT_OUT);
  const shown = displayPath(out);
  refuseOutOverInputs(out, shown, loaded);
  // The site's code (the HTML pipeline) is loaded only by this command.
  const { buildSite, checkOutputFolder, SiteOutputError } = await import('../site/build.js');
  try {
    checkOutputFolder(out, shown);
    // Only errors stop a site; warnings are lint's business.
    const errors = sortedByPlace(loaded.flatMap((file) => lintLoaded(file))).filter((diagnostic) => diagnostic.severity === 'error');
    const broken = errors.length > 0;
    if (broken) await report(errors, loaded, format, io, true);
    if (broken && !values.force) {
      io.stderr(`catalog: the site was not built: fix the errors above (or preview it anyway with --force)\n`);
      return 'problems';
    }
    const info = await buildInfo(io, dirname(paths[0]!));
    const added = await addedDates(loaded, histories, io, 'the site shows no dates added, no "new" marks and no feed');
    const { newDays, url } = loaded[0]!.config.site;
    const written = buildSite(
      loaded.map((file) => file.catalog),
      info,
      out,
      shown,
      loaded[0]!.config.site,
      added && { added, newDays, url },
    );
    io.stderr(`catalog: wrote ${shown}/index.html${written.includes('feed.xml') ? ' and feed.xml' : ''}${broken ? ' (with --force, from a catalog with errors)' : ''}\n`);
    return 'clean';
  } catch (error) {
    if (error instanceof SiteOutputError) throw new InputError(error.message);
    throw error;
  }
}

/**
 * Refuses an --out that is or holds a repository's root or one of the inputs: the site keeps
 * every file it did not write, but a build must not even start over the user's own files.
 */
function refuseOutOverInputs(out: string, shown: string, loaded: readonly LoadedCatalog[]): void {
  const folder = realPathOf(out);
  const roots = loaded.map((file) => repositoryRoot(dirname(file.path))).filter((root) => root !== null);
  const root = roots.find((path) => isWithin(realPathOf(path), folder));
  if (root !== undefined) throw new InputError(`--out ${shown}: is or holds the repository's root (${displayPath(root)}); name a folder of the site's own, such as _site`);
  // git's own folder is no place for a site: a build there would write among its objects and hooks.
  const gitFolder = roots.find((path) => isWithin(folder, realPathOf(join(path, '.git'))));
  if (gitFolder !== undefined) throw new InputError(`--out ${shown}: lies inside git's own folder (${displayPath(join(gitFolder, '.git'))}); name a folder of the site's own, such as _site`);
  const input = inputFiles(loaded).find((path) => isWithin(realPathOf(path), folder));
  if (input !== undefined) throw new InputError(`--out ${shown}: holds ${displayPath(input)}, an input of the site; name a folder of the site's own, such as _site`);
}

/** The day of the build (SOURCE_DATE_EPOCH for a reproducible one) and the commit it comes from. */
async function buildInfo(io: Io, folder: string) {
  const epoch = io.env['SOURCE_DATE_EPOCH'];
  const built = epoch ? new Date(Number(epoch) * 1000) : new Date();
  // reproducible-builds.org: a value that is not whole seconds since 1970 is an error, not ignored.
  if (epoch && !(/^\d+$/u.test(epoch) && Number.isFinite(built.getTime()))) {
    throw new InputError(`SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 (got "${epoch}")`);
  }
  const date = built.toISOString().slice(0, 10);
  const commit = io.env['GITHUB_SHA'] || (await gitHead(folder));
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository } = io.env;
  const commitUrl = commit && server && repository ? `${server}/${repository}/commit/${commit}` : undefined;
  return { date, commit, commitUrl };
}

async function gitHead(folder: string): Promise<string | undefined> {
  // Loaded here, so that the commands that start often (check in the git hook) do not load it.
  const { execFileSync } = await import('node:child_process');
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: folder, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export const siteCommand: Command = {
  name: 'site',
  usage: 'site [files]',
  summary: 'Build the website to search and filter the catalog (refused with lint errors).',
  example: 'catalog site --out _site catalog.md',
  optionHelp: ['--out DIR         Write it into DIR (default _site/).', '--force           Build even when lint finds errors (a preview).'],
  options: ['out', 'force', 'config', 'format'],
  run: buildSiteCommand,
};

