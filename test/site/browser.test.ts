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
  querySelector(selector: string): PageElement | null;
  scrollIntoView(): void;
}
interface AxeResults {
  violations: { id: string; impact: string; nodes: unknown[] }[];
}
declare const document: {
  activeElement: { id: string } | null;
  documentElement: { scrollWidth: number };
  querySelector(selector: string): PageElement | null;
  createRange(): { selectNodeContents(node: PageElement): void; getClientRects(): ArrayLike<{ top: number }> };
};
declare const window: { pwned?: boolean; axe: { run(): Promise<AxeResults> } };
declare function getComputedStyle(element: unknown): { outlineStyle: string };

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
      const files = siteFiles([loadCatalog(path).catalog], build);
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

  async function open(path: string, options: { width?: number; javaScript?: boolean; bypassCSP?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: options.width ?? 1280, height: 900 },
      javaScriptEnabled: options.javaScript ?? true,
      bypassCSP: options.bypassCSP ?? false,
    });
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
    expect(new URL(page.url()).search).toBe('?q=programming&framework=JAX&sort=name');
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
    await page.click('nav.sections a[href="#tensor-planners-1"]');
    await page.fill('[id="site:q"]', 'alpa');
    expect(await status(page)).toBe('1 of 7 entries');
    await page.goBack();
    expect(new URL(page.url()).search).toBe('?q=dynamic');
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
    expect(new URL(page.url()).search).toBe('?framework=PyTorch');
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

  it.each([['/fixture/'], ['/real/']])('does not scroll sideways at 375 px (%s), and saves screenshots', async (path) => {
    const page = await open(path, { width: 375 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    if (path === '/fixture/') {
      // The fixture's section introduction holds a code block with a 600-character line: it scrolls in its own box.
      expect(await page.$eval('pre', (pre) => pre.scrollWidth > pre.clientWidth)).toBe(true);
    }
    if (path === '/real/') {
      // The page where the search and the entries start: the top is the catalog's own introduction.
      mkdirSync(artifacts, { recursive: true });
      await page.evaluate(() => document.querySelector('.layout')!.scrollIntoView());
      await page.screenshot({ path: join(artifacts, 'site-phone.png') });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.evaluate(() => document.querySelector('.layout')!.scrollIntoView());
      await page.screenshot({ path: join(artifacts, 'site-desktop.png') });
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
});

