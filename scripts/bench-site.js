// Benchmark of `catalog site`: on a generated 10,000-row catalog, the build time next to
// `catalog check` on the same file (whole processes, interleaved, medians), then in headless
// Chromium the time until the 10,000-entry page is interactive and the time each keystroke of a
// search takes to update the list (medians); and the weight of index.html for the real catalog.
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
 * Types a query one key at a time and erases it; for each keystroke, the time from the input
 * event to the list updated, style and layout done (forced synchronously), in the page.
 */
async function keystrokeTimes(browser, url, query) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForSelector('html[data-ready]', { timeout: 60_000 });
  const values = [...query].map((_, index) => query.slice(0, index + 1));
  values.push(...values.slice(0, -1).reverse(), '');
  const times = await page.evaluate((sequence) => {
    const input = document.getElementById('site:q');
    return sequence.map((value) => {
      const start = performance.now();
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      void document.body.offsetHeight;
      return performance.now() - start;
    });
  }, values);
  await page.close();
  return times;
}

try {
  writeFileSync(join(work, 'generated.md'), generateCatalog(join(root, 'catalog.md'), rows));
  const build = buildAgainstCheck('generated.md');
  const browser = await chromium.launch({ executablePath });
  const url = pathToFileURL(join(work, 'site/index.html')).href;
  const interactive = await timeToInteractive(browser, url);
  const keystrokes = await keystrokeTimes(browser, url, 'dynamic programming');
  await browser.close();
  time(['site', join(root, 'catalog.md'), '--out', 'real-site', '--force']);
  const weight = statSync(join(work, 'real-site/index.html')).size;
  const generatedWeight = statSync(join(work, 'site/index.html')).size;

  console.log(`node ${process.version}, ${executablePath}, ${runs} runs, ${rows.toLocaleString('en-US')} generated rows\n`);
  console.log('| figure | result | target |');
  console.log('| --- | --- | --- |');
  console.log(`| build of the ${rows.toLocaleString('en-US')}-row catalog (median) | ${build.site.toFixed(0)} ms, against ${build.check.toFixed(0)} ms for \`catalog check\`: ${(build.site / build.check).toFixed(2)}× | ≤ 1.5× |`);
  console.log(`| time to interactive, ${rows.toLocaleString('en-US')}-entry page (median; ${(generatedWeight / 1e6).toFixed(1)} MB of HTML) | ${interactive.toFixed(0)} ms | ≤ 1500 ms |`);
  console.log(`| search update per keystroke (median of ${keystrokes.length}; slowest ${Math.max(...keystrokes).toFixed(1)} ms) | ${median(keystrokes).toFixed(1)} ms | < 50 ms |`);
  console.log(`| index.html of the real catalog | ${(weight / 1024).toFixed(1)} KiB (${weight.toLocaleString('en-US')} bytes) | < 200 KB |`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
