import { readFileSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import type { Diagnostic } from '../catalog/diagnostic.js';
import { findUpward } from '../catalog/find-upward.js';
import { displayPath } from './load.js';

// The rules' hints name this repository's npm script; elsewhere it does not exist.
const NPM_SCRIPT = '`npm run format-catalog`';

/**
 * The command that formats `path`, as its user would type it: `npm run format-catalog` where
 * the nearest package.json has that script for this very file (this repository's catalog),
 * else `catalog format FILE`.
 */
export function formatCommandFor(path: string): string {
  const packageFile = findUpward(dirname(path), 'package.json');
  if (packageFile) {
    try {
      const script = (JSON.parse(readFileSync(packageFile, 'utf8')) as { scripts?: Record<string, unknown> }).scripts?.['format-catalog'];
      const file = relative(dirname(packageFile), path).split(sep).join('/');
      if (typeof script === 'string' && script.split(/\s+/u).at(-1) === file) return 'npm run format-catalog';
    } catch {
      // Not JSON: not this repository's package.json.
    }
  }
  const shown = displayPath(path);
  return `catalog format ${/[\s'"$`\\]/u.test(shown) ? `'${shown.replace(/'/gu, `'\\''`)}'` : shown}`;
}

/** The diagnostics with their hints naming the command that formats their file. */
export function withFormatCommand(diagnostics: Diagnostic[], path: string): Diagnostic[] {
  const command = formatCommandFor(path);
  if (command === 'npm run format-catalog') return diagnostics;
  return diagnostics.map((diagnostic) =>
    diagnostic.hint.includes(NPM_SCRIPT) ? { ...diagnostic, hint: diagnostic.hint.replaceAll(NPM_SCRIPT, `\`${command}\``) } : diagnostic,
  );
}
