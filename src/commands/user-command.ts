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
  const packageFile = findUpward(dirname(path), 'package.json');
  const project = packageFile ? readPackage(packageFile) : null;
  if (packageFile && project) {
    const relativeFile = relative(dirname(packageFile), path).split(sep).join('/');
    const script = Object.entries(project.scripts ?? {}).find(
      ([, command]) => typeof command === 'string' && /(?:^|\s)(?:catalog|bin\/catalog\.js) format\s/u.test(command) && !command.includes('--check') && command.split(/\s+/u).at(-1) === relativeFile,
    );
    if (script) return `npm run ${script[0]}`;
    if (packageJson.name in { ...project.dependencies, ...project.devDependencies }) return `npx --no-install catalog format ${file}`;
  }
  return `catalog format ${file}`;
}

interface ProjectPackage {
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

/** The diagnostics with their hints naming the command that formats their file. */
export function withFormatCommand(diagnostics: Diagnostic[], path: string): Diagnostic[] {
  // A clean file (the pre-commit hook's usual case) reads no package.json.
  if (!diagnostics.some((diagnostic) => diagnostic.hint.includes(NPM_SCRIPT))) return diagnostics;
  const command = formatCommandFor(path);
  if (`\`${command}\`` === NPM_SCRIPT) return diagnostics;
  return diagnostics.map((diagnostic) =>
    diagnostic.hint.includes(NPM_SCRIPT) ? { ...diagnostic, hint: diagnostic.hint.replaceAll(NPM_SCRIPT, `\`${command}\``) } : diagnostic,
  );
}
