import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const binPath = fileURLToPath(new URL('../../bin/catalog.js', import.meta.url));

/** Runs the built bin/catalog.js in `cwd`, outside GitHub Actions, killed after 15 s. */
export function runCatalog(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const { status, stdout, stderr } = spawnSync(process.execPath, [binPath, ...args], { cwd, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' }, timeout: 15_000 });
  return { status, stdout, stderr };
}

/** Writes files (paths relative to `folder`), making their folders. */
export function writeFiles(folder: string, files: Record<string, string | Buffer>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    writeFileSync(join(folder, name), content);
  }
}
