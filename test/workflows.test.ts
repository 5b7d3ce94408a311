import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import {
  ISSUE_LABEL,
  ISSUE_TITLE,
  issueBody,
  isClear,
  linkProblems,
  updateLinkIssue,
  type IssuesClient,
} from '../.github/scripts/link-issue.js';
import type { CheckedLink, LinkLocation } from '../src/links/types.js';
import { linkReportJson, type LinkJsonEntry, type LinkJsonReport } from '../src/report/links-json.js';

const repoRoot = new URL('../', import.meta.url);
const workflowsDir = new URL('.github/workflows/', repoRoot);
const packageJson = JSON.parse(readFileSync(new URL('package.json', repoRoot), 'utf8')) as {
  scripts: Record<string, string>;
};
const catalogConfig = JSON.parse(readFileSync(new URL('catalog.config.json', repoRoot), 'utf8')) as {
  links: { cacheFile: string };
};

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  if?: string;
}
interface Job {
  'runs-on': string;
  needs?: string | string[];
  environment?: { name: string; url?: string };
  'timeout-minutes'?: number;
  permissions?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string> | string;
  jobs: Record<string, Job>;
}

const workflowFiles = readdirSync(workflowsDir).filter((name) => /\.ya?ml$/.test(name));
const sources = new Map(workflowFiles.map((name) => [name, readFileSync(new URL(name, workflowsDir), 'utf8')]));

function parseWorkflow(name: string): Workflow {
  const document = parseDocument(sources.get(name)!, { uniqueKeys: true });
  expect(document.errors.map((error) => error.message)).toEqual([]);
  return document.toJS() as Workflow;
}

const workflows = new Map(workflowFiles.map((name) => [name, parseWorkflow(name)]));
const allSteps = [...workflows].flatMap(([file, workflow]) =>
  Object.entries(workflow.jobs).flatMap(([jobId, job]) => job.steps.map((step) => ({ file, jobId, step }))),
);
const runScripts = allSteps.flatMap(({ file, step }) => (step.run ? [{ file, run: step.run }] : []));

/** The CLI's commands (`catalog <command>`). */
const CATALOG_COMMANDS = ['init', 'lint', 'format', 'check', 'links', 'papers', 'export', 'changes', 'site'];
/** `owner/repo[/path]@<full commit SHA> # vX.Y.Z` */
const PINNED_USES = /^\s*(?:-\s+)?uses:\s+([\w.-]+\/[\w.-]+(?:\/[\w./-]+)?)@([0-9a-f]{40}) # v\d+\.\d+\.\d+\s*$/;
/** The only write permissions, per workflow and job: everything else reads at most. */
const WRITE_PERMISSIONS: Record<string, string[]> = { 'links.yml/links': ['issues'], 'pages.yml/deploy': ['pages', 'id-token'], 'release.yml/release': ['contents'] };

