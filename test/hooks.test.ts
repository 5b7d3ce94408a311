import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const installer = join(repoRoot, 'scripts/install-git-hooks.js');
const packageJson = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
  scripts: Record<string, string>;
  'simple-git-hooks'?: Record<string, string>;
};

/** The pre-commit hook's command: a script that runs the lint-catalog check on what is committed. */
const HOOK_COMMAND = 'sh scripts/pre-commit.sh';
const hookScript = readFileSync(join(repoRoot, 'scripts/pre-commit.sh'), 'utf8');

const temporaryFolders: string[] = [];
afterEach(() => {
  for (const folder of temporaryFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A project folder like the repository: package.json with the hook config, and (optionally) its node_modules. */
function project({ withGit, withDependencies = true }: { withGit: boolean; withDependencies?: boolean }): string {
  const folder = mkdtempSync(join(tmpdir(), 'catalog-hooks-'));
  temporaryFolders.push(folder);
  writeFileSync(
    join(folder, 'package.json'),
    JSON.stringify({
      name: 'hooks-fixture',
      private: true,
      devDependencies: { 'simple-git-hooks': '2.14.0' },
      'simple-git-hooks': { 'pre-commit': HOOK_COMMAND },
    }),
  );
  mkdirSync(join(folder, 'scripts'));
  writeFileSync(join(folder, 'scripts', 'pre-commit.sh'), hookScript);
  if (withDependencies) symlinkSync(join(repoRoot, 'node_modules'), join(folder, 'node_modules'), 'dir');
  if (withGit) execFileSync('git', ['init', '--quiet', folder]);
  return folder;
}

function install(folder: string, env: Record<string, string> = {}): string {
  const { CI: _ci, SKIP_INSTALL_SIMPLE_GIT_HOOKS: _skip, ...inherited } = process.env;
  return execFileSync(process.execPath, [installer], { cwd: folder, env: { ...inherited, ...env }, encoding: 'utf8' });
}

const preCommitHook = (folder: string) => join(folder, '.git', 'hooks', 'pre-commit');

describe('the git hook installer (run by `prepare`)', () => {
  it('installs an executable pre-commit hook with the configured command, skippable by SKIP_SIMPLE_GIT_HOOKS', () => {
    const folder = project({ withGit: true });
    install(folder);
    const hook = readFileSync(preCommitHook(folder), 'utf8');
    expect(hook).toMatch(/^#!\/bin\/sh\n/);
    expect(hook).toContain('SKIP_SIMPLE_GIT_HOOKS');
    expect(hook.trimEnd().endsWith(HOOK_COMMAND)).toBe(true);
    expect(statSync(preCommitHook(folder)).mode & 0o111).not.toBe(0);
  });

  it('succeeds without installing where there is no .git (a tarball, an export)', () => {
    const folder = project({ withGit: false });
    expect(install(folder)).toContain('no .git here');
    expect(existsSync(join(folder, '.git'))).toBe(false);
  });

  it.each([
    ['in CI', { CI: 'true' }, 'running in CI'],
    ['when asked to', { SKIP_INSTALL_SIMPLE_GIT_HOOKS: '1' }, 'SKIP_INSTALL_SIMPLE_GIT_HOOKS is set'],
  ])('installs nothing %s', (_when, env, reason) => {
    const folder = project({ withGit: true });
    expect(install(folder, env)).toContain(reason);
    expect(existsSync(preCommitHook(folder))).toBe(false);
  });

  it('succeeds without installing when dev dependencies were left out', () => {
    const folder = project({ withGit: true, withDependencies: false });
    expect(install(folder)).toContain('simple-git-hooks is missing');
    expect(existsSync(preCommitHook(folder))).toBe(false);
  });

  it('is wired into package.json: the hook config and the prepare script', () => {
    expect(packageJson['simple-git-hooks']).toEqual({ 'pre-commit': HOOK_COMMAND });
    expect(packageJson.scripts['prepare']).toMatch(/(^|&& )node scripts\/install-git-hooks\.js$/);
    expect(packageJson.scripts['lint-catalog']).toBe('node bin/catalog.js check catalog.md');
    // The hook runs the same check, errors only.
    expect(hookScript.trimEnd().split('\n').at(-1)).toBe('exec node bin/catalog.js check --quiet --changed-since HEAD catalog.md');
  });
});

describe('the installed pre-commit hook', () => {
  /** A repository with the hook installed, and a `bin/catalog.js` stand-in that logs its arguments and exits with CHECK_EXIT. */
  function repositoryWithHook() {
    const folder = project({ withGit: true });
    install(folder);
    mkdirSync(join(folder, 'bin'));
    writeFileSync(
      join(folder, 'bin', 'catalog.js'),
      "require('node:fs').appendFileSync(process.env.CHECK_LOG, process.argv.slice(2).join(' ') + '\\n');\nprocess.exitCode = Number(process.env.CHECK_EXIT ?? 0);\n",
    );
    const log = join(folder, '.check-log');
    writeFileSync(join(folder, '.git', 'info', 'exclude'), 'bin\nscripts\n.check-log\nnode_modules\n');
    const commit = (file: string, env: Record<string, string> = {}, ...flags: string[]) => {
      writeFileSync(join(folder, file), `${Math.random()}\n`);
      execFileSync('git', ['add', file], { cwd: folder });
      return gitCommit(folder, file, { CHECK_LOG: log, ...env }, flags).status;
    };
    const checkCalls = () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []);
    return { commit, checkCalls, folder };
  }

  it('leaves commits that do not touch the catalog alone', () => {
    const { commit, checkCalls } = repositoryWithHook();
    expect(commit('README.md')).toBe(0);
    expect(checkCalls()).toEqual([]);
  });

  it('runs the lint-catalog check when the catalog or its config is staged, and blocks the commit when it fails', () => {
    const { commit, checkCalls } = repositoryWithHook();
    expect(commit('catalog.md')).toBe(0);
    expect(commit('catalog.config.json')).toBe(0);
    expect(checkCalls()).toEqual(['check --quiet --changed-since HEAD catalog.md', 'check --quiet --changed-since HEAD catalog.md']);
    expect(commit('catalog.md', { CHECK_EXIT: '1' })).not.toBe(0);
  });

  it('refuses to check when the catalog also has unstaged changes, since the check would not see what is committed', () => {
    const { commit, checkCalls, folder } = repositoryWithHook();
    expect(commit('catalog.md')).toBe(0);
    writeFileSync(join(folder, 'catalog.md'), 'staged\n');
    execFileSync('git', ['add', 'catalog.md'], { cwd: folder });
    writeFileSync(join(folder, 'catalog.md'), 'formatted after staging\n');
    const refused = gitCommit(folder, 'unstaged', { CHECK_LOG: join(folder, '.check-log') }, []);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('has changes that are not staged');
    expect(refused.stderr).toContain('git add catalog.md');
    expect(checkCalls()).toEqual(['check --quiet --changed-since HEAD catalog.md']);
  });

  it('can be skipped once, with --no-verify or SKIP_SIMPLE_GIT_HOOKS=1', () => {
    const { commit, checkCalls } = repositoryWithHook();
    expect(commit('catalog.md', { CHECK_EXIT: '1' }, '--no-verify')).toBe(0);
    expect(commit('catalog.md', { CHECK_EXIT: '1', SKIP_SIMPLE_GIT_HOOKS: '1' })).toBe(0);
    expect(checkCalls()).toEqual([]);
  });

  it('refuses a commit of a broken catalog with the check\'s own messages (the real command)', () => {
    const folder = project({ withGit: true });
    install(folder);
    // The real command, as a clone has it after `npm ci`: bin/ and the built dist/.
    symlinkSync(join(repoRoot, 'bin'), join(folder, 'bin'), 'dir');
    symlinkSync(join(repoRoot, 'dist'), join(folder, 'dist'), 'dir');
    writeFileSync(join(folder, '.git', 'info', 'exclude'), 'bin\ndist\nscripts\nnode_modules\n');
    writeFileSync(join(folder, 'catalog.md'), '# List\n\n| Name | Year |\n| --- | --- |\n| A | 2021 |\n| B |\n');
    writeFileSync(join(folder, 'catalog.config.json'), JSON.stringify({ tables: [{ name: 'list', columns: [{ name: 'Name' }, { name: 'Year', type: 'year' }] }] }));
    execFileSync('git', ['add', 'catalog.md', 'catalog.config.json'], { cwd: folder });
    const refused = gitCommit(folder, 'broken', {}, []);
    expect(refused.status).not.toBe(0);
    // git gives a hook's output to the committer on stderr.
    expect(refused.stderr).toContain('6:6  error    Row has 1 cell, expected 2 (the header has 2): the "Year" cell is missing');
    expect(refused.stderr).toContain('table-column-count');
    writeFileSync(join(folder, 'catalog.md'), '# List\n\n| Name | Year |\n| --- | --- |\n| A | 2021 |\n| B | 2022 |\n');
    execFileSync('git', ['add', 'catalog.md'], { cwd: folder });
    expect(gitCommit(folder, 'fixed', {}, []).status).toBe(0);
    // A duplicate pasted above the row it repeats is blamed on the row being committed.
    writeFileSync(join(folder, 'catalog.md'), '# List\n\n| Name | Year |\n| --- | --- |\n| B | 2022 |\n| A | 2021 |\n| B | 2022 |\n');
    execFileSync('git', ['add', 'catalog.md'], { cwd: folder });
    const duplicate = gitCommit(folder, 'duplicate', {}, []);
    expect(duplicate.status).not.toBe(0);
    expect(duplicate.stderr).toContain('5:3-5:4  error    Duplicate entry "B": the same name as "B" on line 7');
  });
});

function gitCommit(folder: string, message: string, env: Record<string, string>, flags: string[]) {
  return spawnSync('git', ['-c', 'user.name=Maintainer', '-c', 'user.email=m@example.org', 'commit', '--quiet', '-m', message, ...flags], {
    cwd: folder,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', SKIP_SIMPLE_GIT_HOOKS: '', ...env },
  });
}

describe('.pre-commit-hooks.yaml (for the pre-commit framework)', () => {
  const hooks = parse(readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];

  // language: system runs the catalog installed in the repository; pre-commit's node environments
  // install hook repositories globally from git, where npm gives a package's build no dev tools.
  it('offers a hook that runs the installed `catalog check` on the catalog, and one for every markdown file the commit touches', () => {
    expect(hooks).toEqual([
      expect.objectContaining({
        id: 'catalog-check',
        entry: 'npx --no-install catalog check --changed-since HEAD',
        language: 'system',
        files: '^catalog\\.md$',
        pass_filenames: true,
      }),
      expect.objectContaining({
        id: 'catalog-check-markdown',
        entry: 'npx --no-install catalog check --changed-since HEAD',
        language: 'system',
        types: ['markdown'],
        pass_filenames: true,
      }),
    ]);
    expect(hooks[1]).not.toHaveProperty('files');
    expect(Object.keys(packageJson.bin)).toContain('catalog');
    for (const hook of hooks) expect(Object.keys(hook)).toEqual(expect.arrayContaining(['id', 'name', 'entry', 'language']));
  });
});
