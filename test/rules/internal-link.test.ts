import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { genericConfig, loadConfig } from '../../src/catalog/load-config.js';
import { readCatalog } from '../../src/catalog/read.js';
import type { Workspace } from '../../src/catalog/workspace.js';
import { MAX_LINKED_FILE_BYTES, fileSystemWorkspace } from '../../src/commands/workspace.js';
import { internalLink } from '../../src/rules/internal-link.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

function check(source: string, workspace: Workspace | null, path = '/repo/list.md') {
  const catalog = readCatalog({ file: path, source, config: genericConfig() });
  return internalLink.check(catalog, genericConfig(), workspace ? { workspace } : {});
}

/** A repository of the given files, in memory. */
function inMemory(files: Record<string, string>, path = '/repo/list.md'): Workspace {
  const folders = new Set(Object.keys(files).flatMap((file) => file.split('/').slice(1, -1).map((_, index, parts) => `/${parts.slice(0, index + 1).join('/')}`)));
  return { path, root: '/repo', exists: (target) => target in files || folders.has(target), readText: (target) => files[target] ?? null };
}

describe('internal-link', () => {
  it('reports nothing on the committed catalog.md and README.md', () => {
    for (const file of ['catalog.md', 'README.md']) {
      const path = `${repoRoot}${file}`;
      const config = loadConfig(path);
      const catalog = readCatalog({ file, source: readFileSync(path, 'utf8'), config });
      expect(internalLink.check(catalog, config, { workspace: fileSystemWorkspace(path) }), file).toEqual([]);
    }
  });

  it('suggests the closest heading of the file', () => {
    const [finding] = check('## Data & pipeline parallelism\n\nSee [it](#data-pipeline-parallelism).\n', null);
    expect(finding?.message).toBe(
      'Unexpected link to "#data-pipeline-parallelism": this file has no heading or anchor "data-pipeline-parallelism"; did you mean "#data--pipeline-parallelism"?',
    );
    expect(finding?.range.start).toMatchObject({ line: 3, column: 10 });
  });

  it('suggests nothing when no heading comes close', () => {
    const [finding] = check('## Methods\n\n[x](#zzzzzzzzzzzz)\n', null);
    expect(finding?.message).not.toContain('did you mean');
  });

  it('checks only links within the file when there is no workspace', () => {
    expect(check('[gone](missing.md) [there](#nowhere)\n', null).map((finding) => finding.message)).toEqual([
      'Unexpected link to "#nowhere": this file has no heading or anchor "nowhere"',
    ]);
  });

  it('follows relative links through the workspace it is given', () => {
    const workspace = inMemory({ '/repo/list.md': '', '/repo/docs/CONTRIBUTING.md': '# Contributing\n\n## Step 2\n', '/repo/src/plan.ts': 'a\nb\n' });
    const source = [
      '[ok](docs/CONTRIBUTING.md#step-2)',
      '[slip](docs/CONTRIBUTING.md#setp-2)',
      '[case](docs/contributing.md)',
      '[root](/src/plan.ts#L2)',
      '[beyond](src/plan.ts#L3)',
      '[folder](docs/)',
      '[up](../outside.md)',
      '[source line](docs/CONTRIBUTING.md?plain=1#L3)',
      '[past the end](docs/CONTRIBUTING.md?plain=1#L9)',
    ].join('\n\n');
    expect(check(source, workspace).map((finding) => finding.message)).toEqual([
      'Unexpected link to "docs/CONTRIBUTING.md#setp-2": docs/CONTRIBUTING.md has no heading or anchor "setp-2"; did you mean "#step-2"?',
      'Unexpected link to "docs/contributing.md": there is no file docs/contributing.md next to this file',
      'Unexpected link to "src/plan.ts#L3": line 3 is beyond the 2 lines of src/plan.ts',
      'Unexpected link to "../outside.md": it leads outside the repository, where links are not followed',
      'Unexpected link to "docs/CONTRIBUTING.md?plain=1#L9": line 9 is beyond the 3 lines of docs/CONTRIBUTING.md',
    ]);
  });

  it('checks the case of every name below the repository root on the real file system', () => {
    const workspace = fileSystemWorkspace(`${repoRoot}catalog.md`);
    expect(workspace.exists(`${repoRoot}README.md`)).toBe(true);
    expect(workspace.exists(`${repoRoot}readme.md`)).toBe(false);
    expect(workspace.exists(`${repoRoot}SRC/rules`)).toBe(false);
    expect(workspace.exists(`${repoRoot}src/rules`)).toBe(true);
  });
});

