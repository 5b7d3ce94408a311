// Benchmark of `catalog site`: on a generated 10,000-row catalog, the build time next to
// `catalog check` on the same file (whole processes, interleaved, medians), then in headless
// Chromium the time until the 10,000-entry page is interactive, and for a keystroke in the search,
// the first keystroke on a fresh page, a checkbox and a sort, the time from the input event to the
// next frame (medians); and the weight of index.html for the real catalog.
// The generated catalog has 7 sections, as the real one, so the one-list view has sections to merge.
// Usage: npm run bench:site [-- --runs N] [-- --rows N]
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { generateCatalog } from './generate-catalog.js';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({ options: { runs: { type: 'string' }, rows: { type: 'string' } } });
const runs = Number(values.runs ?? 5);
const rows = Number(values.rows ?? 10000);
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const work = mkdtempSync(join(tmpdir(), 'catalog-bench-site-'));
copyFileSync(join(root, 'catalog.config.json'), join(work, 'catalog.config.json'));
const catalog = join(root, 'bin/catalog.js');

const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function time(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [catalog, ...args], { cwd: work, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`catalog ${args.join(' ')} exited ${result.status}:\n${result.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Whole processes, interleaved so a slow spell of the machine hits both alike. */
function buildAgainstCheck(file) {
  const site = [];
  const check = [];
  for (let run = 0; run < runs; run++) {
    check.push(time(['check', file]));
    site.push(time(['site', file, '--out', 'site']));
  }
  return { site: median(site), check: median(check) };
}

/** From navigation start to the end of the page script's start-up (its `catalog-ready` mark). */
async function timeToInteractive(browser, url) {
  const times = [];
  for (let run = 0; run < runs; run++) {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForSelector('html[data-ready]', { timeout: 60_000 });
    times.push(await page.evaluate(() => performance.getEntriesByName('catalog-ready')[0].startTime));
    await page.close();
  }
  return median(times);
}

/**
 * Makes the page record, for every input event, the time from the event (its timeStamp, when the
 * browser received the input) to the next frame: a task posted from the next animation frame
 * runs once that frame's style, layout and paint are done.
 */
async function recordFrames(page) {
  await page.evaluate(() => {
    window.frameTimes = [];
    document.addEventListener(
      'input',
      (event) => {
        const start = event.timeStamp;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => window.frameTimes.push(performance.now() - start);
          channel.port2.postMessage(null);
        });
      },
      true,
    );
  });
}

async function openPage(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  await page.waitForSelector('html[data-ready]', { timeout: 60_000 });
  await recordFrames(page);
  return page;
}

/** Does one input with `act`, waits for its frame, and returns its time. */
async function timed(page, act) {
  const before = await page.evaluate(() => window.frameTimes.length);
  await act();
  await page.waitForFunction((count) => window.frameTimes.length > count, before, { timeout: 60_000 });
  return page.evaluate(() => window.frameTimes[window.frameTimes.length - 1]);
}

/** Types a query one real key at a time and erases it: each keystroke's time to the next frame. */
async function keystrokeTimes(browser, url, query) {
  const page = await openPage(browser, url);
  await page.focus('[id="site:q"]');
  const times = [];
  for (const key of query) times.push(await timed(page, () => page.keyboard.press(key === ' ' ? 'Space' : key)));
  for (let index = 0; index < query.length; index++) times.push(await timed(page, () => page.keyboard.press('Backspace')));
  await page.close();
  return times;
}

/** The first keystroke on a page just made interactive (nothing searched before). */
async function firstKeystrokeTimes(browser, url) {
  const times = [];
  for (let run = 0; run < runs; run++) {
    const page = await openPage(browser, url);
    await page.focus('[id="site:q"]');
    times.push(await timed(page, () => page.keyboard.press('d')));
    await page.close();
  }
  return times;
}

/** Ticks and unticks checkboxes of the facets (a framework, a search method, a hardware value). */
async function checkboxTimes(browser, url) {
  const page = await openPage(browser, url);
  const boxes = ['input[name="framework"][value="PyTorch"]', 'input[name="search-method-family"][value="Dynamic programming"]', 'input[name="hardware"][value="TPU"]'];
  const times = [];
  for (let round = 0; round < Math.max(2, runs); round++) {
    for (const box of boxes) times.push(await timed(page, () => page.click(box)));
    for (const box of boxes) times.push(await timed(page, () => page.click(box)));
  }
  await page.close();
  return times;
}

/** Steps through the sort's options with the keyboard, and back, then the one-list view with its sorts. */
async function sortTimes(browser, url) {
  const page = await openPage(browser, url);
  const options = await page.$$eval('[id="site:sort"] option', (all) => all.length);
  const times = [];
  for (let round = 0; round < Math.max(1, Math.floor(runs / 2)); round++) {
    await page.focus('[id="site:sort"]');
    for (let step = 1; step < options; step++) times.push(await timed(page, () => page.keyboard.press('ArrowDown')));
    for (let step = 1; step < options; step++) times.push(await timed(page, () => page.keyboard.press('ArrowUp')));
  }
  await page.close();
  return times;
}

async function viewTimes(browser, url) {
  const page = await openPage(browser, url);
  const times = [];
  for (let round = 0; round < runs; round++) {
    await page.focus('[id="site:view"]');
    times.push(await timed(page, () => page.keyboard.press('ArrowDown')));
    times.push(await timed(page, () => page.keyboard.press('ArrowUp')));
  }
  await page.close();
  return times;
}

const describe = (times) => `${median(times).toFixed(1)} ms (median of ${times.length}; slowest ${Math.max(...times).toFixed(1)} ms)`;

try {
  writeFileSync(join(work, 'generated.md'), generateCatalog(join(root, 'catalog.md'), rows, { sections: 7 }));
  const build = buildAgainstCheck('generated.md');
  const browser = await chromium.launch({ executablePath });
  const url = pathToFileURL(join(work, 'site/index.html')).href;
  const interactive = await timeToInteractive(browser, url);
  const keystrokes = await keystrokeTimes(browser, url, 'dynamic programming');
  const first = await firstKeystrokeTimes(browser, url);
  const checkboxes = await checkboxTimes(browser, url);
  const sorts = await sortTimes(browser, url);
  const views = await viewTimes(browser, url);
  await browser.close();
  time(['site', join(root, 'catalog.md'), '--out', 'real-site', '--force']);
  const weight = statSync(join(work, 'real-site/index.html')).size;
  const generatedWeight = statSync(join(work, 'site/index.html')).size;

  console.log(`node ${process.version}, ${executablePath}, ${runs} runs, ${rows.toLocaleString('en-US')} generated rows\n`);
  console.log('| figure | result | target |');
  console.log('| --- | --- | --- |');
  console.log(`| build of the ${rows.toLocaleString('en-US')}-row catalog (median) | ${build.site.toFixed(0)} ms, against ${build.check.toFixed(0)} ms for \`catalog check\`: ${(build.site / build.check).toFixed(2)}× | ≤ 1.5× |`);
  console.log(`| time to interactive, ${rows.toLocaleString('en-US')}-entry page (median; ${(generatedWeight / 1e6).toFixed(1)} MB of HTML) | ${interactive.toFixed(0)} ms | ≤ 1000 ms |`);
  console.log(`| keystroke in the search, input to next frame | ${describe(keystrokes)} | < 50 ms |`);
  console.log(`| first keystroke on a fresh page | ${describe(first)} | < 100 ms |`);
  console.log(`| checkbox of a facet, ticked or unticked | ${describe(checkboxes)} | < 100 ms |`);
  console.log(`| sort, each option in turn | ${describe(sorts)} | < 100 ms |`);
  console.log(`| by section ↔ one list | ${describe(views)} | < 100 ms |`);
  console.log(`| index.html of the real catalog | ${(weight / 1024).toFixed(1)} KiB (${weight.toLocaleString('en-US')} bytes) | < 200 KB |`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
