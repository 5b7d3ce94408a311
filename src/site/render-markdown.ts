// Markdown to safe HTML for the site: remark's trees, turned into HTML by remark-rehype, cleaned
// by rehype-sanitize (GitHub's rules, narrowed below) and printed by rehype-stringify. Nothing a
// catalog holds can run script in the page or make it load anything.
import type { Element, Nodes as HastNodes, Root as HastRoot } from 'hast';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { markdownParser } from '../catalog/read.js';

/** GitHub's sanitizing rules, with links limited to http(s) and mailto, and no images (they would load from elsewhere). */
const schema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((name) => name !== 'img' && name !== 'input'),
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'] },
};

/** A link the page keeps: to the web or to an address, and to a place on the page itself. */
const KEPT_HREF = /^(?:https?:\/\/|mailto:|#)/iu;

/**
 * After the sanitizer: a link that would lead nowhere on the published page (a relative path
 * points into the repository, a `//host` URL passes the sanitizer as relative, an unsafe scheme
 * lost its address) becomes its text, so nothing looks like a link that is not one; and a code
 * block, which scrolls in its own box, can take the focus so it can be scrolled from the keyboard.
 */
function linksAndCodeForThePage() {
  const visit = (node: HastNodes): void => {
    if (!('children' in node)) return;
    const kept: HastNodes[] = [];
    for (const child of node.children) kept.push(...(isDeadLink(child) ? child.children : [child]));
    node.children = kept as typeof node.children;
    for (const child of node.children) {
      if (child.type === 'element' && child.tagName === 'pre') child.properties['tabIndex'] = 0;
      visit(child);
    }
  };
  return visit;
}

function isDeadLink(node: HastNodes): node is Element {
  return node.type === 'element' && node.tagName === 'a' && !KEPT_HREF.test(String(node.properties['href'] ?? ''));
}

const toHtml = unified().use(remarkRehype).use(rehypeSanitize, schema).use(linksAndCodeForThePage).use(rehypeStringify).freeze();

/** Raw HTML is left out (remark-rehype drops it), except `<br>`, which becomes a line break. */
const LINE_BREAK = /^<br\s*\/?>$/iu;

/** The opening tag of an element whose content is code, not text to read. */
const HIDDEN_CONTENT = /^<(script|style)\b/iu;

/**
 * Images become their alternative text (a link left with no text shows its address); a `<br>` a
 * line break; the text between inline `<script>`/`<style>` tags is left out (the tags themselves
 * are raw HTML, dropped later). Returns new arrays, the input trees are not changed.
 */
function withoutRemoteContent<T extends RootContent>(nodes: T[]): T[] {
  const kept: T[] = [];
  /** While inside an inline script or style element: its closing tag. */
  let closing: RegExp | null = null;
  for (const node of nodes) {
    if (closing) {
      if (node.type === 'html' && closing.test(node.value)) closing = null;
      continue;
    }
    const opening = node.type === 'html' ? HIDDEN_CONTENT.exec(node.value.trim()) : null;
    if (node.type === 'html' && opening) {
      // An HTML block holds its closing tag; an inline tag's content follows as separate nodes.
      const close = new RegExp(`</${opening[1]}\\s*>`, 'iu');
      if (!close.test(node.value)) closing = close;
    }
    kept.push(withoutRemoteNode(node));
  }
  return kept;
}

function withoutRemoteNode<T extends RootContent>(node: T): T {
  if (node.type === 'image') return { type: 'text', value: node.alt ?? '' } as unknown as T;
  if (node.type === 'html' && LINE_BREAK.test(node.value.trim())) return { type: 'break' } as unknown as T;
  if (node.type === 'link') {
    const children = withoutRemoteContent(node.children);
    return { ...node, children: toString({ type: 'paragraph', children }).trim() === '' ? [{ type: 'text', value: node.url }] : children } as T;
  }
  if ('children' in node) return { ...node, children: withoutRemoteContent(node.children as RootContent[]) } as T;
  return node;
}

function stringify(tree: HastRoot): string {
  return toHtml.stringify(tree);
}

/**
 * A cell's content without the raw HTML that the page drops anyway (a suppression comment at the
 * end of a name cell), and without the white space that stood next to it at either end.
 */
function trimmedCell(nodes: PhrasingContent[]): PhrasingContent[] {
  const kept = nodes.filter((node) => !(node.type === 'html' && !LINE_BREAK.test(node.value.trim())));
  return kept.map((node, index) => {
    if (node.type !== 'text') return node;
    let value = node.value;
    if (index === 0) value = value.trimStart();
    if (index === kept.length - 1) value = value.trimEnd();
    return { ...node, value };
  });
}

/** The HTML of a table cell's inline content, from the cell's syntax tree (no paragraph around it). */
export function inlineHtml(nodes: PhrasingContent[]): string {
  const root: Root = { type: 'root', children: [{ type: 'paragraph', children: trimmedCell(withoutRemoteContent(nodes)) }] };
  const hast = toHtml.runSync(root) as HastRoot;
  const paragraph = hast.children.find((node): node is Extract<HastNodes, { type: 'element' }> => node.type === 'element');
  return paragraph ? stringify({ type: 'root', children: paragraph.children }) : '';
}

/** The HTML of a piece of markdown prose (a section's introduction). */
export function blockHtml(markdown: string): string {
  const root = markdownParser().parse(markdown);
  return stringify(toHtml.runSync({ ...root, children: withoutRemoteContent(root.children) }) as HastRoot);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text as HTML text or attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/gu, (character) => ESCAPES[character]!);
}
