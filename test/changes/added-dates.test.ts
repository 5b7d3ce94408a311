// The date each entry was added, from scripted histories: `catalog export` reads it in one pass
// over the file's history, and the incremental replay agrees with reading every revision whole.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addedDates } from '../../src/changes/added-dates.js';
import { catalogEntries, identityTokens } from '../../src/changes/entries.js';
import { parseConfig } from '../../src/catalog/load-config.js';
import { readCatalog } from '../../src/catalog/read.js';
import { main } from '../../src/cli.js';
import type { CatalogExport } from '../../src/export/catalog-json.js';
import { fileHistory } from '../../src/git/file-history.js';
import { ALPA, catalogText, commitCatalog, CONFIG, GPIPE, PIPEDREAM, renamedAndMergedHistory, TOFU, type Row } from './fixtures.js';
import { testRepo, type TestRepo } from './git-repo.js';

let repo: TestRepo;
beforeEach(() => {
  repo = testRepo();
});
afterEach(() => repo.remove());

async function exportDates(file = 'catalog.md'): Promise<{ dates: Record<string, string | null>; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (text: string) => void (stdout += text), stderr: (text: string) => void (stderr += text), env: {}, isTTY: false };
  expect(await main(['export', join(repo.folder, file)], io)).toBe(0);
  const exported = JSON.parse(stdout) as CatalogExport;
  const dates: Record<string, string | null> = {};
  for (const section of exported.sections) for (const entry of section.entries) dates[entry.fields['Name']!.text] = entry.added;
  return { dates, stderr };
}

