import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pageAssets } from '../../src/site/assets.js';
import { siteModel } from '../../src/site/model.js';
import { renderPage } from '../../src/site/page.js';
import { catalogOf, fixtureSource } from './helpers.js';

const build = { date: '2026-01-01', commit: '0123456789abcdef', commitUrl: 'https://example.org/commit/0123456789abcdef' };
const sha256 = (text: string) => createHash('sha256').update(text).digest('base64');

describe('the page', () => {
  const assets = pageAssets();
  const html = renderPage(siteModel([catalogOf(fixtureSource())]), build, assets);

  it('allows exactly its own inline style and script, by hash, and nothing else', () => {
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/u.exec(html)![1]!;
    expect(policy).toBe(`default-src 'none'; script-src 'sha256-${sha256(assets.script)}'; style-src 'sha256-${sha256(assets.style)}'; img-src data:; base-uri 'none'; form-action 'none'`);
    expect(html).toContain(`<style>${assets.style}</style>`);
    expect(html).toContain(`<script>${assets.script}</script>`);
    // One script runs; the others are data (the citations), which no policy needs to allow.
    expect(html.match(/<script>/gu)).toHaveLength(1);
    expect(html.match(/<script[^>]*>/gu)).toEqual(['<script type="application/json" id="site:citations">', '<script>']);
  });

  it('gives each entry its anchor and the values the script filters on', () => {
    expect(html).toContain('<li class="entry" id="c-planner" data-section="pipeline-planners" data-year="2021" data-f-framework="PyTorch\nJAX">');
    expect(html).toContain('<section class="section" id="tensor-planners-1" data-section="tensor-planners-1">');
  });

  it('offers the search, the sort, the year range, the sections and each facet, with counts, hidden until the script runs', () => {
    expect(html).toMatch(/<form id="site:controls"[^>]* hidden>/u);
    expect(html).toContain('<label for="site:q">Search the entries</label><input type="search" id="site:q"');
    expect(html).toContain('<input type="number" id="site:from" name="from" min="2018" max="2024"');
    expect(html).toContain('<label><input type="checkbox" name="framework" value="JAX"> JAX <span class="count">(2)</span></label>');
    expect(html).toContain('<input type="checkbox" name="section" value="pipeline-planners"> Pipeline planners <span class="count">(4)</span>');
    expect(html).toContain('<p id="site:status" class="status" role="status">7 of 7 entries</p>');
  });

  it('links to every section with its number of entries after the introduction, and shows the prose after the tables', () => {
    expect(html).toContain('<nav class="sections" aria-label="Sections"><ul><li><a href="#pipeline-planners">Pipeline planners</a> <span class="count">(4)</span></li><li><a href="#tensor-planners-1">Tensor planners</a> <span class="count">(3)</span></li></ul></nav>\n</details>\n</header>');
    expect(html).toMatch(/<\/section>\n<div class="prose"><h2>Related lists<\/h2>[^]*<h2>Contributing<\/h2>[^]*<\/div>\n<\/main>/u);
  });

  it('says under the chart and in the year range how many entries have no year', () => {
    expect(html).not.toContain('no year');
    const undated = renderPage(siteModel([catalogOf(fixtureSource().replace('| 2024 |', '| |'))]), build, assets);
    expect(undated).toContain('<p>1 entry has no year and is not counted.</p></figcaption>');
    expect(undated).toContain('aria-describedby="site:years-help"');
    expect(undated).toContain('<p class="help" id="site:years-help">Entries without a year (1) are hidden when a year is set.</p></fieldset>');
  });

  it('gives link previews a title and a description, the introduction\'s first paragraph', () => {
    expect(html).toContain('<meta property="og:title" content="Test Planners">');
    expect(html).toContain('<meta property="og:description" content="A small catalog for the site\'s tests, with markdown in its intro.">');
    expect(html).toContain('<meta name="description" content="A small catalog for the site\'s tests, with markdown in its intro.">');
  });

  it('gives each card its section, its permalink, copy and cite buttons, and paper links named after it', () => {
    const card = /<li class="entry" id="alpa".*?<\/li>/su.exec(html)![0];
    expect(card).toContain('<p class="where"><a href="#tensor-planners-1">Tensor planners</a> · <a class="permalink" href="#alpa">#alpa</a>');
    expect(card).toContain('<button class="cite" aria-describedby="alpa:name" aria-expanded="false">Cite</button>');
    expect(card).toContain('<a href="https://example.org/alpa-paper">OSDI<span class="vh"> (Alpa)</span></a>');
    const citations = JSON.parse(/<script type="application\/json" id="site:citations">(.*?)<\/script>/su.exec(html)![1]!);
    expect(citations['alpa']).toBe('@misc{alpa2022,\n  title = {{Alpa}},\n  note = {OSDI},\n  year = {2022},\n  url = {https://example.org/alpa-paper},\n}\n');
  });

  it('says when and from which commit it was built', () => {
    expect(html).toContain('Built on <time datetime="2026-01-01">2026-01-01</time> from commit <a href="https://example.org/commit/0123456789abcdef"><code>0123456789ab</code></a>');
  });

  it('offers only the search for a list without a schema', () => {
    const plain = renderPage(siteModel([catalogOf(fixtureSource(), { schema: false })]), build, assets);
    const form = /<form id="site:controls".*?<\/form>/su.exec(plain)![0];
    expect(form).toContain('type="search"');
    expect(form).not.toMatch(/<fieldset|<select|type="checkbox"|type="number"/u);
  });

  it('escapes the catalog text it writes outside the cell pipeline', () => {
    const page = renderPage(siteModel([catalogOf(fixtureSource().replace('# Test Planners', '# Planners 1 < 2 & "more"'))]), build, assets);
    expect(page).toContain('<title>Planners 1 &lt; 2 &amp; &quot;more&quot;</title>');
    expect(page).toContain('<h1>Planners 1 &lt; 2 &amp; &quot;more&quot;</h1>');
  });
});
