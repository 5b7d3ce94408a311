// The built site in a real browser: the system's Chromium driven by playwright-core. Screenshots
// of the real catalog go to test-artifacts/ (ignored by git). Where no Chromium is installed
// these tests are skipped with a message; CI (.ci/run) installs one, so there they always run.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/commands/load.js';
import { siteFiles } from '../../src/site/build.js';
import { findChromium, serveFolder, type StaticServer } from './browser.js';
import { fixtureCatalog } from './helpers.js';

// The callbacks given to page.evaluate run in the page; the project's types have no DOM, so
// these name the little of it they use.
interface PageElement {
  hidden: boolean;
  offsetParent: unknown;
  textContent: string | null;
  scrollHeight: number;
  clientHeight: number;
  tagName: string;
  id: string;
  className: string;
  querySelector(selector: string): PageElement | null;
  scrollIntoView(): void;
  getScreenCTM(): { a: number } | null;
}
interface AxeResults {
  violations: { id: string; impact: string; nodes: unknown[] }[];
}
declare const document: {
  activeElement: { id: string } | null;
  documentElement: { scrollWidth: number };
  body: PageElement;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  createRange(): { selectNodeContents(node: PageElement): void; getClientRects(): ArrayLike<{ top: number }> };
};
declare const window: { pwned?: boolean; axe: { run(): Promise<AxeResults> }; scrollBy(x: number, y: number): void };
declare const CSS: { highlights: Map<string, Set<{ toString(): string }>> };
declare const navigator: { clipboard: { readText(): Promise<string> } };
declare function getComputedStyle(element: unknown, pseudo?: string): { outlineStyle: string; outlineColor: string; backgroundColor: string; overflowY: string; fontSize: string; content: string };

