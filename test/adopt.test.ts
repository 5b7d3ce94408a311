// The README's "Use it on your own list", run as a maintainer of another list would: every
// command of its shell blocks in an empty project, with this package installed from the tarball
// `npm pack` makes. No network: the dependencies come from the npm cache that `npm ci` filled,
// through a lockfile made from this repository's own (npm would otherwise ask the registry for
// every dependency's metadata).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const packageJson = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };

/** The README section, up to the next heading of its level. */
function section(title: string): string {
  const start = readme.indexOf(`\n## ${title}\n`);
  expect(start).toBeGreaterThan(0);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

function codeBlocks(text: string, language: string): string[] {
  return [...text.matchAll(new RegExp(`^\`\`\`${language}\\n([^]*?)^\`\`\`$`, 'gmu'))].map((match) => match[1]!);
}

const adopt = section('Use it on your own list');
/** Each command of the section's shell blocks, without its comment. */
const commands = codeBlocks(adopt, 'sh')
  .flatMap((block) => block.split('\n'))
  .map((line) => line.replace(/\s+# .*$/u, '').trim())
  .filter((line) => line !== '' && !line.startsWith('#'));

/** A list of two tables: tools (with a variant spelling of a license) and libraries. */
const LIST = `# Awesome things

## Tools

| Name | Description | License | Year |
| --- | --- | --- | --- |
| [Alpha](https://example.org/alpha) | Plans things. | MIT | 2018 |
| [Beta](https://example.org/beta) | Plans more things. | mit | 2019 |
| [Delta](https://example.org/delta) | Plans other things. | Apache-2.0 | 2021 |
| [Epsilon](https://example.org/epsilon) | Plans for less. | MIT | 2022 |
| [Gamma](https://example.org/gamma) | Plans it all. | Apache-2.0 | 2023 |
| [Zeta](https://example.org/zeta) | Plans at last. | MIT | 2024 |

## Libraries

| Library | Language |
| --- | --- |
| [one](https://example.org/one) | Python |
| [two](https://example.org/two) | Rust |

See [the tools](#tools).
`;

let project = '';
let tarball = '';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function sh(command: string, env: Record<string, string> = {}): Run {
  const { GITHUB_ACTIONS: _actions, ...inherited } = process.env;
  const { status, stdout, stderr } = spawnSync('sh', ['-c', command], { cwd: project, encoding: 'utf8', env: { ...inherited, ...env } });
  return { status, stdout, stderr };
}

/**
 * The lockfile of an empty project that already resolves this package's dependencies as the
 * repository locks them, each with its registry address: with it and its integrity, npm takes
 * the tarball from its cache without asking the registry where it lives.
 */
function lockfileFor(name: string): string {
  const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; version: string }> };
  const packages = Object.fromEntries(
    Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && !entry.dev)
      .map(([path, entry]) => {
        const dependency = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
        const resolved = `https://registry.npmjs.org/${dependency}/-/${dependency.split('/').pop()}-${entry.version}.tgz`;
        return [path, { ...entry, resolved }];
      }),
  );
  return JSON.stringify({ name, version: '1.0.0', lockfileVersion: 3, requires: true, packages: { '': { name, version: '1.0.0' }, ...packages } });
}

beforeAll(() => {
  const folder = mkdtempSync(join(tmpdir(), 'catalog-adopt-'));
  project = join(folder, 'my-list');
  mkdirSync(project);
  // dist/ is built by the global setup; --ignore-scripts leaves the git hooks of this checkout alone.
  const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', folder], { cwd: repoRoot, encoding: 'utf8' }).trim();
  tarball = join(folder, packed);
  writeFileSync(join(project, 'README.md'), LIST);
}, 60_000);

