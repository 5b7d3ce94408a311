import { arxivId } from '../rules/url-identity.js';

/** The registries that answer for a paper's identifier. DBLP has no identifiers of ours: it is only searched. */
export type RegistryName = 'arxiv' | 'doi' | 'openreview';

export interface PaperId {
  registry: RegistryName;
  /** arXiv id without version (`1811.06965`), DOI in lower case (`10.1145/3419111.3421302`), OpenReview note id. */
  id: string;
  /** `registry:id`, the key of the paper in the cache and in every map. */
  key: string;
}

export function paperId(registry: RegistryName, id: string): PaperId {
  return { registry, id, key: `${registry}:${id}` };
}

const DOI_HOSTS = new Set(['doi.org', 'dx.doi.org']);
/** A DOI: the directory indicator 10, a registrant code, a slash and a suffix. */
const DOI = /^10\.\d{4,9}\/\S+$/u;
/**
 * Path segments after which publishers put a DOI (`dl.acm.org/doi/pdf/10.1145/…`,
 * `link.springer.com/chapter/10.1007/…`, `onlinelibrary.wiley.com/doi/full/10.1002/…`).
 */
const DOI_PATH_PREFIXES = new Set(['doi', 'abs', 'pdf', 'epdf', 'full', 'fullhtml', 'chapter', 'article', 'book', 'referenceworkentry']);

/** The paper identifier a link names, or null for a link the registries know nothing of. */
export function paperIdOf(url: string): PaperId | null {
  const arxiv = arxivId(url);
  if (arxiv) return paperId('arxiv', arxiv);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  const host = parsed.hostname.toLowerCase().replace(/^www\./u, '');
  if (host === 'openreview.net' && (parsed.pathname === '/forum' || parsed.pathname === '/pdf')) {
    const id = parsed.searchParams.get('id');
    return id && /^[\w-]+$/u.test(id) ? paperId('openreview', id) : null;
  }
  const doi = doiInPath(parsed, DOI_HOSTS.has(host));
  return doi ? paperId('doi', doi) : null;
}

/** The DOI of a doi.org path, or one that follows a segment publishers put DOIs after. */
function doiInPath(parsed: URL, resolver: boolean): string | null {
  const segments = parsed.pathname.split('/').filter(Boolean).map(decodeSegment);
  const start = resolver ? 0 : segments.findIndex((segment, index) => DOI_PATH_PREFIXES.has(segment.toLowerCase()) && segments[index + 1]?.startsWith('10.'));
  if (start < 0) return null;
  const doi = segments.slice(resolver ? 0 : start + 1).join('/');
  return DOI.test(doi) ? doi.toLowerCase() : null;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
