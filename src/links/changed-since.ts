// Characters that may continue a URL; parentheses are left out because markdown closes links with them.
const URL_CONTINUATION = /[\w\-.~:/?#[\]@!$&'*+,;=%]/u;

/**
 * Whether `url` was already in the old text, as a whole URL (not as the start of a longer one).
 * A link is "added" by a change when the old text did not have it anywhere: moving a row or
 * re-sorting a table adds nothing.
 */
export function presentIn(oldText: string, url: string): boolean {
  for (let at = oldText.indexOf(url); at >= 0; at = oldText.indexOf(url, at + 1)) {
    const next = oldText[at + url.length];
    if (next === undefined || !URL_CONTINUATION.test(next)) return true;
  }
  return false;
}
