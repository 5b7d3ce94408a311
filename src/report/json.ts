import type { Diagnostic } from '../catalog/diagnostic.js';
import { configsByFile, type CheckedFile } from './checked-file.js';

/** The machine-readable report: the files and the config each was checked with, every diagnostic with its place flattened, and counts. */
export function formatJson(diagnostics: readonly Diagnostic[], files: readonly CheckedFile[]): string {
  const report = {
    version: 1,
    files: files.map((file) => file.file),
    /** File → the config file it was checked with, or null (none found: generic mode). */
    configs: configsByFile(files),
    summary: {
      errors: diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length,
      warnings: diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length,
      infos: diagnostics.filter((diagnostic) => diagnostic.severity === 'info').length,
    },
    diagnostics: diagnostics.map((diagnostic) => ({
      ruleId: diagnostic.ruleId,
      severity: diagnostic.severity,
      message: diagnostic.message,
      hint: diagnostic.hint,
      file: diagnostic.file,
      line: diagnostic.range.start.line,
      column: diagnostic.range.start.column,
      endLine: diagnostic.range.end.line,
      endColumn: diagnostic.range.end.column,
      ...(diagnostic.fix ? { fix: diagnostic.fix } : {}),
      ...(diagnostic.related?.length
        ? { related: diagnostic.related.map((item) => ({ message: item.message, line: item.range.start.line, column: item.range.start.column })) }
        : {}),
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
