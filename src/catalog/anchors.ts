// The fragments a link may point at inside a markdown file, as GitHub renders it: every
// heading's anchor (github-slugger implements GitHub's own algorithm, `-1`, `-2` for repeated
// headings included) and every `name=` or `id=` of its HTML.
import GithubSlugger from 'github-slugger';
import type { Catalog, Section } from './model.js';

/** GitHub's anchor of every heading, keyed by the heading's line. */
export function headingSlugs(headings: readonly Section[]): Map<number, string> {
  const slugger = new GithubSlugger();
  const slugOfLine = new Map<number, string>();
  for (const heading of [...headings].sort((a, b) => a.line - b.line)) slugOfLine.set(heading.line, slugger.slug(heading.anchorText));
  return slugOfLine;
}

// `<a name="x">`, `<h2 id='x'>`, `<span id=x>`: the attribute's value, quoted or not.
const HTML_ANCHOR = /<[a-z][^>]*?\s(?:name|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/giu;

/** Values of `name=` and `id=` attributes in a piece of HTML. */
export function htmlAnchors(html: string): string[] {
  return [...html.matchAll(HTML_ANCHOR)].map((match) => match[1] ?? match[2] ?? match[3]!);
}

/** Every fragment that leads somewhere in the document: heading anchors and HTML anchors (in prose and in cells). */
export function documentAnchors(catalog: Catalog): Set<string> {
  const anchors = new Set(headingSlugs(catalog.headings).values());
  for (const { value } of catalog.html) for (const anchor of htmlAnchors(value)) anchors.add(anchor);
  for (const table of catalog.tables) {
    for (const row of [table.header, ...table.rows]) {
      for (const cell of row.cells) {
        // Only cells that may hold such HTML have their tree walked (it is built on first use).
        if (!/\s(?:name|id)\s*=/iu.test(cell.source)) continue;
        for (const node of cell.nodes) if (node.type === 'html') for (const anchor of htmlAnchors(node.value)) anchors.add(anchor);
      }
    }
  }
  return anchors;
}
