// `catalog changes` on histories a test writes: each change a maintainer makes, and the edits
// that change no entry (a re-sort, a reformat, a normalized spelling).
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangesReport } from '../../src/changes/report.js';
import { main } from '../../src/cli.js';
import { ALPA, catalogText, commitCatalog, GPIPE, PIPEDREAM, renamedAndMergedHistory, TOFU, type Row } from './fixtures.js';
import { testRepo, type TestRepo } from './git-repo.js';

let repo: TestRepo;

async function changes(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (text: string) => void (stdout += text), stderr: (text: string) => void (stderr += text), env: {}, isTTY: false };
  const code = await main(['changes', ...args], io);
  return { code, stdout, stderr };
}

async function report(since: string, until?: string, file = 'catalog.md'): Promise<ChangesReport> {
  const run = await changes(['--since', since, ...(until ? ['--until', until] : []), '--format', 'json', join(repo.folder, file)]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as ChangesReport;
}

/** The changes as short lines: `added Alpa (Search)`, `updated GPipe: Year 2019 → 2020`. */
function lines(result: ChangesReport): string[] {
  return result.files[0]!.changes.map((change) => {
    const what = [
      change.renamedFrom !== null ? `renamed from ${change.renamedFrom}` : '',
      change.movedFrom !== null ? `moved from ${change.movedFrom}` : '',
      ...change.fields.map((field) => `${field.column} ${field.before} → ${field.after}`),
    ].filter(Boolean);
    return `${change.change} ${change.name} (${change.section})${what.length ? `: ${what.join('; ')}` : ''}`;
  });
}

beforeEach(() => {
  repo = testRepo();
});
afterEach(() => repo.remove());

describe('catalog changes', () => {
  it('reports an added, a removed, a moved and a changed entry, and a renamed one whose links stayed', async () => {
    const start = commitCatalog(repo, 'start', '2026-01-01T10:00:00Z', { Pipeline: [GPIPE, PIPEDREAM], Operators: [TOFU] });
    commitCatalog(repo, 'add Alpa', '2026-01-02T10:00:00Z', { Pipeline: [GPIPE, PIPEDREAM], Operators: [ALPA, TOFU] });
    commitCatalog(repo, 'remove PipeDream, move GPipe', '2026-01-03T10:00:00Z', { Pipeline: [], Operators: [ALPA, GPIPE, TOFU] });
    const renamed: Row = ['TofuX', TOFU[1], TOFU[2], TOFU[3], TOFU[4]];
    const changedYear: Row = [ALPA[0], ALPA[1], ALPA[2], ALPA[3], '2021'];
    const end = commitCatalog(repo, 'rename Tofu, fix a year', '2026-01-04T10:00:00Z', { Pipeline: [], Operators: [changedYear, GPIPE, renamed] });

    expect(lines(await report(start, end))).toEqual([
      'added Alpa (Operators)',
      'updated GPipe (Operators): moved from Pipeline',
      'updated TofuX (Operators): renamed from Tofu',
      'removed PipeDream (Pipeline)',
    ]);
    const last = await report('HEAD~1', end);
    expect(lines(last)).toEqual(['updated Alpa (Operators): Year 2022 → 2021', 'updated TofuX (Operators): renamed from Tofu']);
    expect(last.files[0]!.summary).toEqual({ added: 0, removed: 0, moved: 0, renamed: 1, changed: 1 });
    expect(last.since.commit).toBe(repo.git('rev-parse', 'HEAD~1'));
  });

  it('finds no change in a re-sort, a reformat, a normalized spelling or an edit of the prose', async () => {
    const start = commitCatalog(repo, 'start', '2026-01-01T10:00:00Z', { Pipeline: [GPIPE, PIPEDREAM, ALPA] });
    const torch: Row = [GPIPE[0], GPIPE[1], GPIPE[2].replace('abs', 'pdf'), 'torch', GPIPE[4]];
    const text = catalogText({ Pipeline: [ALPA, torch, PIPEDREAM] }, 'A list, reworded.')
      .replace('| --- | --- | --- | --- | --- |', '|:---|---|---|---|---|')
      .replace(/\| GPipe \|/u, '|   GPipe   |');
    const end = repo.commit('re-sort and reformat', '2026-01-02T10:00:00Z', { 'catalog.md': text });
    const result = await report(start, end);
    expect(result.files[0]!.changes).toEqual([]);
    expect(result.files[0]!.summary).toEqual({ added: 0, removed: 0, moved: 0, renamed: 0, changed: 0 });
  });

  it('compares with the working tree by default, since the last tag', async () => {
    commitCatalog(repo, 'start', '2026-01-01T10:00:00Z', { Pipeline: [GPIPE] });
    repo.git('tag', 'v1.0.0');
    commitCatalog(repo, 'add PipeDream', '2026-01-02T10:00:00Z', { Pipeline: [GPIPE, PIPEDREAM] });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(repo.folder, 'catalog.md'), catalogText({ Pipeline: [ALPA, GPIPE, PIPEDREAM] }));
    const run = await changes([join(repo.folder, 'catalog.md')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(': since v1.0.0 (');
    expect(run.stdout).toContain('until the working tree');
    expect(run.stdout).toMatch(/added {4}Alpa \(Pipeline\), line 9\n {2}added {4}PipeDream \(Pipeline\), line 11\n {2}2 added\n$/u);
  });

  it('writes release notes grouped by section, each entry linked to its place on the site', async () => {
    const start = commitCatalog(repo, 'start', '2026-01-01T10:00:00Z', { Pipeline: [GPIPE], Operators: [TOFU] });
    const alpa2: Row = ['Alpa', 'Again *one*', '', '', '2023'];
    const end = commitCatalog(repo, 'grow', '2026-01-02T10:00:00Z', { Pipeline: [PIPEDREAM], Operators: [ALPA, alpa2, [TOFU[0], TOFU[1], TOFU[2], TOFU[3], '2018']] });
    const run = await changes(['--since', start, '--until', end, '--format', 'markdown', join(repo.folder, 'catalog.md')]);
    expect(run.stdout).toBe(
      [
        `Changes since ${start.slice(0, 12)}, until ${end.slice(0, 12)}: 3 added, 1 removed, 1 changed.`,
        '',
        '## Pipeline',
        '',
        '- Added [PipeDream](https://example.org/list/#pipedream): Asynchronous pipelines',
        '- Removed **GPipe**',
        '',
        '## Operators',
        '',
        '- Added [Alpa](https://example.org/list/#alpa): Inter- and intra-operator parallelism',
        '- Added [Alpa](https://example.org/list/#alpa-1): Again one',
        '- [Tofu](https://example.org/list/#tofu): Year `2019` → `2018`',
        '',
      ].join('\n'),
    );
  });

  it('reads the earlier revision under the name the file had then, and across a merge', async () => {
    const start = renamedAndMergedHistory(repo);
    commitCatalog(repo, 'both', '2026-01-05T10:00:00Z', { Pipeline: [ALPA, GPIPE, PIPEDREAM] });
    expect(lines(await report(start, 'HEAD'))).toEqual(['added Alpa (Pipeline)', 'added PipeDream (Pipeline)']);
  });

  it('compares tables without a schema row by row', async () => {
    const generic = (rows: string[]) => `# Links\n\n| Site | Note |\n| --- | --- |\n${rows.join('\n')}\n`;
    const start = repo.commit('start', '2026-01-01T10:00:00Z', { 'list.md': generic(['| a | one |', '| b | two |']) });
    const end = repo.commit('edit', '2026-01-02T10:00:00Z', { 'list.md': generic(['| b |  two |', '| a | one, fixed |']) });
    expect(lines(await report(start, end, 'list.md'))).toEqual(['added a (Links)', 'removed a (Links)']);
  });

  it('refuses a revision git does not know, and a folder outside git (exit 2)', async () => {
    commitCatalog(repo, 'start', '2026-01-01T10:00:00Z', { Pipeline: [GPIPE] });
    const unknown = await changes(['--since', 'no-such-ref', join(repo.folder, 'catalog.md')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--since no-such-ref: not a commit git knows in');
    const format = await changes(['--format', 'sarif', join(repo.folder, 'catalog.md')]);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('Formats: stylish, json, markdown');
  });
});
