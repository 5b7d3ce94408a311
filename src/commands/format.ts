import type { Diagnostic } from '../catalog/diagnostic.js';
import { writeFileAtomically } from '../format/atomic-write.js';
import { formatSource, type FormatOptions, type FormatResult } from '../format/format.js';
import { proveFormat } from '../format/prove.js';
import { InputError } from './errors.js';
import type { LoadedCatalog } from './load.js';

export interface FormatOutcome {
  file: string;
  changed: boolean;
  /** Unified diff of what would change (empty when nothing would). */
  diff: string;
  /** Fixes applied, as the diagnostics that carried them. */
  fixed: Diagnostic[];
  /** A diagnostic for a file that is not formatted (for `--check`), or for a refused table. */
  diagnostics: Diagnostic[];
}

/**
 * Formats one catalog. With `write`, proves the result and writes it atomically (a
 * refused table or a failed proof is an InputError: nothing is written). Without, only
 * reports what would change.
 */
export async function formatLoaded(
  loaded: LoadedCatalog,
  options: FormatOptions & { write: boolean },
): Promise<FormatOutcome> {
  const result = formatSource(loaded.file, loaded.catalog.source, loaded.config, { catalog: loaded.catalog, ...options });
  const changed = result.output !== loaded.catalog.source;
  const diagnostics = refusedDiagnostics(loaded.file, result);
  if (options.write) {
    if (result.refused.length > 0) {
      throw new InputError(`${loaded.file}: not written: ${result.refused.map((table) => table.reason).join('; ')}`);
    }
    if (changed) {
      const problems = proveFormat(result.catalog, result.output, loaded.config);
      if (problems.length > 0) throw new InputError(`${loaded.file}: not written, the formatted text failed its proof: ${problems.join('; ')}`);
      writeFileAtomically(loaded.path, result.output);
    }
  }
  // The diff library is loaded only when there is a change to show.
  const diff = changed ? (await import('diff')).createTwoFilesPatch(loaded.file, loaded.file, loaded.catalog.source, result.output, 'current', 'formatted') : '';
  if (changed && !options.write) diagnostics.push(notFormatted(loaded.file, loaded.catalog.source, result.output, diff));
  return { file: loaded.file, changed, diff, fixed: result.fixed, diagnostics };
}

function refusedDiagnostics(file: string, result: FormatResult): Diagnostic[] {
  return result.refused.map((table) => ({
    ruleId: 'format',
    severity: 'error',
    message: `Table not formatted: ${table.reason}`,
    hint: 'Fix the row, then run `npm run format-catalog` again',
    file,
    range: table.range,
  }));
}

/** A diagnostic at the first line that formatting would change. */
function notFormatted(file: string, before: string, after: string, diff: string): Diagnostic {
  const linesBefore = before.split('\n');
  const linesAfter = after.split('\n');
  let line = 0;
  while (line < linesBefore.length && linesBefore[line] === linesAfter[line]) line++;
  const offset = linesBefore.slice(0, line).reduce((sum, text) => sum + text.length + 1, 0);
  const point = { line: line + 1, column: 1, offset };
  const changedLines = diff.split('\n').filter((text) => text.startsWith('+') && !text.startsWith('+++')).length;
  return {
    ruleId: 'format',
    severity: 'error',
    message: `File is not formatted: ${changedLines} ${changedLines === 1 ? 'line' : 'lines'} would change, the first one here`,
    hint: 'Run `npm run format-catalog` (or `catalog format`) to rewrite the tables',
    file,
    range: { start: point, end: point },
  };
}
