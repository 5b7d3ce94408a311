import type { CatalogConfig } from '../catalog/config.js';
import type { Diagnostic } from '../catalog/diagnostic.js';
import type { Catalog } from '../catalog/model.js';
import { tableLinks } from '../links/extract.js';
import { ARXIV_LABEL, paperFindings } from './facts.js';
import { paperIdOf, type PaperId } from './identifiers.js';
import { emptyPaperCache, isFresh, loadPaperCache, savePaperCache, type PaperCache } from './paper-cache.js';
import type { Answers, PublishedVersion } from './record.js';
import { Registries, lookUpPapers, planFor, type RegistryOptions, type RegistrySummary } from './registries.js';

export interface PaperCheckOptions extends Omit<RegistryOptions, 'signal'> {
  catalogs: Catalog[];
  /** The link cache file that holds the registry answers; null: neither read nor write one. */
  cacheFile: string | null;
  /** Called once, before the first request, with the plan (for a TTY). */
  onPlan?: (plan: string) => void;
  /** The config's `rules` for a catalog (severity overrides, "off"). */
  rulesFor?: (catalog: Catalog) => CatalogConfig['rules'];
  /** The run's time budget. Default 15 minutes. */
  runTimeoutMs?: number;
  now?: Date;
}

export interface PaperCheckReport {
  diagnostics: Diagnostic[];
  summaries: RegistrySummary[];
  /** Paper identifiers found in the tables. */
  ids: number;
  /** No registry answered for any identifier (and the cache had nothing): every check was skipped. */
  offline: boolean;
  /** Why the registry answers were not kept in the cache file, or null. */
  cacheWarning: string | null;
}

/** Every distinct paper identifier the catalogs' tables link to. */
export function catalogPaperIds(catalogs: readonly Catalog[]): PaperId[] {
  const ids = new Map<string, PaperId>();
  for (const catalog of catalogs) {
    for (const { link } of tableLinks(catalog)) {
      const id = paperIdOf(link.url);
      if (id) ids.set(id.key, id);
    }
  }
  return [...ids.values()];
}

/**
 * `catalog papers`: looks up every paper the tables link to (from the cache when fresh), asks
 * DBLP for the published version of preprints labelled `arXiv`, and checks each row's facts.
 */
export async function checkPapers(options: PaperCheckOptions): Promise<PaperCheckReport> {
  const now = options.now ?? new Date();
  const cache = options.cacheFile === null ? emptyPaperCache() : loadPaperCache(options.cacheFile, now);
  const ids = catalogPaperIds(options.catalogs);
  const registries = new Registries({ ...options, signal: AbortSignal.timeout(options.runTimeoutMs ?? 15 * 60_000) });
  try {
    const plan = planFor(ids, cache, now, registries.intervalsMs);
    if (plan) options.onPlan?.(plan);
    // DBLP is searched for arXiv's preprints as soon as arXiv has answered, while doi.org and OpenReview are still asked.
    const [preprints, others] = await Promise.all([
      lookUpPapers(ids.filter((id) => id.registry === 'arxiv'), registries, cache, now).then(async (found) => ({ found, published: await publishedVersions(options.catalogs, found.answers, registries, cache, now) })),
      lookUpPapers(ids.filter((id) => id.registry !== 'arxiv'), registries, cache, now),
    ]);
    const { published } = preprints;
    const answers = new Map([...preprints.found.answers, ...others.answers]);
    const summaries = [...preprints.found.summaries, ...others.summaries].filter((summary) => summary.ids > 0);
    const cacheWarning = options.cacheFile === null ? null : keepAnswers(options.cacheFile, cache, now);
    const offline = ids.length > 0 && [...answers.values()].every((answer) => answer.kind === 'unverifiable');
    const diagnostics = offline ? [] : options.catalogs.flatMap((catalog) => paperFindings(catalog, answers, published, options.rulesFor?.(catalog)));
    const dblp = registries.stats('dblp');
    if (dblp.calls > 0) summaries.push({ ...dblp, registry: 'dblp', ids: dblp.calls, confirmed: [...published.values()].filter(Boolean).length, missing: 0, unverifiable: 0, cached: 0 });
    return { diagnostics, summaries, ids: ids.length, offline, cacheWarning };
  } finally {
    await registries.close();
  }
}

/**
 * DBLP's published version of each arXiv paper whose every link in its row is labelled
 * `arXiv` (a row that links a venue already says where it was published). From the cache
 * when fresh; a failed search is left out (and not kept).
 */
async function publishedVersions(catalogs: readonly Catalog[], answers: Answers, registries: Registries, cache: PaperCache, now: Date): Promise<Map<string, PublishedVersion | null>> {
  const wanted = new Map<string, string>();
  for (const catalog of catalogs) {
    const rows = new Map<string, { key: string; label: string }[]>();
    for (const { link, cell } of tableLinks(catalog)) {
      const id = paperIdOf(link.url);
      if (!id) continue;
      const row = `${cell.table}:${cell.row}`;
      rows.set(row, [...(rows.get(row) ?? []), { key: id.key, label: link.text.trim() }]);
    }
    for (const links of rows.values()) {
      if (!links.every((link) => ARXIV_LABEL.test(link.label))) continue;
      for (const { key } of links) {
        const answer = answers.get(key);
        if (answer?.kind === 'found' && answer.record.title && !answer.record.venue && !answer.record.doi) wanted.set(key, answer.record.title);
      }
    }
  }
  const published = new Map<string, PublishedVersion | null>();
  for (const [key, title] of wanted) {
    const cached = cache.published[key];
    if (cached && isFresh(cached.fetchedAt, now)) {
      published.set(key, cached.version);
      continue;
    }
    const version = await registries.findPublished(title);
    if (version !== null && 'failure' in version) continue;
    published.set(key, version);
    cache.published[key] = { fetchedAt: now.toISOString(), version };
  }
  return published;
}

/** Saves the answers; a file that cannot be written loses only the cache, never the report. */
function keepAnswers(path: string, cache: PaperCache, now: Date): string | null {
  try {
    return savePaperCache(path, cache, now);
  } catch (error) {
    return `${path}: the registry answers were not kept (${(error as NodeJS.ErrnoException).code ?? String(error)}); the next run asks again`;
  }
}
