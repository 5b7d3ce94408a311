/**
 * URL identity: two URLs with the same identity show the same page, so a catalog that lists
 * both lists one thing twice. Used by the duplicate rules and by the link checker (which
 * checks each identity once).
 */

// New-style (2007.01045) and old-style (cs/0112017, math.GT/0309136) arXiv identifiers.
const ARXIV_ID = /^(\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?(?:\.pdf)?$/iu;
const ARXIV_HOSTS = new Set(['arxiv.org', 'export.arxiv.org']);
const ARXIV_VIEWS = new Set(['abs', 'pdf', 'html']);

/** The arXiv identifier (without version) of an arXiv abstract, PDF or HTML URL, or null. */
export function arxivId(url: string): string | null {
  const parsed = parseHttpUrl(url);
  return parsed ? arxivIdOf(parsed) : null;
}

function arxivIdOf(parsed: URL): string | null {
  if (!ARXIV_HOSTS.has(bareHost(parsed))) return null;
  const [view, ...rest] = parsed.pathname.split('/').filter(Boolean);
  if (view === undefined || !ARXIV_VIEWS.has(view)) return null;
  const match = ARXIV_ID.exec(rest.join('/'));
  return match ? match[1]!.toLowerCase() : null;
}

/**
 * `owner/repo` (lower case, as GitHub treats it) of any URL into a GitHub repository, or null.
 * `https://github.com/flexflow/FlexFlow/tree/master/src` → `flexflow/flexflow`.
 */
export function githubRepository(url: string): string | null {
  const parsed = parseHttpUrl(url);
  if (!parsed || bareHost(parsed) !== 'github.com') return null;
  const [owner, repo] = parsed.pathname.split('/').filter(Boolean);
  if (owner === undefined || repo === undefined || GITHUB_NON_USERS.has(owner.toLowerCase())) return null;
  return `${owner}/${repo.replace(/\.git$/u, '')}`.toLowerCase();
}

// First path segments of github.com pages that are not a user or an organization.
const GITHUB_NON_USERS = new Set(['orgs', 'topics', 'collections', 'sponsors', 'marketplace', 'features', 'settings', 'explore']);

/**
 * The identity of a URL: http ≡ https, no `www.`, host in lower case, no trailing slash, no
 * fragment; one identity per arXiv paper (abs, pdf, `.pdf`, any version, export.arxiv.org);
 * GitHub owner/repo in any case, and a repository's root ≡ its `/tree/<branch>` or
 * `/blob/<branch>`; doi.org ≡ dx.doi.org, DOIs in any case, and the ACM Digital Library's
 * landing, abstract, PDF and full-text pages of a DOI ≡ that DOI. A string that is not an http(s)
 * URL is its own identity.
 */
export function canonicalUrl(url: string): string {
  const parsed = parseHttpUrl(url);
  if (!parsed) return url.trim();
  const paper = arxivIdOf(parsed);
  if (paper) return `arxiv.org/abs/${paper}`;
  const host = bareHost(parsed);
  if (host === 'github.com') return `github.com${githubPath(parsed.pathname)}${parsed.search}`;
  if (host === 'doi.org' || host === 'dx.doi.org') return `doi.org${trimSlash(parsed.pathname).toLowerCase()}`;
  const acmDoi = host === 'dl.acm.org' ? ACM_DOI_PAGE.exec(trimSlash(parsed.pathname)) : null;
  if (acmDoi) return `doi.org/${acmDoi[1]!.toLowerCase()}`;
  const port = parsed.port === '' ? '' : `:${parsed.port}`;
  return `${host}${port}${trimSlash(parsed.pathname)}${parsed.search}`;
}

/**
 * Who publishes the page, roughly: the owner's account on GitHub (`github.com/owner`) or on a
 * `*.github.io` site, else the host's last two labels (`docs.mapbox.com` → `mapbox.com`). A
 * string that is not an http(s) URL is its own site.
 */
export function siteOf(url: string): string {
  const parsed = parseHttpUrl(url);
  if (!parsed) return url.trim();
  const host = bareHost(parsed);
  if (host === 'github.com') return `github.com/${(parsed.pathname.split('/').filter(Boolean)[0] ?? '').toLowerCase()}`;
  const labels = host.split('.');
  return labels.slice(host.endsWith('.github.io') || host.endsWith('.gitlab.io') ? -3 : -2).join('.');
}

// The ACM Digital Library's pages of one DOI: its landing page, abstract, PDF and full text.
const ACM_DOI_PAGE = /^\/doi\/(?:(?:abs|pdf|epdf|full|fullHtml)\/)?(10\.\d{4,9}\/.+)$/u;

/** Two URLs show the same page. */
export function sameUrl(a: string, b: string): boolean {
  return canonicalUrl(a) === canonicalUrl(b);
}

function githubPath(pathname: string): string {
  const segments = pathname.split('/').filter(Boolean);
  const [owner, repo, view] = segments;
  if (owner === undefined) return '';
  if (repo === undefined) return `/${owner.toLowerCase()}`;
  const root = `/${owner}/${repo.replace(/\.git$/u, '')}`.toLowerCase();
  const rest = segments.slice(2);
  // `/tree/main` and `/blob/main` on their own show the repository root.
  if ((view === 'tree' || view === 'blob') && rest.length === 2) return root;
  return rest.length === 0 ? root : `${root}/${rest.join('/')}`;
}

function parseHttpUrl(url: string): URL | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null;
}

function bareHost(url: URL): string {
  return url.hostname.replace(/^www\./u, '').replace(/\.$/u, '');
}

function trimSlash(pathname: string): string {
  return pathname.replace(/\/+$/u, '');
}
