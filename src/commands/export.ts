import { resolve } from 'node:path';
import { addedDates, startHistories } from './added-dates.js';
import type { Command, CommandRun, Outcome } from './command.js';
import { loadCatalogs } from './load.js';
import { checkedCachePath, inputFiles, refuseInputAsOutput } from './output-paths.js';
import { writeOutput } from './write-output.js';

export const EXPORT_FORMATS = ['json', 'bibtex', 'csl-json'] as const;

async function exportFiles({ paths, values, io }: CommandRun): Promise<Outcome> {
  const citations = values.format === 'bibtex' || values.format === 'csl-json';
  // The history is read while the catalog is; citations need no dates.
  const histories = citations ? null : await startHistories(paths);
  const { loaded, failed } = loadCatalogs(paths, values.config, io);
  if (loaded.length === 0) return 'failed';
  if (values.output) refuseInputAsOutput(resolve(values.output), inputFiles(loaded), '--output');
  const catalogs = loaded.map((file) => file.catalog);
  let text: string;
  if (citations) {
    // Citations come from the registry answers `catalog links` and `catalog papers` cached: no request is made.
    const { loadPaperCache } = await import('../papers/paper-cache.js');
    const { bibtexFile, cslJson } = await import('../export/citations.js');
    const cache = loadPaperCache(checkedCachePath(values.cache, loaded[0]!.config, loaded));
    text = values.format === 'bibtex' ? bibtexFile(catalogs, cache) : `${JSON.stringify(cslJson(catalogs, cache), null, 2)}\n`;
  } else {
    const { exportCatalog } = await import('../export/catalog-json.js');
    const added = await addedDates(loaded, histories!, io, 'entries have no date added');
    const exported = catalogs.map((catalog) => exportCatalog(catalog, added));
    text = `${JSON.stringify(exported.length === 1 ? exported[0] : exported, null, 2)}\n`;
  }
  if (values.output) writeOutput(values.output, text);
  else io.stdout(text);
  return failed ? 'failed' : 'clean';
}

export const exportCommand: Command = {
  name: 'export',
  usage: 'export [files]',
  summary: 'Print the catalog as JSON, or its citations as BibTeX or CSL-JSON.',
  example: 'catalog export catalog.md > catalog.json',
  optionHelp: [
    '-f, --format F    json (the catalog as data, the default), bibtex or csl-json (one citation per entry).',
    '--cache FILE      For bibtex and csl-json: the link cache whose registry answers fill the citations.',
    '-o, --output FILE Write it to FILE instead.',
  ],
  options: ['output', 'config', 'format', 'cache'],
  formats: EXPORT_FORMATS,
  run: exportFiles,
};