describe('the date an entry was added', () => {
  it('is the first commit that holds it, through a re-sort, a move, a rename with the same links and an edit of the prose', async () => {
    commitCatalog(repo, 'start', '2026-01-01T10:00:00Z', { Pipeline: [GPIPE, TOFU] });
    commitCatalog(repo, 'add PipeDream', '2026-01-02T10:00:00+02:00', { Pipeline: [GPIPE, PIPEDREAM, TOFU] });
    commitCatalog(repo, 're-sort, move Tofu', '2026-01-03T10:00:00Z', { Pipeline: [PIPEDREAM, GPIPE], Operators: [TOFU] }, 'New words.');
    const renamed: Row = ['TofuX', 'Operator partitioning, reworded', TOFU[2], TOFU[3], TOFU[4]];
    commitCatalog(repo, 'rename Tofu, add Alpa', '2026-01-04T10:00:00Z', { Pipeline: [PIPEDREAM, GPIPE], Operators: [ALPA, renamed] });
    writeFileSync(join(repo.folder, 'catalog.md'), catalogText({ Pipeline: [PIPEDREAM, GPIPE, ['Uncommitted', 'Not yet', '', '', '2024']], Operators: [ALPA, renamed] }));
    const { dates, stderr } = await exportDates();
    expect(stderr).toBe('');
    expect(dates).toEqual({
      GPipe: '2026-01-01T10:00:00Z',
      PipeDream: '2026-01-02T08:00:00Z',
      Uncommitted: null,
      Alpa: '2026-01-04T10:00:00Z',
      TofuX: '2026-01-01T10:00:00Z',
    });
  });

  it("follows the file through a rename, and dates a merged branch's entry by its merge", async () => {
    renamedAndMergedHistory(repo);
    writeFileSync(join(repo.folder, 'catalog.md'), catalogText({ Pipeline: [ALPA, GPIPE, PIPEDREAM] }));
    repo.commit('both', '2026-01-06T10:00:00Z');
    const { dates } = await exportDates();
    // Split in two after the rename, the history is the same, the commits before the rename included.
    const whole = await fileHistory(join(repo.folder, 'catalog.md'));
    expect(whole.map((commit) => commit.date.slice(0, 10))).toEqual(['2026-01-01', '2026-01-02', '2026-01-04', '2026-01-05']);
    expect(await fileHistory(join(repo.folder, 'catalog.md'), 'HEAD', 2)).toEqual(whole);
    // On the main line, Alpa came with the merge.
    expect(dates).toEqual({ Alpa: '2026-01-05T10:00:00Z', GPipe: '2026-01-01T10:00:00Z', PipeDream: '2026-01-04T10:00:00Z' });
  });

  it('is null without git history, said once', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'catalog-no-git-'));
    try {
      writeFileSync(join(folder, 'catalog.config.json'), CONFIG);
      writeFileSync(join(folder, 'catalog.md'), catalogText({ Pipeline: [GPIPE, PIPEDREAM] }));
      let stdout = '';
      let stderr = '';
      const io = { stdout: (text: string) => void (stdout += text), stderr: (text: string) => void (stderr += text), env: {}, isTTY: false };
      expect(await main(['export', join(folder, 'catalog.md')], io)).toBe(0);
      const entries = (JSON.parse(stdout) as CatalogExport).sections[0]!.entries;
      expect(entries.map((entry) => entry.added)).toEqual([null, null]);
      expect(stderr.match(/no git history for .*catalog\.md \(.*is not in a git repository\): entries have no date added\n/gu)).toHaveLength(1);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('marks new entries on the site and lists them in feed.xml; without git history the site has neither, and says so once', async () => {
    commitCatalog(repo, 'start', '2026-01-01T10:00:00Z', { Pipeline: [GPIPE] });
    commitCatalog(repo, 'add Alpa', '2026-01-20T10:00:00Z', { Pipeline: [ALPA, GPIPE] });
    const build = async (folder: string) => {
      let stderr = '';
      const io = { stdout: () => undefined, stderr: (text: string) => void (stderr += text), env: { SOURCE_DATE_EPOCH: String(Date.parse('2026-02-01T00:00:00Z') / 1000) }, isTTY: false };
      const out = join(folder, '_site');
      const code = await main(['site', join(folder, 'catalog.md'), '--out', out, '--force'], io);
      expect(code, stderr).toBe(0);
      return { stderr, out };
    };
    const { out } = await build(repo.folder);
    const { readFileSync, existsSync, rmSync: remove } = await import('node:fs');
    const page = readFileSync(join(out, 'index.html'), 'utf8');
    expect(page).toContain('<p class="added"><strong class="new">New</strong> Added <time datetime="2026-01-20">2026-01-20</time></p>');
    expect(page).toContain('<p class="added">Added <time datetime="2026-01-01">2026-01-01</time></p>');
    const feed = readFileSync(join(out, 'feed.xml'), 'utf8');
    expect([...feed.matchAll(/<title>([^<]+)<\/title>/gu)].map((match) => match[1])).toEqual(['Methods: new entries', 'Alpa', 'GPipe']);
    expect(feed).toContain('<id>https://example.org/list/#alpa</id>');

    remove(join(repo.folder, '.git'), { recursive: true, force: true });
    remove(out, { recursive: true, force: true });
    const plain = await build(repo.folder);
    expect(plain.stderr.match(/no git history for .*catalog\.md \(.*\): the site shows no dates added, no "new" marks and no feed\n/gu)).toHaveLength(1);
    expect(existsSync(join(plain.out, 'feed.xml'))).toBe(false);
    expect(readFileSync(join(plain.out, 'index.html'), 'utf8')).not.toContain('class="added"');
  });

  it('agrees with reading every revision whole, on a random history', async () => {
    const config = parseConfig(JSON.parse(CONFIG), null);
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const names = Array.from({ length: 40 }, (_, index) => `System ${index}`);
    let sections: Record<string, Row[]> = { One: [], Two: [] };
    let intro = 'Intro.';
    let header = '| Name | Description | Paper | Framework | Year |';
    const texts: string[] = [];
    for (let step = 0; step < 24; step++) {
      const all = Object.values(sections).flat();
      const kind = random(8);
      const target = Object.keys(sections)[random(2)]!;
      if (kind < 4 || all.length === 0) {
        const name = names[random(names.length)]!;
        sections[target]!.splice(random(sections[target]!.length + 1), 0, [name, `About ${name}`, `[P](https://arxiv.org/abs/2101.${String(random(50)).padStart(5, '0')})`, 'JAX', '2020']);
      } else if (kind === 4) {
        for (const rows of Object.values(sections)) if (rows.length) rows.splice(random(rows.length), 1);
      } else if (kind === 5) {
        sections = { One: [...sections['One']!].reverse(), Two: sections['Two']! };
      } else if (kind === 6) {
        intro = `Intro ${step}.`;
      } else {
        header = step % 2 ? '| Name | Description | Paper | Framework | Year |' : '| name | Description | Paper | Framework | Year |';
      }
      const text = catalogText(sections, intro).replaceAll('| Name | Description | Paper | Framework | Year |', header);
      texts.push(text);
      repo.commit(`step ${step}`, `2026-02-${String(1 + step).padStart(2, '0')}T00:00:00Z`, { 'catalog.config.json': CONFIG, 'catalog.md': text });
    }
    const commits = await fileHistory(join(repo.folder, 'catalog.md'));
    // Read in two halves at once, the history is the same.
    expect(await fileHistory(join(repo.folder, 'catalog.md'), 'HEAD', 8)).toEqual(commits);
    expect(commits).toHaveLength(24);
    const incremental = addedDates(commits, config);
    // Whole revisions: the first commit whose catalog holds one of the entry's tokens.
    const firstSeen = new Map<string, number>();
    texts.forEach((text, index) => {
      for (const entry of catalogEntries(readCatalog({ file: 'c.md', source: text, config }))) for (const token of identityTokens(entry)) if (!firstSeen.has(token)) firstSeen.set(token, index);
    });
    const last = catalogEntries(readCatalog({ file: 'c.md', source: texts.at(-1)!, config }));
    const whole = last.map((entry) => commits[Math.min(...identityTokens(entry).map((token) => firstSeen.get(token)!))]!.date);
    expect(last.length).toBeGreaterThan(5);
    expect(last.map((entry) => incremental(entry)?.date)).toEqual(whole);
  });
});
