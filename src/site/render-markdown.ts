// Markdown to safe HTML for the site: remark's trees, turned into HTML by remark-rehype, cleaned
// by rehype-sanitize (GitHub's rules, narrowed below) and printed by rehype-stringify. Nothing a
// catalog holds can run script in the page or make it load anything.
import type { Nodes as HastNodes, Root as HastRoot } from 'hast';
import type { PhrasingContent, Root, RootContent } from 'mdast';
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

const toHtml = unified().use(remarkRehype).use(rehypeSanitize, schema).use(rehypeStringify).freeze();

/** Raw HTML is left out (remark-rehype drops it), except `<br>`, which becomes a line break. */
const LINE_BREAK = /^<br\s*\/?>$/iu;

/** Images become their alternative text; a `<br>` a line break. Returns new arrays, the input trees are not changed. */
function withoutRemoteContent<T extends RootContent>(nodes: T[]): T[] {
  return nodes.map((node) => {
    if (node.type === 'image') return { type: 'text', value: node.alt ?? '' } as unknown as T;
    if (node.type === 'html' && LINE_BREAK.test(node.value.trim())) return { type: 'break' } as unknown as T;
    if ('children' in node) return { ...node, children: withoutRemoteContent(node.children as RootContent[]) } as T;
    return node;
  });
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
  const root: Root = { type: 'root', children: [{ type: 'paragraph', children: withoutRemoteContent(trimmedCell(nodes)) }] };
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