afterAll(() => {
  if (project) rmSync(join(project, '..'), { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('holds the command, its bundle and the JSON Schema, and is not private', () => {
    const files = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).split('\n');
    expect(files).toEqual(expect.arrayContaining(['package/bin/catalog.js', 'package/dist/cli.js', 'package/catalog.schema.json', 'package/package.json']));
    expect(files.some((file) => file.startsWith('package/src/'))).toBe(false);
    expect(packageJson).not.toHaveProperty('private');
  });
});

describe('"Use it on your own list", command by command, in an empty project', () => {
  it('lists the commands this test runs', () => {
    expect(commands.map((command) => command.split(' ').slice(0, 4).join(' '))).toEqual([
      'npm init -y',
      'echo node_modules/ >> .gitignore',
      'npm install --save-dev git+https://github.com/<owner>/<repository>.git',
      'npx --no-install catalog init',
      'npx --no-install catalog lint',
      'npx --no-install catalog format',
      'npx --no-install catalog check',
      'npm pkg set scripts.lint-list="catalog',
      'npm run lint-list',
      "printf '#!/bin/sh\\ngit diff --cached",
    ]);
  });

  it('runs each with the outcome the README gives', () => {
    const [init, ignore, install, ...rest] = commands;
    expect(sh(init!).status).toBe(0);
    expect(sh(ignore!).status).toBe(0);
    expect(readFileSync(join(project, '.gitignore'), 'utf8')).toBe('node_modules/\n');
    writeFileSync(join(project, 'package-lock.json'), lockfileFor(JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')).name));
    // The README's git URL, replaced by the tarball; offline, from npm's cache.
    const installed = sh(`${install!.replace(/git\+https:\S+/u, tarball)} --offline --no-audit --no-fund`);
    expect(installed.status, installed.stderr).toBe(0);
    const [initList, lint, format, check, script, runScript, hook] = rest;

    const inferred = sh(initList!);
    expect(inferred.status, inferred.stderr).toBe(0);
    expect(inferred.stdout).toContain('Wrote catalog.config.json: 2 schemas for 2 tables (8 rows) of README.md.');
    const config = JSON.parse(readFileSync(join(project, 'catalog.config.json'), 'utf8')) as { $schema: string };
    expect(config.$schema).toBe(`./node_modules/${packageJson.name}/catalog.schema.json`);
    expect(existsSync(join(project, config.$schema))).toBe(true);
    expect(sh(initList!).status).toBe(2);

    const linted = sh(lint!);
    expect(linted.status).toBe(1);
    expect(linted.stdout).toContain('Unexpected "mit", expected "MIT"');
    expect(sh(format!).status).toBe(0);
    expect(readFileSync(join(project, 'README.md'), 'utf8')).toBe(LIST.replace('| mit |', '| MIT |'));
    const checked = sh(check!);
    expect(checked.status, checked.stdout).toBe(0);

    expect(sh(script!).status).toBe(0);
    expect(sh(runScript!).status).toBe(0);

    // The hook: a commit that breaks the list is refused, one that keeps it clean goes through.
    expect(sh('git init --quiet').status).toBe(0);
    expect(sh(hook!).status).toBe(0);
    const identity = { GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.org', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@example.org' };
    writeFileSync(join(project, 'README.md'), LIST.replace('| 2021 |', '| 20021 |'));
    const refused = sh('git add README.md catalog.config.json && git commit --quiet -m "Add Delta"', identity);
    expect(refused.status).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain('cell-type');
    // Staged and fixed in the working tree only: the hook asks for the fix to be staged.
    writeFileSync(join(project, 'README.md'), LIST.replace('| mit |', '| MIT |'));
    const unstaged = sh('git commit --quiet -m "Add Delta"', identity);
    expect(unstaged.status).not.toBe(0);
    expect(unstaged.stderr).toContain('unstaged changes');
    expect(sh('git add README.md && git commit --quiet -m "Add the list"', identity).status).toBe(0);
    // A commit that does not touch the list is not checked.
    writeFileSync(join(project, 'notes.txt'), 'notes\n');
    writeFileSync(join(project, 'README.md'), LIST.replace('| 2021 |', '| 20021 |'));
    expect(sh('git add notes.txt && git commit --quiet -m "Notes"', identity).status).toBe(0);
  }, 60_000);

  it('says what to run instead of a stack trace when the command is not built', () => {
    const checkout = join(project, '..', 'unbuilt');
    mkdirSync(join(checkout, 'bin'), { recursive: true });
    copyFileSync(join(repoRoot, 'bin/catalog.js'), join(checkout, 'bin/catalog.js'));
    writeFileSync(join(checkout, 'package.json'), '{"type": "module"}\n');
    const run = spawnSync(process.execPath, [join(checkout, 'bin/catalog.js'), 'lint'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^catalog: the command is not built yet \(no dist\/cli\.js in .*unbuilt\)\. Run `npm ci` there/u);
    expect(run.stderr).not.toContain('    at ');
  });
});

describe('the README\'s hook and workflow for another list', () => {
  it('names a hook that .pre-commit-hooks.yaml offers', () => {
    const [config] = codeBlocks(adopt, 'yaml').map((block) => parse(block) as { repos?: { hooks: { id: string }[] }[] });
    const offered = (parse(readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string }[]).map((hook) => hook.id);
    expect(config!.repos![0]!.hooks.map((hook) => hook.id)).toEqual(['catalog-check-markdown']);
    for (const hook of config!.repos![0]!.hooks) expect(offered).toContain(hook.id);
  });

  it('uses the action with inputs it declares, after a checkout pinned like this repository’s', () => {
    const workflow = codeBlocks(adopt, 'yaml').map((block) => parse(block) as { jobs?: Record<string, { steps: { uses: string; with?: Record<string, string> }[] }> }).find((block) => block.jobs)!;
    const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as { inputs: Record<string, { required?: boolean }> };
    const [checkout, step] = workflow.jobs!['check']!.steps;
    expect(readFileSync(join(repoRoot, '.github/workflows/ci.yml'), 'utf8')).toContain(`uses: ${checkout!.uses}`);
    expect(step!.uses).toBe('<owner>/<repository>@<tag or commit>');
    for (const input of Object.keys(step!.with ?? {})) expect(Object.keys(action.inputs)).toContain(input);
    for (const [name, input] of Object.entries(action.inputs)) if (input.required) expect(step!.with).toHaveProperty(name);
  });
});
