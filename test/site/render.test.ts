import { describe, expect, it } from 'vitest';
import { markdownParser } from '../../src/catalog/read.js';
import { plainCellHtml } from '../../src/site/cell-html.js';
import { blockHtml, inlineHtml } from '../../src/site/render-markdown.js';
import type { PhrasingContent } from 'mdast';

/** The cell's inline nodes, as the reader gives them. */
function nodes(markdown: string): PhrasingContent[] {
  const [paragraph] = markdownParser().parse(markdown).children;
  return paragraph?.type === 'paragraph' ? paragraph.children : [];
}

const cell = (markdown: string) => inlineHtml(nodes(markdown));

describe('cell HTML', () => {
  it('keeps http(s) and mailto links, and drops javascript:, data: and other schemes', () => {
    expect(cell('[a](https://example.org/x?y=1) [m](mailto:a@example.org)')).toBe('<a href="https://example.org/x?y=1">a</a> <a href="mailto:a@example.org">m</a>');
    for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'file:///etc/passwd']) {
      expect(cell(`x [link](${url})`), url).not.toMatch(/href/u);
    }
  });

  it('leaves raw HTML out: no script, no event handler, no element the markdown did not make', () => {
    const html = cell('a <script>alert(1)</script> <img src="x" onerror="alert(1)"> <b onclick="x()">b</b> <iframe src="https://x"></iframe>');
    expect(html).not.toMatch(/<script|<img|onerror|onclick|<iframe|<b/iu);
  });

  it('turns <br> into a line break and images into their alternative text (nothing loads from elsewhere)', () => {
    expect(cell('one<br>two')).toBe('one<br>\ntwo');
    expect(cell('see ![the logo](https://example.org/logo.png)')).toBe('see the logo');
  });

  it('drops links to anything but the web, an address or the page: protocol-relative and relative ones become their text', () => {
    expect(cell('[f](//evil.example/x) [r](README.md) [u](../up.md#x)')).toBe('f r u');
    expect(cell('[top](#alpa)')).toBe('<a href="#alpa">top</a>');
  });

  it('gives a link whose only content is an image without alternative text its address as its text', () => {
    expect(cell('[![](https://evil.example/p.png)](https://arxiv.org/abs/1)')).toBe('<a href="https://arxiv.org/abs/1">https://arxiv.org/abs/1</a>');
    expect(cell('[![logo](https://example.org/p.png)](https://github.com/a/b)')).toBe('<a href="https://github.com/a/b">logo</a>');
  });

  it('leaves out the text between inline <script> or <style> tags, not the text around them', () => {
    expect(cell('raw <script>window.__pwned="script";alert(1)</script> html')).toBe('raw  html');
    expect(cell('a <STYLE type="text/css">body{display:none}</style > b <b>c</b>')).toBe('a  b c');
  });

  it('leaves out a suppression comment and the space before it', () => {
    expect(cell('[OptCNN](https://github.com/flexflow/FlexFlow) <!-- catalog-disable-line shared-repository -->')).toBe('<a href="https://github.com/flexflow/FlexFlow">OptCNN</a>');
  });

  it('renders emphasis, code and bare URLs as GitHub does', () => {
    expect(cell('**b** *i* `c|d` https://example.org')).toBe('<strong>b</strong> <em>i</em> <code>c|d</code> <a href="https://example.org">https://example.org</a>');
  });

  it('writes plain cells directly, exactly as the pipeline would', () => {
    const plain = ['Plain text, with commas.', 'Integer linear programming + dynamic programming', '[Alpa](https://github.com/alpa-projects/alpa)', '[OSDI 2022](https://arxiv.org/abs/2201.12023), [code](https://github.com/a/b#readme)', 'C++ "quoted"', '2022', 'Stanford University (UCB)'];
    for (const source of plain) {
      expect(plainCellHtml(source), source).toBeDefined();
      expect(plainCellHtml(source), source).toBe(cell(source));
    }
  });

  it('leaves everything with markup to the pipeline', () => {
    for (const source of ['*x*', 'a & b', 'www.example.org', 'a@example.org', '[x](javascript:y)', '[x](https://a.b/c d)', '[x](https://a.b/%zz)', '[*x*](https://a.b)', 'a\\|b', '<b>x</b>', 'https://example.org']) {
      expect(plainCellHtml(source), source).toBeUndefined();
    }
  });
});

describe('block HTML', () => {
  it('renders prose, drops comments and raw HTML', () => {
    expect(blockHtml('Hello *world*.\n\n<!-- catalog-disable-next-line x -->\n\n<div onclick="x()">raw</div>')).toBe('<p>Hello <em>world</em>.</p>');
    expect(blockHtml('<script>\nalert(1)\n</script>\n\nSee <style>p{}</style> this.')).toBe('<p>See  this.</p>');
  });

  it('lets a code block take the focus, so that it can scroll from the keyboard', () => {
    expect(blockHtml('```\nlong line\n```')).toBe('<pre tabindex="0"><code>long line\n</code></pre>');
  });
});