describe('workflows', () => {
  it('exist: ci.yml, links.yml, pages.yml and release.yml', () => {
    expect(workflowFiles.sort()).toEqual(['ci.yml', 'links.yml', 'pages.yml', 'release.yml']);
  });

  it('parse, and every job has steps, a runner and a time limit', () => {
    for (const [file, workflow] of workflows) {
      expect(Object.keys(workflow.jobs).length, file).toBeGreaterThan(0);
      for (const [jobId, job] of Object.entries(workflow.jobs)) {
        expect(job['runs-on'], `${file}/${jobId}`).toBe('ubuntu-latest');
        expect(job['timeout-minutes'], `${file}/${jobId}`).toBeGreaterThan(0);
        expect(job.steps.length, `${file}/${jobId}`).toBeGreaterThan(0);
      }
    }
  });

  it('run on the events the maintainers rely on', () => {
    expect(Object.keys(workflows.get('ci.yml')!.on).sort()).toEqual(['pull_request', 'push']);
    expect(Object.keys(workflows.get('links.yml')!.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(workflows.get('pages.yml')!.on).toEqual({ push: { branches: ['main'] }, workflow_dispatch: null });
    expect(workflows.get('release.yml')!.on).toEqual({ push: { tags: ['v*'] } });
  });

  it('pin every action to a full commit SHA with its version in a comment, the same SHA everywhere', () => {
    const shaOfAction = new Map<string, string>();
    for (const [file, source] of sources) {
      for (const line of source.split('\n').filter((text) => /^\s*(?:-\s+)?uses:/.test(text))) {
        const match = PINNED_USES.exec(line);
        expect(match, `${file}: ${line.trim()}`).not.toBeNull();
        const [, action, sha] = match!;
        const repository = action!.split('/').slice(0, 2).join('/');
        expect(shaOfAction.get(repository) ?? sha, `${file}: ${repository} pinned to two commits`).toBe(sha);
        shaOfAction.set(repository, sha!);
      }
    }
    expect(allSteps.filter(({ step }) => step.uses).length).toBe(
      [...sources.values()].join('\n').split('\n').filter((text) => /^\s*(?:-\s+)?uses:/.test(text)).length,
    );
  });

  it('declare permissions explicitly: read-only at the top, writes only where a job needs them', () => {
    for (const [file, workflow] of workflows) {
      expect(workflow.permissions, file).toEqual({ contents: 'read' });
      for (const [jobId, job] of Object.entries(workflow.jobs)) {
        const writes = Object.entries(job.permissions ?? {})
          .filter(([, level]) => level === 'write')
          .map(([scope]) => scope);
        expect(writes, `${file}/${jobId}`).toEqual(WRITE_PERMISSIONS[`${file}/${jobId}`] ?? []);
        for (const level of Object.values(job.permissions ?? {})) expect(['read', 'write', 'none']).toContain(level);
      }
    }
  });

  it('call only npm scripts that package.json has', () => {
    const called = runScripts.flatMap(({ run }) => [...run.matchAll(/\bnpm (?:run(?:-script)? ([\w:-]+)|(test))\b/g)].map((match) => match[1] ?? match[2]!));
    expect(called).toEqual(expect.arrayContaining(['test', 'lint-catalog']));
    for (const script of called) expect(Object.keys(packageJson.scripts), `npm run ${script}`).toContain(script);
  });

  it('call the CLI through its bin with known commands', () => {
    const calls = runScripts.flatMap(({ run }) => [...run.matchAll(/\bnode (\S+)(?: (\S+))?/g)]);
    expect(calls.length).toBeGreaterThan(0);
    for (const [, path, command] of calls) {
      expect(existsSync(new URL(path!, repoRoot)), path).toBe(true);
      if (path === 'bin/catalog.js') expect(CATALOG_COMMANDS).toContain(command);
    }
  });

  it('set up Node 20 with the npm cache, then install with npm ci', () => {
    for (const { file, jobId, step } of allSteps.filter(({ step }) => step.uses?.startsWith('actions/setup-node@'))) {
      expect(step.with, `${file}/${jobId}`).toEqual({ 'node-version': 20, cache: 'npm' });
    }
    for (const [file, workflow] of workflows) {
      for (const [jobId, job] of Object.entries(workflow.jobs)) {
        const runs = job.steps.flatMap((step) => (step.run ? [step.run] : []));
        // A job that runs no command of its own (the Pages deployment) installs nothing.
        if (runs.length > 0) expect(runs[0], `${file}/${jobId}`).toBe('npm ci');
      }
    }
  });

  it('never expand ${{ }} expressions from events inside shell scripts (they go through env)', () => {
    for (const { file, run } of runScripts) expect(run, file).not.toMatch(/\$\{\{/);
  });

  it('check the links a pull request added against its base commit, with the report in the job summary', () => {
    const job = workflows.get('ci.yml')!.jobs['links']!;
    expect(job).toBeDefined();
    const checkout = job.steps.find((step) => step.uses?.startsWith('actions/checkout@'))!;
    expect(checkout.with?.['fetch-depth']).toBe(0);
    const check = job.steps.find((step) => step.run?.includes(' links '))!;
    expect(check.run).toContain('--changed-since "$BASE_SHA"');
    expect(check.run).toContain('--report-md "$GITHUB_STEP_SUMMARY"');
    expect(check.env?.['BASE_SHA']).toBe('${{ github.event.pull_request.base.sha }}');
  });

  it('write the notes of a release from the catalog changes since the previous tag, and publish them', () => {
    const { release } = workflows.get('release.yml')!.jobs;
    expect(release!.steps.find((step) => step.uses?.startsWith('actions/checkout@'))!.with?.['fetch-depth']).toBe(0);
    const notes = release!.steps.find((step) => step.run?.includes(' changes '))!;
    expect(notes.env).toEqual({ TAG: '${{ github.ref_name }}' });
    expect(release!.steps.at(-1)!.run).toContain('--notes-file release-notes.md');
    // The step's own script, in a repository with two tags.
    const folder = mkdtempSync(join(tmpdir(), 'catalog-release-'));
    try {
      const git = (...args: string[]) => spawnSync('git', ['-C', folder, '-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { encoding: 'utf8' });
      const table = (rows: string[]) => `# List\n\n## Tools\n\n| Name | Note |\n| --- | --- |\n${rows.join('\n')}\n`;
      git('init', '--quiet');
      writeFileSync(join(folder, 'catalog.md'), table(['| a | one |']));
      git('add', '.');
      git('commit', '--quiet', '-m', 'one');
      git('tag', 'v1.0.0');
      writeFileSync(join(folder, 'catalog.md'), table(['| a | one |', '| b | two |']));
      git('commit', '--quiet', '-am', 'two');
      git('tag', 'v1.1.0');
      const script = notes.run!.replaceAll('node bin/catalog.js', `node ${fileURLToPath(new URL('bin/catalog.js', repoRoot))}`);
      const summary = join(folder, 'summary.md');
      const run = spawnSync('bash', ['-e', '-c', script], { cwd: folder, encoding: 'utf8', env: { ...process.env, TAG: 'v1.1.0', GITHUB_STEP_SUMMARY: summary } });
      expect(run.status, run.stderr).toBe(0);
      const written = readFileSync(join(folder, 'release-notes.md'), 'utf8');
      expect(written).toMatch(/^Changes since v1\.0\.0 \([0-9a-f]{12}\), until v1\.1\.0 \([0-9a-f]{12}\): 1 added\.\n\n## Tools\n\n- Added \*\*b\*\*: two\n$/u);
      expect(readFileSync(summary, 'utf8')).toBe(written);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('build the site from a lint-clean catalog and deploy it to Pages from a job of its own', () => {
    const { build, deploy } = workflows.get('pages.yml')!.jobs;
    const site = build!.steps.findIndex((step) => step.run === 'npm run site');
    const upload = build!.steps.findIndex((step) => step.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(site).toBeGreaterThan(0);
    expect(upload).toBeGreaterThan(site);
    expect(build!.steps[upload]!.with).toEqual({ path: '_site' });
    expect(packageJson.scripts['site']).toMatch(/ site catalog\.md$/u);
    expect(build!.permissions).toBeUndefined();
    expect(deploy!.needs).toBe('build');
    expect(deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy!.environment).toEqual({ name: 'github-pages', url: '${{ steps.deployment.outputs.page_url }}' });
    expect(deploy!.steps.map((step) => step.uses?.split('@')[0])).toEqual(['actions/deploy-pages']);
  });

  it('lint a pull request against its base commit, so that findings about two rows land on the added one', () => {
    const job = workflows.get('ci.yml')!.jobs['test']!;
    const checkout = job.steps.find((step) => step.uses?.startsWith('actions/checkout@'))!;
    expect(checkout.with?.['fetch-depth']).toBe(0);
    const lint = job.steps.find((step) => step.run?.includes('lint-catalog'))!;
    expect(lint.run).toContain('${BASE_SHA:+--changed-since "$BASE_SHA"}');
    expect(lint.env?.['BASE_SHA']).toBe('${{ github.event.pull_request.base.sha }}');
  });

  it('keep the link cache with actions/cache, at the path the config names', () => {
    const steps = workflows.get('links.yml')!.jobs['links']!.steps;
    const restore = steps.find((step) => step.uses?.startsWith('actions/cache/restore@'))!;
    const save = steps.find((step) => step.uses?.startsWith('actions/cache/save@'))!;
    expect(restore.with?.['path']).toBe(catalogConfig.links.cacheFile);
    expect(save.with?.['path']).toBe(catalogConfig.links.cacheFile);
    expect(save.if).toBe('always()');
    const check = steps.find((step) => step.run?.includes(' links '))!;
    expect(check.run).toContain('--all');
    expect(check.run).toContain('GITHUB_STEP_SUMMARY');
    expect(steps.indexOf(restore)).toBeLessThan(steps.indexOf(check));
    expect(steps.indexOf(check)).toBeLessThan(steps.indexOf(save));
  });

  it("run catalog papers after the links (reading the registry answers they cached) and before the cache is saved", () => {
    const steps = workflows.get('links.yml')!.jobs['links']!.steps;
    const links = steps.findIndex((step) => step.run?.includes('bin/catalog.js links '));
    const papers = steps.findIndex((step) => step.run?.includes('bin/catalog.js papers catalog.md --format json'));
    const save = steps.findIndex((step) => step.uses?.startsWith('actions/cache/save@'));
    expect(links).toBeGreaterThanOrEqual(0);
    expect(papers).toBeGreaterThan(links);
    expect(save).toBeGreaterThan(papers);
    const script = steps.find((step) => step.uses?.startsWith('actions/github-script@'))!;
    expect(String(script.with?.['script'])).toContain("paperResults:");
  });

  it('update the issue with the script this repository ships', () => {
    const script = workflows.get('links.yml')!.jobs['links']!.steps.find((step) => step.uses?.startsWith('actions/github-script@'))!;
    expect(String(script.with?.['script'])).toContain("'${{ github.workspace }}/.github/scripts/link-issue.js'");
  });
});

interface ActionInput {
  description?: string;
  required?: boolean;
  default?: string;
}
interface Action {
  name: string;
  description: string;
  inputs: Record<string, ActionInput>;
  runs: { using: string; steps: (Step & { shell?: string; 'working-directory'?: string })[] };
}

describe('action.yml (the reusable action for other lists)', () => {
  const source = readFileSync(new URL('action.yml', repoRoot), 'utf8');
  const document = parseDocument(source, { uniqueKeys: true });
  const action = document.toJS() as Action;
  const runStep = action.runs.steps.find((step) => step.run?.includes('CATALOG_BIN'))!;

  it('has the shape GitHub reads: a name, a description, described inputs and composite steps', () => {
    expect(document.errors.map((error) => error.message)).toEqual([]);
    expect(Object.keys(action).sort()).toEqual(['branding', 'description', 'inputs', 'name', 'runs']);
    expect(action.name).not.toBe('');
    expect(action.description).not.toBe('');
    expect(Object.keys(action.inputs)).toEqual(['command', 'files', 'config', 'changed-since', 'github-token']);
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(Object.keys(input).every((key) => ['description', 'required', 'default'].includes(key)), name).toBe(true);
      expect(input.description, name).toMatch(/\S/u);
    }
    expect(action.inputs['files']!.required).toBe(true);
    expect(action.inputs['command']!.default).toBe('check');
    expect(action.inputs['github-token']!.default).toBe('${{ github.token }}');
    expect(action.runs.using).toBe('composite');
    for (const step of action.runs.steps) {
      expect(Boolean(step.uses) !== Boolean(step.run), JSON.stringify(step)).toBe(true);
      if (step.run) expect(step.shell).toBe('bash');
    }
  });

  it('pins what it uses like the workflows do, to the same commits', () => {
    const workflowPins = new Map(
      [...sources.values()].flatMap((text) => [...text.matchAll(new RegExp(PINNED_USES.source, 'gmu'))].map((match) => [match[1]!, match[2]!] as const)),
    );
    const uses = source.split('\n').filter((line) => /^\s*(?:-\s+)?uses:/u.test(line));
    expect(uses.length).toBe(action.runs.steps.filter((step) => step.uses).length);
    for (const line of uses) {
      const match = PINNED_USES.exec(line);
      expect(match, line.trim()).not.toBeNull();
      expect(workflowPins.get(match![1]!), line.trim()).toBe(match![2]);
    }
  });

  it('installs the command from its own checkout and passes every input through env, never ${{ }} in a script', () => {
    const install = action.runs.steps.find((step) => step.run?.startsWith('npm ci'))!;
    expect(install['working-directory']).toBe('${{ github.action_path }}');
    for (const step of action.runs.steps) if (step.run) expect(step.run).not.toMatch(/\$\{\{/u);
    expect(runStep.env?.['CATALOG_BIN']).toBe('${{ github.action_path }}/bin/catalog.js');
    for (const name of Object.keys(action.inputs)) expect(Object.values(runStep.env ?? {})).toContain(`\${{ inputs.${name} }}`);
  });

  describe('its script, run as the runner would (the command built here stands in for the installed one)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'catalog-action-'));
    afterAll(() => rmSync(folder, { recursive: true, force: true }));
    const list = join(folder, 'README.md');
    writeFileSync(list, '# Tools\n\n| Name | Year |\n| --- | --- |\n| [A](https://example.org/a) | 2020 |\n| [B](https://example.org/b) | 20 |\n');
    writeFileSync(join(folder, 'catalog.config.json'), JSON.stringify({ tables: [{ key: 'Name', columns: [{ name: 'Name', type: 'link' }, { name: 'Year', type: 'year' }] }] }));
    const run = (inputs: Record<string, string>) =>
      spawnSync('bash', ['-e', '-c', runStep.run!], {
        cwd: folder,
        encoding: 'utf8',
        env: {
          PATH: process.env['PATH'],
          GITHUB_ACTIONS: 'true',
          GITHUB_STEP_SUMMARY: join(folder, 'summary.md'),
          CATALOG_BIN: fileURLToPath(new URL('bin/catalog.js', repoRoot)),
          COMMAND: 'check',
          FILES: 'README.md',
          CONFIG: '',
          CHANGED_SINCE: '',
          GITHUB_TOKEN: '',
          ...inputs,
        },
      });

    it('annotates each problem on its line and fails the step', () => {
      const result = run({});
      rmSync(join(folder, 'summary.md'), { force: true });
      expect(result.status).toBe(1);
      expect(result.stdout).toMatch(/^::error file=README\.md,line=6,.*cell-type/mu);
    });

    it('refuses an unknown command, with an annotation and a line of the job summary', () => {
      const result = run({ COMMAND: 'format' });
      expect(result.stdout).toContain('::error title=catalog::The command input must be check or links');
      expect(result.status).toBe(2);
      expect(readFileSync(join(folder, 'summary.md'), 'utf8')).toContain('- catalog: The command input must be check or links');
      rmSync(join(folder, 'summary.md'), { force: true });
    });

    it('expands globs itself, and refuses a glob that matches nothing or a missing file the same way', () => {
      mkdirSync(join(folder, 'docs', 'deep'), { recursive: true });
      writeFileSync(join(folder, 'docs', 'deep', 'more.md'), '# More\n\n| Name | Year |\n| --- | --- |\n| [C](https://example.org/c) | 19 |\n');
      const globbed = run({ FILES: 'README.md docs/**/*.md' });
      expect(globbed.status).toBe(1);
      expect(globbed.stdout).toMatch(/^::error file=docs\/deep\/more\.md,line=5,/mu);
      rmSync(join(folder, 'summary.md'), { force: true });
      for (const [files, message] of [
        ['*.txt', 'The files input "*.txt" matches no file.'],
        ['README.md LIST.md', 'The files input names "LIST.md", which does not exist.'],
        ['', 'The files input names no file.'],
      ]) {
        const refused = run({ FILES: files! });
        expect(refused.status, files).toBe(2);
        expect(refused.stdout).toContain(`::error title=catalog::${message}`);
        expect(readFileSync(join(folder, 'summary.md'), 'utf8')).toContain(message!);
        rmSync(join(folder, 'summary.md'), { force: true });
      }
      rmSync(join(folder, 'docs'), { recursive: true, force: true });
    });

    it('lists every finding in the job summary, with links to their lines, when there are more than GitHub annotates', () => {
      const many = join(folder, 'many.md');
      const rows = Array.from({ length: 12 }, (_, index) => `| [E${index}](https://example.org/e${index}) | ${index} |`);
      writeFileSync(many, `# Many\n\n| Name | Year |\n| --- | --- |\n${rows.join('\n')}\n`);
      const result = run({ FILES: 'many.md', GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'owner/list', GITHUB_SHA: 'abc123' });
      expect(result.status).toBe(1);
      const summary = readFileSync(join(folder, 'summary.md'), 'utf8');
      expect(summary).toContain('### catalog: 12 findings');
      expect(summary).toContain('| [many.md:16](https://github.com/owner/list/blob/abc123/many.md#L16) | error | cell-type |');
      rmSync(join(folder, 'summary.md'), { force: true });
      // Ten findings or fewer all show as annotations: no summary.
      run({});
      expect(existsSync(join(folder, 'summary.md'))).toBe(false);
      rmSync(many);
    });

    it('passes changed-since to check (here, outside a git repository, check says so)', () => {
      const result = run({ CHANGED_SINCE: 'main' });
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('--changed-since main');
      expect(result.stderr).toContain('not in a git repository');
    });
  });
});

function checked(url: string, overrides: Partial<LinkJsonEntry>, line = 10): LinkJsonEntry {
  return {
    url,
    verdict: 'alive',
    status: 200,
    reason: '200 OK',
    redirects: [],
    finalUrl: url,
    permanentRedirect: null,
    suspicious: null,
    archived: false,
    escalated: false,
    attempts: 1,
    cached: false,
    firstSeen: '2025-01-01T00:00:00.000Z',
    unverifiableRuns: 0,
    locations: [{ file: 'catalog.md', line, column: 3 }],
    ...overrides,
  };
}

const dead = checked('https://example.org/gone', { verdict: 'dead', status: 404, reason: '404 Not Found' }, 12);
const escalated = checked('https://example.org/bot-wall', { verdict: 'unverifiable', status: 403, reason: '403 Forbidden', escalated: true }, 14);
const merelyRefused = checked('https://example.org/refused', { verdict: 'unverifiable', status: 429, reason: '429 Too Many Requests' });
const moved = checked('http://example.org/old', { permanentRedirect: 'https://example.org/new' }, 16);
const alive = checked('https://example.org/fine', {});
const report = (...urls: LinkJsonEntry[]): LinkJsonReport => ({
  summary: { total: urls.length, alive: 0, dead: 0, unverifiable: 0, escalated: 0, permanentRedirects: 0, skipped: 0, durationMs: 0 },
  urls,
  skipped: [],
  hosts: [],
  warnings: [],
});

/** A stand-in for the Octokit client of actions/github-script that records each call. */
function fakeGithub(openIssues: { number: number; pull_request?: unknown }[], labelExists = true) {
  const calls: [string, Record<string, unknown>][] = [];
  const record = (name: string, response: unknown = {}) => async (params: object) => {
    calls.push([name, params as Record<string, unknown>]);
    return response;
  };
  const github: IssuesClient = {
    rest: {
      issues: {
        listForRepo: record('listForRepo', { data: openIssues }) as IssuesClient['rest']['issues']['listForRepo'],
        create: record('create', { data: { number: 99 } }) as IssuesClient['rest']['issues']['create'],
        update: record('update'),
        createComment: record('createComment'),
        getLabel: async (params) => {
          calls.push(['getLabel', params as Record<string, unknown>]);
          if (!labelExists) throw Object.assign(new Error('Not Found'), { status: 404 });
          return {};
        },
        createLabel: record('createLabel'),
      },
    },
  };
  return { github, calls, names: () => calls.map(([name]) => name) };
}

const repo = { owner: 'maintainers', repo: 'catalog' };
const runUrl = 'https://github.com/maintainers/catalog/actions/runs/1';

describe('the link-check issue', () => {
  it('needs dead links, escalated links and permanent redirects; not a site that merely refused us', () => {
    const problems = linkProblems(report(dead, escalated, merelyRefused, moved, alive));
    expect(problems.dead.map((entry) => entry.url)).toEqual([dead.url]);
    expect(problems.escalated.map((entry) => entry.url)).toEqual([escalated.url]);
    expect(problems.redirects.map((entry) => entry.url)).toEqual([moved.url]);
  });

  it('reads what `catalog links --format json` prints', () => {
    const location = (line: number): LinkLocation => {
      const point = { line, column: 3, offset: 0 };
      return { file: 'catalog.md', line, column: 3, range: { start: point, end: point }, urlRange: null, writtenUrl: '', cell: null };
    };
    const asChecked = ({ locations, ...result }: LinkJsonEntry): CheckedLink => ({
      result: { ...result, bytesRead: 0, unverifiableSince: null },
      locations: locations.map(({ line }) => location(line)),
    });
    const printed = linkReportJson({
      links: [dead, escalated, moved, alive].map(asChecked),
      skipped: [],
      hosts: [],
      warnings: [],
      startedAt: '2025-01-06T05:17:00.000Z',
      durationMs: 1200,
    });
    expect(linkProblems(JSON.parse(JSON.stringify(printed)))).toEqual(linkProblems(report(dead, escalated, moved, alive)));
  });

  it('lists each problem with its place and what to do', () => {
    const body = issueBody(linkProblems(report(dead, escalated, moved)), runUrl);
    expect(body).toContain('### Dead links (1)');
    expect(body).toContain('- [ ] <https://example.org/gone> (catalog.md:12:3): 404 Not Found');
    expect(body).toContain('### Unverifiable for too long (1)');
    expect(body).toContain('- [ ] <https://example.org/bot-wall> (catalog.md:14:3): 403 Forbidden');
    expect(body).toContain('### Permanent redirects (1)');
    expect(body).toContain('- [ ] <http://example.org/old> (catalog.md:16:3): → <https://example.org/new>');
    expect(body).toContain('--fix-redirects');
    expect(body).toContain(runUrl);
  });

  it('lists paper findings below the dead links, and counts them as problems', () => {
    const papers = { diagnostics: [{ ruleId: 'paper-year', severity: 'error', message: 'Year 2021 is later than the earliest linked paper', file: 'catalog.md', line: 20, column: 90 }] };
    const problems = linkProblems(report(dead), papers);
    expect(isClear(linkProblems(report(alive), { diagnostics: [] }))).toBe(true);
    expect(isClear(linkProblems(report(alive), papers))).toBe(false);
    const body = issueBody(problems, runUrl);
    expect(body).toContain('### Paper findings (1)');
    expect(body).toContain('- [ ] catalog.md:20:90 `paper-year` (error): Year 2021 is later than the earliest linked paper');
    expect(body.indexOf('### Dead links')).toBeLessThan(body.indexOf('### Paper findings'));
    expect(() => linkProblems(report(dead), {})).toThrow(/no "diagnostics" array/u);
  });

  it('opens one labelled issue when there is none, creating the label first', async () => {
    const { github, calls, names } = fakeGithub([], false);
    const outcome = await updateLinkIssue({ github, repo, results: report(dead), runUrl });
    expect(names()).toEqual(['listForRepo', 'getLabel', 'createLabel', 'create']);
    expect(calls[0]![1]).toMatchObject({ ...repo, labels: ISSUE_LABEL, state: 'open' });
    expect(calls[3]![1]).toMatchObject({ ...repo, title: ISSUE_TITLE, labels: [ISSUE_LABEL] });
    expect(outcome).toBe('1 dead, 0 paper findings, 0 unverifiable for too long, 0 permanent redirects; opened issue #99.');
  });

  it('updates the open issue (never a pull request) instead of opening another', async () => {
    const { github, calls, names } = fakeGithub([{ number: 3, pull_request: {} }, { number: 7 }]);
    await updateLinkIssue({ github, repo, results: report(moved), runUrl });
    expect(names()).toEqual(['listForRepo', 'update']);
    expect(calls[1]![1]).toMatchObject({ ...repo, issue_number: 7, title: ISSUE_TITLE });
    expect(String(calls[1]![1]['body'])).toContain('http://example.org/old');
  });

  it('closes the issue with a comment when all is clear', async () => {
    const { github, calls, names } = fakeGithub([{ number: 7 }]);
    const outcome = await updateLinkIssue({ github, repo, results: report(alive, merelyRefused), runUrl });
    expect(names()).toEqual(['listForRepo', 'createComment', 'update']);
    expect(calls[2]![1]).toMatchObject({ issue_number: 7, state: 'closed', state_reason: 'completed' });
    expect(outcome).toBe('All links are fine; closed issue #7.');
  });

  it('does nothing when all is clear and no issue is open', async () => {
    const { github, names } = fakeGithub([]);
    await updateLinkIssue({ github, repo, results: report(alive), runUrl });
    expect(names()).toEqual(['listForRepo']);
  });

  it('leaves the issue alone when the results are not a link report', async () => {
    const { github, names } = fakeGithub([{ number: 7 }]);
    await expect(updateLinkIssue({ github, repo, results: [], runUrl })).rejects.toThrow(/no "urls" array/);
    expect(names()).toEqual([]);
  });
});
