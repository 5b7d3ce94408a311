import type { Diagnostic } from '../catalog/diagnostic.js';
import type { Catalog } from '../catalog/model.js';
import { paperFindings } from './facts.js';
import { loadPaperCache } from './paper-cache.js';
import type { Answers } from './record.js';

/**
 * `format --fix-papers`: the `arXiv YYYY` labels whose year is not the first version's, from
 * the registry answers the last `catalog links` or `catalog papers` cached. No request is made.
 */
export function paperLabelFixes(catalog: Catalog, cacheFile: string): Diagnostic[] {
  const cache = loadPaperCache(cacheFile);
  const answers: Answers = new Map(Object.entries(cache.records).map(([key, { record }]) => [key, { kind: 'found', record, cached: true }]));
  return paperFindings(catalog, answers, new Map()).filter((finding) => finding.ruleId === 'paper-label' && finding.fix !== undefined);
}
