import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Builds dist/ once before the tests, so the tests that spawn bin/catalog.js run the current sources. */
export default function buildCli(): void {
  execFileSync(process.execPath, ['scripts/build.js'], { cwd: fileURLToPath(new URL('../', import.meta.url)), stdio: 'inherit' });
}
