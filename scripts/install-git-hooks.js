// Installs the git hooks configured under "simple-git-hooks" in package.json; `npm install` and
// `npm ci` run it through the root package's `prepare` script. It never fails an install: with no
// `.git` here (a tarball, an export), in CI, without dev dependencies, or with
// SKIP_INSTALL_SIMPLE_GIT_HOOKS=1 it says why and installs nothing.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = process.cwd();

function reasonToSkip() {
  if (!existsSync(join(root, '.git'))) return 'no .git here';
  if (['1', 'true'].includes(process.env.CI ?? '')) return 'running in CI';
  if (['1', 'true'].includes(process.env.SKIP_INSTALL_SIMPLE_GIT_HOOKS ?? '')) return 'SKIP_INSTALL_SIMPLE_GIT_HOOKS is set';
  return null;
}

function loadSimpleGitHooks() {
  try {
    return createRequire(join(root, 'package.json'))('simple-git-hooks');
  } catch {
    return null;
  }
}

async function installHooks() {
  const reason = reasonToSkip();
  if (reason) return console.log(`git hooks: not installed (${reason}).`);
  const simpleGitHooks = loadSimpleGitHooks();
  if (!simpleGitHooks) return console.log('git hooks: not installed (simple-git-hooks is missing: dev dependencies were left out).');
  try {
    // An empty argv: the config comes from package.json, never from this script's arguments.
    await simpleGitHooks.setHooksFromConfig(root, []);
  } catch (error) {
    console.warn(`git hooks: not installed (${error instanceof Error ? error.message : error}). Run \`npx simple-git-hooks\` to retry.`);
  }
}

await installHooks();
