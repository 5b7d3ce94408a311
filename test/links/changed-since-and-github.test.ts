import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { genericConfig } from '../../src/catalog/load-config.js';
import { readCatalog } from '../../src/catalog/read.js';
import { addedLines, ChangedSinceError, textAtRef } from '../../src/git/text-at-ref.js';
import { linkDiagnostics } from '../../src/links/diagnostics.js';
import { runLinkCheck } from '../../src/links/run.js';
import { LoopbackServer, catalogOf, reply } from './loopback-server.js';
import { checkUrls, fastOptions, resultOf } from './options.js';

let site: LoopbackServer;
let api: LoopbackServer;
let folder: string;

beforeAll(async () => {
  [site, api] = await Promise.all([LoopbackServer.start('127.0.0.8'), LoopbackServer.start('127.0.0.9')]);
  folder = mkdtempSync(join(tmpdir(), 'catalog-links-git-'));
});
afterAll(async () => {
  await Promise.all([site.close(), api.close()]);
  rmSync(folder, { recursive: true, force: true });
});

describe('--changed-since', () => {
  const git = (...args: string[]) => execFileSync('git', ['-C', folder, '-c', 'user.name=test', '-c', 'user.email=test@example.invalid', ...args], { stdio: 'pipe' });
  const table = (rows: string[]) => ['# Methods', '', '| Name | Link |', '| --- | --- |', ...rows, ''].join('\n');

  it('checks only the links the diff added, reported at their cells', async () => {
    const old = site.route('/old-entry', reply(404));
    const added = site.route('/new-entry', reply(404));
    const file = join(folder, 'catalog.md');
    git('init', '--quiet');
    writeFileSync(file, table([`| Old | [x](${old}) |`]));
    git('add', 'catalog.md');
    git('commit', '--quiet', '-m', 'base');
    // The pull request re-sorts the old row (moved, not added) and adds one.
    const source = table([`| New | [x](${added}) |`, `| Old | [x](${old}) |`]);
    writeFileSync(file, source);
    const catalog = readCatalog({ file, source, config: genericConfig() });
    const report = await runLinkCheck({ catalogs: [catalog], ...fastOptions({ changedSince: 'HEAD' }) });
    expect(report.links.map((link) => link.result.url)).toEqual([added]);
    expect(report.links[0]!.locations[0]).toMatchObject({ line: 5, cell: { table: 0, row: 0, column: 1 } });
    expect(site.requestsTo('/old-entry')).toHaveLength(0);
  });

  it('counts a row pasted twice as added where it follows another line than before', () => {
    const old = ['| Name |', '| --- |', '| A |', '| B |'].join('\n');
    expect(addedLines(old, ['| Name |', '| --- |', '| B |', '| A |', '| B |'].join('\n'))).toEqual(new Set([3]));
    expect(addedLines(old, ['| Name |', '| --- |', '| A |', '| B |', '| B |'].join('\n'))).toEqual(new Set([5]));
    expect(addedLines(old, ['| Name |', '| --- |', '| B |', '| A |'].join('\n'))).toEqual(new Set());
  });

  it('HEAD before the first commit: every line is added', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'catalog-unborn-'));
    try {
      execFileSync('git', ['-C', empty, 'init', '--quiet']);
      expect(await textAtRef(join(empty, 'catalog.md'), 'HEAD')).toBe('');
      await expect(textAtRef(join(empty, 'catalog.md'), 'main')).rejects.toBeInstanceOf(ChangedSinceError);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('an unknown reference is a usage error', async () => {
    const catalog = catalogOf([site.url('/x')], join(folder, 'catalog.md'));
    await expect(runLinkCheck({ catalogs: [catalog], ...fastOptions({ changedSince: 'no-such-ref' }) })).rejects.toBeInstanceOf(ChangedSinceError);
  });
});

describe('GitHub repositories through the API', () => {
  interface Query {
    query: string;
    variables: Record<string, string>;
  }
  const queries: Query[] = [];
  const repositories: Record<string, { nameWithOwner: string; isArchived: boolean }> = {
    'flexflow/flexflow': { nameWithOwner: 'flexflow/FlexFlow', isArchived: false },
    'old-owner/tool': { nameWithOwner: 'new-owner/tool', isArchived: false },
    'someone/archived': { nameWithOwner: 'someone/archived', isArchived: true },
  };

  beforeAll(() => {
    api.route('/graphql', (request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const parsed = JSON.parse(body) as Query;
        queries.push(parsed);
        const data: Record<string, unknown> = {};
        const errors: unknown[] = [];
        for (const [name, owner] of Object.entries(parsed.variables).filter(([key]) => key.startsWith('o'))) {
          const index = name.slice(1);
          const repository = repositories[`${owner}/${parsed.variables[`n${index}`]}`.toLowerCase()];
          data[`r${index}`] = repository ? { ...repository, ...(parsed.variables[`e${index}`] ? { object: { __typename: 'Tree' } } : {}) } : null;
          if (!repository) errors.push({ type: 'NOT_FOUND', path: [`r${index}`], message: 'Could not resolve to a Repository' });
        }
        expect(request.headers.authorization).toBe('bearer test-token');
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data, errors }));
      });
    });
  });

  it('checks repositories in batches of 25, reports renames as fixable redirects and archived ones as warnings', async () => {
    const many = Array.from({ length: 30 }, (_, index) => `https://github.com/bulk/repo-${index}`);
    for (const url of many) repositories[new URL(url).pathname.slice(1)] = { nameWithOwner: new URL(url).pathname.slice(1), isArchived: false };
    const urls = [
      'https://github.com/flexflow/FlexFlow',
      'https://github.com/old-owner/tool/tree/main/src',
      'https://github.com/someone/archived',
      'https://github.com/nobody/missing',
      ...many,
    ];
    const report = await checkUrls(urls, { githubToken: 'test-token', githubApiUrl: api.origin });
    expect(resultOf(report, urls[0]!)).toMatchObject({ verdict: 'alive', permanentRedirect: null, archived: false });
    expect(resultOf(report, urls[1]!)).toMatchObject({ verdict: 'alive', permanentRedirect: 'https://github.com/new-owner/tool/tree/main/src' });
    expect(resultOf(report, urls[2]!)).toMatchObject({ verdict: 'alive', archived: true });
    expect(resultOf(report, urls[3]!)).toMatchObject({ verdict: 'dead', status: 404, attempts: 2 });
    // 34 repositories: two calls, then one more to confirm the missing one.
    expect(queries).toHaveLength(3);
    expect(queries[1]!.variables['e1'] ?? queries[0]!.variables['e1']).toBe('main:src');
    const rules = linkDiagnostics(report).map((diagnostic) => diagnostic.ruleId);
    expect(rules).toEqual(expect.arrayContaining(['permanent-redirect', 'archived-repository', 'dead-link']));
    expect(report.links.every((link) => link.result.verdict !== 'unverifiable')).toBe(true);
  });

  it('falls back to HTTP when the API call fails', async () => {
    const broken = await LoopbackServer.start('127.0.0.10');
    broken.route('/graphql', reply(502));
    try {
      const url = 'https://github.com/flexflow/FlexFlow';
      const { fakeResolver } = await import('./loopback-server.js');
      const report = await checkUrls([url], { githubToken: 't', githubApiUrl: broken.origin, resolver: fakeResolver({}, []) });
      // Over HTTP with no network here: unverifiable, never dead.
      expect(resultOf(report, url).verdict).toBe('unverifiable');
    } finally {
      await broken.close();
    }
  });
});
