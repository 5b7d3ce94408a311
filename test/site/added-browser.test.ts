// The dates added on the site, in Chromium (as test/site/browser.test.ts drives it): the "New"
// mark, the "added since" filter and the sort by date added, on the site fixture with dates
// given to each row.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Row } from '../../src/catalog/model.js';
import { loadCatalog } from '../../src/commands/load.js';
import { siteFiles } from '../../src/site/build.js';
import { findChromium, serveFolder, type StaticServer } from './browser.js';
import { fixtureCatalog } from './helpers.js';

interface PageElement {
  hidden: boolean;
  offsetParent: unknown;
  textContent: string | null;
  querySelector(selector: string): PageElement | null;
}

const executablePath = findChromium();
// Rows in document order: GPipe, PipeDream, C Planner, C++ Planner, Alpa, Script Test, Tensor Planners.
const DATES = ['2025-06-01T09:00:00Z', '2026-01-20T09:00:00Z', '2025-12-01T09:00:00Z', '2026-01-25T09:00:00Z', '2026-01-30T09:00:00Z', null, '2025-11-11T09:00:00Z'];

describe.skipIf(!executablePath)('dates added, in Chromium', { timeout: 60_000 }, () => {
  let root: string;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'catalog-site-added-'));
    const catalog = loadCatalog(fixtureCatalog).catalog;
    const rows = catalog.tables.flatMap((table) => table.rows);
    const added = new Map<Row, string>(rows.flatMap((row, index) => (DATES[index] ? [[row, DATES[index]!] as [Row, string]] : [])));
    mkdirSync(join(root, 'site'));
    const files = siteFiles([catalog], { date: '2026-02-01' }, undefined, { added, newDays: 14, url: null });
    for (const [file, text] of Object.entries(files)) writeFileSync(join(root, 'site', file), text);
    server = await serveFolder(root);
    browser = await chromium.launch({ executablePath });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  async function open(path: string): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(`${server.origin}${path}`);
    await page.waitForSelector('html[data-ready]');
    return page;
  }
  const visibleNames = (page: Page) =>
    page.$$eval('.entry', (entries) => (entries as unknown as PageElement[]).filter((entry) => !entry.hidden && entry.offsetParent !== null).map((entry) => entry.querySelector('h3')!.textContent));

  it('marks the entries added within site.newDays of the build as new, and shows every date', async () => {
    const page = await open('/site/');
    const marked = await page.$$eval('.entry', (entries) =>
      (entries as unknown as PageElement[]).filter((entry) => entry.querySelector('.new') !== null).map((entry) => entry.querySelector('h3')!.textContent),
    );
    // Built on 2026-02-01 with a 14-day window: added on or after 2026-01-18.
    expect(marked).toEqual(['PipeDream', 'C++ Planner', 'Alpa']);
    expect(await page.textContent('[id="alpa"] .added')).toBe('New Added 2026-01-30');
    expect(await page.textContent('[id="gpipe"] .added')).toBe('Added 2025-06-01');
    expect(await page.$('[id="script-test"] .added')).toBeNull();
    expect(await page.getAttribute('link[rel="alternate"][type="application/atom+xml"]', 'href')).toBe('feed.xml');
    await page.context().close();
  });

  it('filters on the day added, keeps it in the URL, and sorts newest first with undated entries last', async () => {
    const page = await open('/site/');
    await page.fill('[id="site:added"]', '2026-01-01');
    expect(await visibleNames(page)).toEqual(['PipeDream', 'C++ Planner', 'Alpa']);
    expect(await page.textContent('[id="site:status"]')).toBe('3 of 7 entries');
    expect(new URL(page.url()).searchParams.get('added')).toBe('2026-01-01');
    await page.fill('[id="site:added"]', '');
    await page.selectOption('[id="site:sort"]', 'added');
    expect(await visibleNames(page)).toEqual(['C++ Planner', 'PipeDream', 'C Planner', 'GPipe', 'Alpa', 'Tensor Planners', 'Script Test']);
    await page.reload();
    await page.waitForSelector('html[data-ready]');
    expect(await page.inputValue('[id="site:sort"]')).toBe('added');
    expect(await visibleNames(page)).toEqual(['C++ Planner', 'PipeDream', 'C Planner', 'GPipe', 'Alpa', 'Tensor Planners', 'Script Test']);
    await page.context().close();
  });
});