describe('internal-link reads nothing outside the repository', () => {
  let outer: string;
  let repo: string;
  beforeEach(() => {
    outer = mkdtempSync(join(tmpdir(), 'catalog-internal-link-'));
    repo = join(outer, 'repo');
    mkdirSync(join(repo, '.git'), { recursive: true });
    writeFileSync(join(outer, 'secret.md'), '# Secret heading\n\nline\nline\n');
    writeFileSync(join(outer, 'passwd'), 'root:x:0:0\nuser:x:1000:1000\n');
  });
  afterEach(() => {
    rmSync(outer, { recursive: true, force: true });
  });

  function lint(source: string) {
    const path = join(repo, 'list.md');
    writeFileSync(path, source);
    return check(source, fileSystemWorkspace(path), path).map((finding) => finding.message);
  }

  it('a link out of the repository is reported as such, without a word about the file there', () => {
    const messages = lint('[a](../secret.md#secret-headin)\n\n[b](../passwd#L99)\n\n[c](../missing.md)\n\n[d](../../../../../../dev/zero#L1)\n');
    expect(messages).toEqual([
      'Unexpected link to "../secret.md#secret-headin": it leads outside the repository, where links are not followed',
      'Unexpected link to "../passwd#L99": it leads outside the repository, where links are not followed',
      'Unexpected link to "../missing.md": it leads outside the repository, where links are not followed',
      'Unexpected link to "../../../../../../dev/zero#L1": it leads outside the repository, where links are not followed',
    ]);
  });

  it('a symbolic link inside the repository to a file or a device outside leads outside too', () => {
    symlinkSync(join(outer, 'passwd'), join(repo, 'notes.txt'));
    symlinkSync('/dev/zero', join(repo, 'zero'));
    expect(lint('[a](notes.txt#L99)\n\n[b](zero#L1)\n')).toEqual([
      'Unexpected link to "notes.txt#L99": it leads outside the repository, where links are not followed',
      'Unexpected link to "zero#L1": it leads outside the repository, where links are not followed',
    ]);
  });

  it('a missing file below a symbolic link that leads outside leads outside too, so nothing tells it from one that exists', () => {
    mkdirSync(join(outer, 'folder'));
    writeFileSync(join(outer, 'folder', 'there.md'), '# There\n');
    symlinkSync(join(outer, 'folder'), join(repo, 'linked'));
    symlinkSync(join(outer, 'missing.md'), join(repo, 'dangling.md'));
    expect(lint('[a](linked/there.md)\n\n[b](linked/missing.md)\n\n[c](dangling.md)\n')).toEqual([
      'Unexpected link to "linked/there.md": it leads outside the repository, where links are not followed',
      'Unexpected link to "linked/missing.md": it leads outside the repository, where links are not followed',
      'Unexpected link to "dangling.md": it leads outside the repository, where links are not followed',
    ]);
  });

  it('reads only regular files, without waiting on a named pipe', () => {
    const fifo = join(repo, 'pipe.txt');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return;
    expect(lint('[a](pipe.txt#L2)\n')).toEqual([]);
  });

  it('reads a file of the repository no larger than the bound', () => {
    writeFileSync(join(repo, 'huge.txt'), Buffer.alloc(MAX_LINKED_FILE_BYTES + 1, 0x0a));
    writeFileSync(join(repo, 'small.txt'), 'a\nb\n');
    expect(lint('[a](huge.txt#L1)\n\n[b](small.txt#L3)\n')).toEqual(['Unexpected link to "small.txt#L3": line 3 is beyond the 2 lines of small.txt']);
  });
});
