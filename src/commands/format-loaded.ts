import type { Diagnostic } from '../catalog/diagnostic.js';
import { writeFileAtomically } from '../format/atomic-write.js';
import { changedLines } from '../format/changed-lines.js';
import { cappedUnifiedDiff, changedSpan, unifiedDiff, type ChangedSpan } from '../format/diff.js';
import { formatSource, type FormatOptions, type FormatResult } from '../format/format.js';
import { proofSizeProblem, proveFormat } from '../format/prove.js';
import { TableOfContentsError } from '../format/toc.js';
import { InputError, writeFailure } from './errors.js';
import type { LoadedCatalog } from './load.js';

export interface FormatOutcome {
  file: string;
  changed: boolean;
  /** Unified diff of what would change, when asked for (empty when nothing would change). */
  diff: string;
  /** How many changed lines a diff cut at `diff.maxLines` leaves out. */
  omitted: number;
  /** Fixes applied, as the diagnostics that carried them. */
  fixed: Diagnostic[];
  /** A diagnostic for a file that is not formatted (for `--check`), and one for each refused table. */
  diagnostics: Diagnostic[];
  /** Hand-written lines between the table of contents markers, which the list replaced. */
  replacedByTableOfContents: number[];
}

/**
 * Formats one catalog. With `write`, proves the result and writes it atomically (a failed
 * proof, a file changed on disk since it was read, a read-only file or a failed write is an
 * InputError: nothing is written); a refused table stays as it is, an error at
 * its row, while the file's other tables are written. Without `write`, only reports what
 * would change, with a unified diff when `diff` is asked for: whole, or its first `maxLines` lines.
 */
export async function formatLoaded(
  loaded: LoadedCatalog,
  options: FormatOptions & { write: boolean; diff?: { maxLines?: number } },
): Promise<FormatOutcome> {
  let result: FormatResult;
  try {
    result = formatSource(loaded.file, loaded.catalog.source, loaded.config, { catalog: loaded.catalog, ...options });
  } catch (error) {
    if (error instanceof TableOfContentsError) throw new InputError(`${loaded.file}: not formatted: ${error.message}`);
    throw error;
  }
  const before = loaded.catalog.source;
  const changed = result.output !== before;
  const diagnostics = refusedDiagnostics(loaded.file, result);
  if (options.write) {
    if (changed) {
      const tooLarge = proofSizeProblem(result.catalog, result.output);
      if (tooLarge) throw new InputError(`${loaded.file}: not written: ${tooLarge}`);
      const problems = proveFormat(result.catalog, result.output, loaded.config, { original: loaded.catalog, applied: result.fixed.flatMap((diagnostic) => (diagnostic.fix ? [diagnostic.fix] : [])) });
      if (problems.length > 0) throw new InputError(`${loaded.file}: not written, the formatted text failed its proof: ${problems.join('; ')}`);
      try {
        writeFileAtomically(loaded.path, result.output, { expected: loaded.fingerprint });
      } catch (error) {
        throw new InputError(`${loaded.file}: not written: ${writeFailure(error)}`);
      }
    }
  } else if (changed) {
    diagnostics.push(notFormatted(loaded.file, before, changedSpan(before, result.output)!));
  }
  const { text: diff, omitted } = changed && options.diff ? await diffOf(loaded.file, before, result, options.diff.maxLines) : { text: '', omitted: 0 };
  return { file: loaded.file, changed, diff, omitted, fixed: result.fixed, diagnostics, replacedByTableOfContents: result.replacedByTableOfContents };
}

async function diffOf(file: string, before: string, result: FormatResult, maxLines: number | undefined): Promise<{ text: string; omitted: number }> {
  if (maxLines === undefined) return { text: await unifiedDiff(file, before, result.output), omitted: 0 };
  return cappedUnifiedDiff(file, changedLines(before, result.output, result.catalog.source, result.edits), maxLines);
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
function notFormatted(file: string, before: string, span: ChangedSpan): Diagnostic {
  const offset = before.split('\n', span.start).reduce((sum, text) => sum + text.length + 1, 0);
  const point = { line: span.start + 1, column: 1, offset };
  const last = span.start + Math.max(span.removed, 1);
  return {
    ruleId: 'format',
    severity: 'error',
    message: `File is not formatted: ${last === span.start + 1 ? `line ${last} would change` : `lines ${span.start + 1}–${last} would change`}`,
    hint: 'Run `npm run format-catalog` to rewrite the tables (`catalog format --check` prints the whole diff)',
    file,
    range: { start: point, end: point },
  };
}