const executablePath = findChromium();
if (!executablePath) {
  console.warn('Skipping the browser tests of the site: no Chromium found (install the chromium package, or set CHROMIUM_PATH).');
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const artifacts = join(repoRoot, 'test-artifacts');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const build = { date: '2026-01-01', commit: '0123456789abcdef' };

describe.skipIf(!executablePath)('the site in Chromium', { timeout: 60_000 }, () => {
  let root: string;
  let server: StaticServer;
  let browser: Browser;
  /** Every URL the pages asked for. */
  const requests: string[] = [];

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'catalog-site-browser-'));
    for (const [name, path] of [['fixture', fixtureCatalog], ['real', join(repoRoot, 'catalog.md')]] as const) {
      mkdirSync(join(root, name));
      const loaded = loadCatalog(path);
      const files = siteFiles([loaded.catalog], build, loaded.config.site);
      for (const [file, text] of Object.entries(files)) writeFileSync(join(root, name, file), text);
    }
    server = await serveFolder(root);
    browser = await chromium.launch({ executablePath });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  interface OpenOptions {
    width?: number;
    height?: number;
    javaScript?: boolean;
    bypassCSP?: boolean;
    colorScheme?: 'light' | 'dark';
  }

  async function open(path: string, options: OpenOptions = {}): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
      javaScriptEnabled: options.javaScript ?? true,
      bypassCSP: options.bypassCSP ?? false,
      colorScheme: options.colorScheme ?? 'light',
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const page = await context.newPage();
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(`${server.origin}${path}`);
    if (options.javaScript ?? true) await page.waitForSelector('html[data-ready]');
    return page;
  }

  const status = (page: Page) => page.textContent('[id="site:status"]');
  const visibleNames = (page: Page) => page.$$eval('.entry', (entries) => (entries as unknown as PageElement[]).filter((entry) => !entry.hidden && entry.offsetParent !== null).map((entry) => entry.querySelector('h3')!.textContent));
  const countOf = (page: Page, value: string) => page.textContent(`label:has(input[value="${value}"]) .count`);

  it('search narrows the list and clearing brings it all back', async () => {
    const page = await open('/fixture/');
    expect(await status(page)).toBe('7 of 7 entries');
    await page.fill('[id="site:q"]', 'dynamic');
    expect(await status(page)).toBe('2 of 7 entries');
    expect(await visibleNames(page)).toEqual(['PipeDream', 'Alpa']);
    await page.fill('[id="site:q"]', 'nothing like this');
    expect(await page.isVisible('[id="site:empty"]')).toBe(true);
    await page.click('[id="site:clear-empty"]');
    expect(await status(page)).toBe('7 of 7 entries');
    // The button hid itself: the focus is on the search, not lost to the page.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site:q');
    expect(await page.inputValue('[id="site:q"]')).toBe('');
    expect(await page.isVisible('[id="site:empty"]')).toBe(false);
    await page.context().close();
  });

  it('a framework filter and a year range combine with the search, and the counts follow', async () => {
    const page = await open('/fixture/');
    await page.check('input[name="framework"][value="PyTorch"]');
    await page.fill('[id="site:from"]', '2020');
    await page.fill('[id="site:q"]', 'stage');
    expect(await visibleNames(page)).toEqual(['C Planner', 'C++ Planner']);
    expect(await status(page)).toBe('2 of 7 entries');
    // Other frameworks count what they would add with the search and the years as they are.
    expect(await countOf(page, 'PyTorch')).toBe('(2)');
    expect(await countOf(page, 'JAX')).toBe('(1)');
    expect(await countOf(page, 'TensorFlow')).toBe('(0)');
    expect(await countOf(page, 'pipeline-planners')).toBe('(2)');
    expect(await countOf(page, 'tensor-planners-1')).toBe('(0)');
    await page.context().close();
  });

  it('sorts by name and by year within each section', async () => {
    const page = await open('/fixture/');
    await page.selectOption('[id="site:sort"]', 'name');
    expect(await visibleNames(page)).toEqual(['C Planner', 'C++ Planner', 'GPipe', 'PipeDream', 'Alpa', 'Script Test', 'Tensor Planners']);
    await page.selectOption('[id="site:sort"]', 'year');
    expect(await visibleNames(page)).toEqual(['C++ Planner', 'C Planner', 'PipeDream', 'GPipe', 'Tensor Planners', 'Script Test', 'Alpa']);
    await page.selectOption('[id="site:sort"]', '');
    expect(await visibleNames(page)).toEqual(['GPipe', 'PipeDream', 'C Planner', 'C++ Planner', 'Alpa', 'Script Test', 'Tensor Planners']);
    await page.context().close();
  });

  it('keeps the state in the URL, across a reload', async () => {
    const page = await open('/fixture/');
    await page.fill('[id="site:q"]', 'programming');
    await page.check('input[name="framework"][value="JAX"]');
    await page.selectOption('[id="site:sort"]', 'name');
    await expect.poll(() => new URL(page.url()).search).toBe('?q=programming&framework=JAX&sort=name');
    await page.reload();
    await page.waitForSelector('html[data-ready]');
    expect(await page.inputValue('[id="site:q"]')).toBe('programming');
    expect(await page.isChecked('input[name="framework"][value="JAX"]')).toBe(true);
    expect(await page.inputValue('[id="site:sort"]')).toBe('name');
    expect(await visibleNames(page)).toEqual(['Alpa']);
    await page.context().close();
  });

  it('follows back and forward after a jump within the page: the URL and the page agree', async () => {
    const page = await open('/fixture/');
    await page.fill('[id="site:q"]', 'dynamic');
    await page.click('[id="site:about"] > summary');
    await page.click('nav.sections a[href="#tensor-planners-1"]');
    await page.fill('[id="site:q"]', 'alpa');
    expect(await status(page)).toBe('1 of 7 entries');
    // The URL follows the input one frame later: back is pressed once it has.
    await expect.poll(() => new URL(page.url()).search).toBe('?q=alpa');
    await page.goBack();
    await expect.poll(() => new URL(page.url()).search).toBe('?q=dynamic');
    await expect.poll(() => page.inputValue('[id="site:q"]')).toBe('dynamic');
    expect(await status(page)).toBe('2 of 7 entries');
    await page.goForward();
    await expect.poll(() => page.inputValue('[id="site:q"]')).toBe('alpa');
    expect(await status(page)).toBe('1 of 7 entries');
    await page.context().close();
  });

  it('drops URL values no checkbox offers, takes others in any case, and rewrites the URL', async () => {
    const page = await open('/fixture/?framework=pytorch&section=renamed-section&sort=bogus');
    expect(await page.isChecked('input[name="framework"][value="PyTorch"]')).toBe(true);
    expect(await status(page)).toBe('4 of 7 entries');
    expect(await page.inputValue('[id="site:sort"]')).toBe('');
    await expect.poll(() => new URL(page.url()).search).toBe('?framework=PyTorch');
    await page.context().close();
  });

  it('starts with a malformed fragment in the URL', async () => {
    const page = await open('/fixture/#%E0%A4%A');
    expect(await status(page)).toBe('7 of 7 entries');
    await page.context().close();
  });

  it('lands a #id link on its entry and highlights it', async () => {
    const page = await open('/real/#alpa', { width: 375 });
    const entry = page.locator('[id="alpa"]');
    await expect.poll(() => entry.evaluate((element) => element.matches(':target'))).toBe(true);
    const box = (await entry.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(900);
    expect(await entry.evaluate((element) => getComputedStyle(element).outlineStyle)).toBe('solid');
    await page.context().close();
  });

  it('without JavaScript, shows every entry and no dead controls', async () => {
    const page = await open('/real/', { javaScript: false });
    const names = loadCatalog(join(repoRoot, 'catalog.md')).catalog.tables.flatMap((table) => table.rows.map((row) => row.cells[0]!.text.trim()));
    expect(names.length).toBeGreaterThan(10);
    expect(await visibleNames(page)).toEqual(names);
    expect(await page.isVisible('[id="site:controls"]')).toBe(false);
    await page.context().close();
  });

  it('without JavaScript, the section links lead to their sections and the prose after the tables is there', async () => {
    const page = await open('/fixture/', { javaScript: false, width: 375 });
    await page.click('nav.sections a[href="#tensor-planners-1"]');
    await expect.poll(() => page.locator('[id="tensor-planners-1"] h2').boundingBox().then((box) => box!.y)).toBeLessThan(100);
    expect(await page.isVisible('.prose h2:text("Related lists")')).toBe(true);
    await page.context().close();
  });

  it.each([['/fixture/'], ['/real/']])('does not scroll sideways at 375 px (%s)', async (path) => {
    const page = await open(path, { width: 375 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    if (path === '/fixture/') {
      // The fixture's section introduction holds a code block with a 600-character line: it scrolls in its own box.
      expect(await page.$eval('pre', (pre) => pre.scrollWidth > pre.clientWidth)).toBe(true);
    }
    await page.context().close();
  });

  it.each([[375], [1280]])('shows the chart\'s numbers whole, the table scrolling in its box (%i px)', async (width) => {
    const page = await open('/real/', { width });
    await page.click('.chart-box summary');
    // A cell whose text takes more than one line box was broken inside a word or number.
    const broken = await page.$$eval('.scroll tbody th, .scroll tbody td', (cells) =>
      (cells as unknown as PageElement[])
        .filter((cell) => {
          const range = document.createRange();
          range.selectNodeContents(cell);
          return new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top))).size > 1;
        })
        .map((cell) => cell.textContent),
    );
    expect(broken).toEqual([]);
    if (width === 375) expect(await page.$eval('.scroll', (box) => box.scrollWidth > box.clientWidth)).toBe(true);
    await page.context().close();
  });

  it('on a phone, End lands on the footer: entries not laid out yet are estimated near their real height', async () => {
    const page = await open('/real/', { width: 375 });
    await page.keyboard.press('End');
    // Entries laid out on the way take their real size; the page settles within a few frames.
    await page.waitForTimeout(300);
    await page.keyboard.press('End');
    await page.waitForTimeout(300);
    const footer = (await page.locator('footer').boundingBox())!;
    expect(footer.y).toBeGreaterThanOrEqual(0);
    expect(footer.y + footer.height).toBeLessThanOrEqual(900 + 1);
    await page.context().close();
  });

  it.each([['/fixture/'], ['/real/']])('has no serious or critical axe-core violation (%s)', async (path) => {
    // The page's policy allows only its own script; the test lets axe in beside it.
    const page = await open(path, { bypassCSP: true });
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const results = await window.axe.run();
      return results.violations.map(({ id, impact, nodes }) => ({ id, impact, nodes: nodes.length }));
    });
    expect(violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')).toEqual([]);
    await page.context().close();
  });

  it('runs nothing from the catalog and asks nothing of another origin', async () => {
    requests.length = 0;
    const page = await open('/fixture/');
    await page.fill('[id="site:q"]', 'script');
    expect(await page.evaluate(() => window.pwned)).toBeUndefined();
    expect(await page.$$('.entry script, .entry img, .entry [onerror]')).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => new URL(url).origin !== server.origin)).toEqual([]);
    await page.context().close();
  });
  /** Where an element is on the screen (its box relative to the viewport). */
  const boxOf = async (page: Page, selector: string) => (await page.locator(selector).first().boundingBox())!;
  const firstShown = (page: Page) => page.locator('.entry:visible').first();
  /** Asserts that an element is wholly within the first `height` pixels of the viewport. */
  async function expectOnScreen(page: Page, selector: string, height: number) {
    const box = await boxOf(page, selector);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(height);
  }

  it.each([
    [1280, 800],
    [375, 812],
  ])('at %ix%i, the search field, the count and the first entry are on the first screen; screenshots', async (width, height) => {
    const page = await open('/real/', { width, height });
    for (const selector of ['[id="site:q"]', '[id="site:status"]']) await expectOnScreen(page, selector, height);
    expect((await firstShown(page).boundingBox())!.y).toBeLessThan(height - 50);
    // The introduction is on the page, its first paragraph shown and the rest folded.
    expect(await page.isVisible('header.masthead > p')).toBe(true);
    expect(await page.isVisible('[id="site:about"] nav.sections')).toBe(false);
    await page.click('[id="site:about"] > summary');
    expect(await page.isVisible('[id="site:about"] nav.sections')).toBe(true);
    mkdirSync(artifacts, { recursive: true });
    // The README's screenshots: question 5 as one list, newest first, on the desktop; a search for "ILP" on a phone.
    await page.goto(`${server.origin}/real/${width > 500 ? '?hardware=Heterogeneous+GPUs+or+accelerators&from=2024&sort=year&view=list' : '?q=ILP'}`);
    await page.waitForSelector('html[data-ready]');
    await page.screenshot({ path: join(artifacts, width > 500 ? 'site-desktop.png' : 'site-phone.png') });
    await page.context().close();
  });

  it('on the desktop the controls stay in view while the entries scroll', async () => {
    const page = await open('/real/', { width: 1280, height: 800 });
    await page.evaluate(() => window.scrollBy(0, 20_000));
    await expectOnScreen(page, '[id="site:q"]', 800);
    await page.context().close();
  });

  it('on a phone the filters open from the bar, with no scrolling box inside the page, and close again; the bar stays at the top', async () => {
    const page = await open('/real/', { width: 375, height: 812 });
    const panel = page.locator('[id="site:filters"] fieldset').first();
    expect(await panel.isVisible()).toBe(false);
    await page.click('[id="site:filters"] > summary');
    expect(await panel.isVisible()).toBe(true);
    const nested = await page.evaluate(() =>
      Array.from(document.querySelectorAll('body *'))
        .filter((element) => ['auto', 'scroll'].includes(getComputedStyle(element).overflowY) && element.scrollHeight > element.clientHeight + 1)
        .map((element) => `${element.tagName}.${element.className}#${element.id}`),
    );
    expect(nested).toEqual([]);
    await page.check('input[name="hardware"][value="TPU"]');
    expect(await status(page)).toBe('5 of 146 entries');
    expect(await page.textContent('[id="site:filters"] > summary')).toBe('Filters (1 on)');
    await page.click('[id="site:done"]');
    expect(await panel.isVisible()).toBe(false);
    expect((await firstShown(page).boundingBox())!.y).toBeLessThan(812);
    await page.evaluate(() => window.scrollBy(0, 3000));
    await expectOnScreen(page, '[id="site:q"]', 812);
    await page.context().close();
  });

  // The five questions a reader asked, each answered exactly; the expected entries are read off catalog.md's rows.
  it('question 1 and 4: PyTorch planners that choose data + tensor parallelism, since 2022; the view shared to a phone', async () => {
    const page = await open('/real/');
    await page.check('input[name="section"][value="data--tensor-intra-operator-parallelism"]');
    await page.check('input[name="framework"][value="PyTorch"]');
    await page.fill('[id="site:from"]', '2022');
    const answer = ['Colossal-Auto', 'EasyDist', 'HAP', 'PyTorch AutoParallel'];
    expect(await visibleNames(page)).toEqual(answer);
    await expect.poll(() => new URL(page.url()).search).toBe('?framework=PyTorch&section=data--tensor-intra-operator-parallelism&from=2022');
    const shared = page.url();
    await page.context().close();
    const phone = await open(new URL(shared).pathname + new URL(shared).search, { width: 375, height: 812 });
    expect(await visibleNames(phone)).toEqual(answer);
    const first = (await firstShown(phone).boundingBox())!;
    expect(first.y).toBeGreaterThanOrEqual(0);
    expect(first.y + 40).toBeLessThanOrEqual(812);
    await phone.context().close();
  });

  it('question 2: what Alpa searches with and where its paper is: the best match comes first', async () => {
    const page = await open('/real/');
    await page.fill('[id="site:q"]', 'alpa');
    await page.selectOption('[id="site:sort"]', 'relevance');
    const first = firstShown(page);
    expect(await first.locator('h3').textContent()).toBe('Alpa');
    expect(await first.locator('dt:text-is("Search method") + dd').textContent()).toBe('Integer linear programming (intra-op) + dynamic programming (inter-op)');
    expect(await first.locator('dt:text-is("Paper") + dd a').getAttribute('href')).toBe('https://arxiv.org/abs/2201.12023');
    // Other entries that mention Alpa follow it.
    expect((await visibleNames(page)).length).toBeGreaterThan(1);
    await page.context().close();
  });

  const integerLinearProgramming = ['Pesto', 'PyTorch AutoParallel', 'Colossal-Auto', 'EasyDist', 'Alpa', 'Rhino (TePDist)', 'Malleus', 'nnScaler', 'Phaze', 'Mist', 'Saturn', 'FlexSP', 'Hydraulis'];

  it('question 3: every planner that uses integer linear programming, by one facet and by one search', async () => {
    const page = await open('/real/');
    await page.check('input[name="search-method-family"][value="Integer linear programming"]');
    expect((await visibleNames(page)).sort()).toEqual([...integerLinearProgramming].sort());
    await page.uncheck('input[name="search-method-family"][value="Integer linear programming"]');
    await page.fill('[id="site:q"]', 'ILP');
    expect((await visibleNames(page)).sort()).toEqual([...integerLinearProgramming].sort());
    await page.context().close();
  });

  it('question 5: planners from 2024–2025 for heterogeneous GPUs', async () => {
    const page = await open('/real/');
    await page.check('input[name="hardware"][value="Heterogeneous GPUs or accelerators"]');
    await page.fill('[id="site:from"]', '2024');
    await page.fill('[id="site:to"]', '2025');
    expect((await visibleNames(page)).sort()).toEqual(
      ['HAP', 'FASOP', 'HETHUB', 'HexiScale', 'Metis', 'Cephalo', 'Poplar', 'H2', 'HAPT (later called Harp)', 'Zorse', 'Astra', 'Sailor', 'Wu et al. (HKUST-GZ)', 'DeepCEE', 'Espresso', 'AutoHet', 'Cannikin'].sort(),
    );
    await page.context().close();
  });

  it('matches words at their start, phrases in quotes, synonyms from the config, and highlights what it matched', async () => {
    const page = await open('/real/');
    await page.fill('[id="site:q"]', 'TP');
    expect(await visibleNames(page)).not.toContain('FTPipe');
    await page.fill('[id="site:q"]', 'MILP');
    expect((await visibleNames(page)).sort()).toEqual(['FlexSP', 'Mist', 'Saturn']);
    await page.fill('[id="site:q"]', '"mixed-integer quadratic"');
    expect(await visibleNames(page)).toEqual(['UniAP']);
    await page.fill('[id="site:q"]', '"quadratic integer"');
    expect(await status(page)).toBe('0 of 146 entries');
    await page.fill('[id="site:q"]', 'dynamic prog');
    await page.fill('[id="site:q"]', 'integer "dynamic prog"');
    await expect.poll(() => page.evaluate(() => CSS.highlights.get('search')!.size)).toBeGreaterThan(0);
    const marked = await page.evaluate(() => [...new Set(Array.from(CSS.highlights.get('search')!, (range) => range.toString().toLowerCase()))].sort());
    // What matched, not the whole word: the phrase's last word matched at its start.
    expect(marked).toEqual(['dynamic prog', 'dynamic-prog', 'integer'].filter((text) => marked.includes(text)));
    expect(marked).toContain('dynamic prog');
    expect(marked).toContain('integer');
    await page.context().close();
  });

  it('says what an empty search looked for, and what dropping a word or a filter would show', async () => {
    const page = await open('/real/');
    await page.check('input[name="framework"][value="JAX"]');
    await page.fill('[id="site:q"]', 'alpa zzzz');
    expect(await page.isVisible('[id="site:empty"]')).toBe(true);
    expect(await page.textContent('[id="site:empty-text"]')).toBe(
      'No entry matches the search “alpa” “zzzz”, Framework: JAX. Drop a word or a filter: without “zzzz”: 1 entries.',
    );
    await page.context().close();
  });

  it('a year box counts nothing for a year half typed', async () => {
    const page = await open('/real/');
    await page.locator('[id="site:to"]').pressSequentially('20');
    expect(await status(page)).toBe('146 of 146 entries');
    expect(await page.isVisible('[id="site:empty"]')).toBe(false);
    await page.locator('[id="site:to"]').pressSequentially('18');
    expect(await status(page)).toBe('10 of 146 entries');
    await page.context().close();
  });

  it('a card shows its section, a permalink with a copy button, and a citation to copy', async () => {
    const page = await open('/real/');
    const alpa = page.locator('[id="alpa"]');
    expect(await alpa.locator('.where a').first().textContent()).toBe('Data + tensor + pipeline parallelism');
    expect(await alpa.locator('a.permalink').getAttribute('href')).toBe('#alpa');
    await alpa.locator('button.copy').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${server.origin}/real/#alpa`);
    await alpa.locator('button.cite').click();
    expect(await alpa.locator('button.cite').getAttribute('aria-expanded')).toBe('true');
    const bibtex = (await alpa.locator('.citation pre').textContent())!;
    expect(bibtex).toMatch(/^@misc\{alpa2022,\n {2}title = \{\{Alpa\}\},/u);
    expect(bibtex).toContain('Alpa');
    expect(bibtex).toContain('2022');
    await alpa.locator('button.copy-bibtex').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(bibtex);
    await alpa.locator('button.cite').click();
    expect(await alpa.locator('.citation').isVisible()).toBe(false);
    // Each paper link says whose paper it is.
    expect(await page.getByRole('link', { name: 'OSDI 2022 (Alpa)' }).count()).toBe(1);
    await page.context().close();
  });

  it('shows one list across the sections, newest first', async () => {
    const page = await open('/real/');
    await page.selectOption('[id="site:view"]', 'list');
    await page.selectOption('[id="site:sort"]', 'year');
    expect(await page.locator('section.section:visible').count()).toBe(0);
    const years = await page.$$eval('.entry', (entries) => (entries as unknown as (PageElement & { dataset: { year?: string } })[]).filter((entry) => entry.offsetParent !== null).map((entry) => entry.dataset.year ?? ''));
    expect(years).toHaveLength(146);
    const dated = years.filter(Boolean).map(Number);
    expect(dated).toEqual([...dated].sort((a, b) => b - a));
    expect(years.slice(dated.length).every((year) => year === '')).toBe(true);
    await expect.poll(() => new URL(page.url()).search).toBe('?sort=year&view=list');
    await page.selectOption('[id="site:view"]', '');
    expect(await page.locator('section.section:visible').count()).toBe(7);
    await page.context().close();
  });

  /** WCAG's contrast ratio of two CSS rgb() colours. */
  function contrast(a: string, b: string): number {
    const luminance = (colour: string) => {
      const [r, g, b] = colour.match(/\d+(\.\d+)?/gu)!.slice(0, 3).map((value) => Number(value) / 255);
      const linear = (value: number) => (value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4);
      return 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!);
    };
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (light! + 0.05) / (dark! + 0.05);
  }

  it.each([['light' as const], ['dark' as const]])('in the %s theme the focus ring has at least 3:1 against the page', async (colorScheme) => {
    const page = await open('/real/', { colorScheme });
    await page.focus('[id="site:q"]');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    const { outline, background } = await page.evaluate(() => ({
      outline: getComputedStyle(document.querySelector('[id="site:q"]')).outlineColor,
      background: getComputedStyle(document.body).backgroundColor,
    }));
    expect(contrast(outline, background)).toBeGreaterThanOrEqual(3);
    if (colorScheme === 'dark') expect(background).toBe('rgb(15, 20, 25)');
    await page.context().close();
  });

  it('prints the real catalog in at most 30 A4 pages, links as text', async () => {
    const page = await open('/real/');
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('[id="site:controls"]')).toBe(false);
    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/gu)!.length;
    expect(pages).toBeLessThanOrEqual(30);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('[id="alpa"] dd a'), '::after').content)).toBe('" <https://arxiv.org/abs/2201.12023>"');
    await page.context().close();
  });

  it('the chart follows the filters, and its text is at least 11 px on a phone', async () => {
    const page = await open('/real/', { width: 375 });
    const drawn = () => page.$$eval('svg.chart rect[data-year]', (bars) => bars.reduce((sum, bar) => sum + Number(bar.getAttribute('height')), 0));
    const whole = await drawn();
    await page.click('[id="site:filters"] > summary');
    await page.check('input[name="hardware"][value="TPU"]');
    expect(await drawn()).toBeLessThan(whole / 4);
    const smallest = await page.$$eval('svg.chart text', (texts) =>
      Math.min(...(texts as unknown as PageElement[]).map((text) => parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM()!.a)),
    );
    expect(smallest).toBeGreaterThanOrEqual(11);
    await page.context().close();
  });

  it.each([
    ['the page in the dark', '/real/?q=ILP', { colorScheme: 'dark' as const }, null],
    ['the phone filter panel', '/real/?framework=PyTorch', { width: 375, height: 812 }, '[id="site:filters"] > summary'],
    ['a citation shown, in one list', '/real/?view=list&sort=year', {}, '[id="alpa"] button.cite'],
    ['a citation in the dark', '/real/', { colorScheme: 'dark' as const }, '[id="alpa"] button.cite'],
  ])('has no axe-core violation in %s', async (_, path, options, click) => {
    const page = await open(path, { ...options, bypassCSP: true });
    if (click) await page.click(click);
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const results = await window.axe.run();
      return results.violations.map(({ id, impact, nodes }) => ({ id, impact, nodes: nodes.length }));
    });
    expect(violations).toEqual([]);
    await page.context().close();
  });
});

