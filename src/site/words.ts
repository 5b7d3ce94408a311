// How the site matches words, at build time (facets from text columns) as the page script does
// for a search: text is lower-cased, without accents, cut into words at every character that is
// not a letter or a digit; a phrase matches words that follow each other, each whole but the
// last, which need only start a word ("heterogeneous GPU" finds "heterogeneous GPUs", "TP" never
// finds "FTPipe"). Plain string search, no regular expression built from the config: a pattern
// in a contributor's config cannot make the build or the reader's browser slow.

/** The words of a text, normalized: `Mixed-Integer` → `mixed integer`. */
export function wordsOf(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** A text prepared for phrase matching: its words between spaces. */
export function searchableText(text: string): string {
  return ` ${wordsOf(text).join(' ')} `;
}

/** Whether a text prepared by searchableText holds the phrase (words at word starts, in order). */
export function holdsPhrase(searchable: string, phrase: string): boolean {
  const words = wordsOf(phrase);
  return words.length > 0 && searchable.includes(` ${words.join(' ')}`);
}
