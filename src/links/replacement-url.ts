/**
 * What a redirect may write into a cell. A replacement comes from outside (a server's Location
 * header, the GitHub API, a cache file anyone can plant), so it is written only when it is a
 * plain absolute http(s) URL, and only in a form that markdown reads back as that one URL.
 */

// The characters RFC 3986 allows in a URL, without `[` and `]` (only an IPv6 host holds them).
// The WHATWG serializer leaves `|`, `^`, `{`, `}` and `[`, `]` unescaped in paths: those are refused.
const URL_CHARACTERS = /^[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]+$/u;
// An entity such as `&amp;` is decoded inside a link destination: the link would read as another URL.
const CHARACTER_REFERENCE = /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/iu;

/**
 * `text` as the URL to write, or null unless it is an absolute http(s) URL without credentials
 * whose serialized form holds only RFC 3986 characters and no character reference.
 */
export function plainHttpUrl(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  const { href } = url;
  return URL_CHARACTERS.test(href) && !CHARACTER_REFERENCE.test(href) ? href : null;
}

/**
 * `url` written where `start` is in `source` (the first character of a URL written there): in a
 * link destination `[text](url)` or `[text](<url>)` parentheses are escaped; an autolink `<url>`
 * takes it as it is; a bare URL only when GFM would end it exactly at its last character (no
 * parentheses, no trailing punctuation). Null when it cannot be written there as itself.
 */
export function writeUrlAt(source: string, start: number, url: string): string | null {
  const safe = plainHttpUrl(url);
  if (safe === null) return null;
  const before = source.slice(Math.max(0, start - 3), start);
  if (/\]\(<?$/u.test(before)) return safe.replace(/[()]/gu, '\\$&');
  if (before.endsWith('<')) return safe;
  return /[()']/u.test(safe) || /[?!.,:*_~;&]$/u.test(safe) ? null : safe;
}

/** GitHub's owner/name: an owner of letters, digits and hyphens, a name of letters, digits, `.`, `_` and `-`. */
const NAME_WITH_OWNER = /^[A-Za-z\d](?:[A-Za-z\d-]{0,38})\/[A-Za-z\d._-]{1,100}$/u;

/** Whether the API's `nameWithOwner` is a plain `owner/name`, fit to put into a github.com URL. */
export function isNameWithOwner(text: unknown): text is string {
  return typeof text === 'string' && NAME_WITH_OWNER.test(text) && !/\/\.\.?$/u.test(text);
}
