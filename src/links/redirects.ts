import { addressLiteral } from './address-policy.js';
import type { RedirectHop, SuspicionReason } from './types.js';

/** `text` (against `base` when relative) as an absolute http(s) URL, or null for anything else. */
export function httpUrl(text: string, base?: string): URL | null {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
}

/** The absolute target of a Location header, or null when it is not an http(s) URL. */
export function resolveLocation(base: string, location: string): string | null {
  return httpUrl(location, base)?.href ?? null;
}

/** 301 and 308 are permanent; so is a move from http to https of the same address, whatever its status. */
function isPermanentHop(hop: RedirectHop): boolean {
  if (hop.status === 301 || hop.status === 308) return true;
  const from = new URL(hop.url);
  const to = new URL(hop.location);
  return from.protocol === 'http:' && to.protocol === 'https:' && sameExceptScheme(from, to);
}

function sameExceptScheme(from: URL, to: URL): boolean {
  const defaultPort = (url: URL): string => url.port || (url.protocol === 'https:' ? '443' : '80');
  const portsMatch = defaultPort(from) === '80' ? defaultPort(to) === '443' : from.port === to.port;
  return from.hostname === to.hostname && portsMatch && from.pathname === to.pathname && from.search === to.search;
}

/**
 * Where the link should point: the end of the chain's leading run of permanent hops, or null
 * when the first hop is temporary. A fragment written in the link is kept.
 */
export function permanentTarget(written: string, chain: readonly RedirectHop[]): string | null {
  let target: string | null = null;
  for (const hop of chain) {
    if (!isPermanentHop(hop)) break;
    target = hop.location;
  }
  return target === null ? null : keepFragment(written, target);
}

/** `target`, with the fragment `written` had when `target` has none. */
export function keepFragment(written: string, target: string): string {
  const fragment = new URL(written).hash;
  const url = new URL(target);
  if (fragment && !url.hash) url.hash = fragment;
  return url.href;
}

const LOGIN_PATH = /\/(?:log-?in|sign-?in|signin|sign_in|sso|auth(?:orize)?|oauth2?|session|account\/login|accounts\/login|users\/sign_in|idp)(?:[/?.#]|$)/iu;
const LOGIN_HOST = /^(?:login|signin|auth|sso|accounts|idp)\./iu;

/**
 * A redirect that ends on a login page, on the home page of a site (when the link pointed
 * deeper), or on another domain does not prove the linked page exists: it is reported as
 * suspicious rather than alive without comment.
 */
export function suspiciousRedirect(original: string, final: string): SuspicionReason | null {
  if (original === final) return null;
  const from = new URL(original);
  const to = new URL(final);
  if (LOGIN_HOST.test(to.hostname) || LOGIN_PATH.test(to.pathname)) return 'login-page';
  if (registrableDomain(from.hostname) !== registrableDomain(to.hostname)) return 'other-domain';
  const deep = from.pathname.replace(/\/+$/u, '') !== '';
  if (deep && to.pathname.replace(/\/+$/u, '') === '' && to.search === '') return 'home-page';
  return null;
}

/** Two-label public suffixes common among the catalog's hosts (universities, publishers). */
const TWO_LABEL_SUFFIXES = new Set(['ac.uk', 'co.uk', 'ac.jp', 'co.jp', 'edu.cn', 'com.cn', 'ac.cn', 'edu.au', 'com.au', 'ac.kr', 'edu.hk', 'edu.sg']);

/** "dl.acm.org" → "acm.org"; "www.cs.ox.ac.uk" → "ox.ac.uk"; an address stays whole. */
export function registrableDomain(hostname: string): string {
  if (addressLiteral(hostname)) return hostname;
  const labels = hostname.toLowerCase().replace(/\.$/u, '').split('.');
  const suffixLength = TWO_LABEL_SUFFIXES.has(labels.slice(-2).join('.')) ? 3 : 2;
  return labels.slice(-suffixLength).join('.');
}

/** Cookies a response sets, as `name=value` pairs (attributes dropped). */
export function setCookiePairs(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(/,(?=\s*[^;,=\s]+=)/u)
    .map((cookie) => cookie.split(';')[0]!.trim())
    .filter((pair) => pair.includes('='));
}
