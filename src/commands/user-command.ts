import { readFileSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import type { Diagnostic } from '../catalog/diagnostic.js';
import { findUpward } from '../catalog/find-upward.js';
import packageJson from '../../package.json' with { type: 'json' };
import { displayPath } from './load.js';

// The rules' hints name this repository's npm script; elsewhere it does not exist.
const NPM_SCRIPT = '`npm run format-catalog`';

/**
 * The command that formats `path`, as its user would type it: `npm run <script>` where the
 * nearest package.json has a script that formats this very file (`format-catalog` here), else
 * `npx --no-install catalog format FILE` where that package.json installs this package, else
 * `catalog format FILE`.
 */
export function formatCommandFor(path: string): string {
  const shown = displayPath(path);
  const file = /[\s'"$`\\]/u.test(shown) ? `'${shown.replace(/'/gu, `'\\''`)}'` : shown;
  const { packageFile, project } = projectOf(path);
  if (packageFile && project) {
    const relativeFile = relative(dirname(packageFile), path).split(sep).join('/');
    const script = Object.entries(project.scripts ?? {}).find(
      ([, command]) => typeof command === 'string' && /(?:^|\s)(?:catalog|bin\/catalog\.js) format\s/u.test(command) && !command.includes('--check') && command.split(/\s+/u).at(-1) === relativeFile,
    );
    if (script) return `npm run ${script[0]}`;
  }
  return `${catalogCommandFor(path)} format ${file}`;
}

/**
 * How the user of `path` runs this package's command: `npx --no-install catalog` where the
 * nearest package.json installs it, `node bin/catalog.js` in this package's own repository,
 * else `catalog` (installed globally, on the PATH).
 */
export function catalogCommandFor(path: string): string {
  const { project } = projectOf(path);
  if (project?.name === packageJson.name) return 'node bin/catalog.js';
  if (project && packageJson.name in { ...project.dependencies, ...project.devDependencies }) return 'npx --no-install catalog';
  return 'catalog';
}

function projectOf(path: string): { packageFile: string | null; project: ProjectPackage | null } {
  const packageFile = findUpward(dirname(path), 'package.json');
  return { packageFile, project: packageFile ? readPackage(packageFile) : null };
}

interface ProjectPackage {
  name?: string;
  scripts?: Record<string, unknown>;
  dependencies?: Record<string, unknown>;
  devDependencies?: Record<string, unknown>;
}

function readPackage(packageFile: string): ProjectPackage | null {
  try {
    return JSON.parse(readFileSync(packageFile, 'utf8')) as ProjectPackage;
  } catch {
    // Not JSON: nothing to learn from it.
    return null;
  }
}

// A command a hint names as `catalog …`, which is on no PATH where the package is a dependency.
const BARE_COMMAND = '`catalog ';

/** The diagnostics with their hints naming the commands as the user of their file types them. */
export function withFormatCommand(diagnostics: Diagnostic[], path: string): Diagnostic[] {
  const named = (hint: string) => hint.includes(NPM_SCRIPT) || hint.includes(BARE_COMMAND);
  // A clean file (the pre-commit hook's usual case) reads no package.json.
  if (!diagnostics.some((diagnostic) => named(diagnostic.hint))) return diagnostics;
  const format = `\`${formatCommandFor(path)}\``;
  const catalog = `\`${catalogCommandFor(path)} `;
  const resolved = (hint: string) => (catalog === BARE_COMMAND ? hint : hint.replaceAll(BARE_COMMAND, catalog)).replaceAll(NPM_SCRIPT, format);
  return diagnostics.map((diagnostic) => (named(diagnostic.hint) ? { ...diagnostic, hint: resolved(diagnostic.hint) } : diagnostic));
}
