import type { Diagnostic } from '../catalog/diagnostic.js';

const COMMAND: Record<Diagnostic['severity'], string> = { error: 'error', warning: 'warning', info: 'notice' };

// Workflow command escaping: the message escapes %, CR and LF; properties also : and ,.
const escapeData = (text: string) => text.replace(/%/gu, '%25').replace(/\r/gu, '%0D').replace(/\n/gu, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/gu, '%3A').replace(/,/gu, '%2C');

/** GitHub Actions workflow commands: one annotation per diagnostic, on its file, line and column. */
export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((diagnostic) => {
      const { start, end } = diagnostic.range;
      const properties = [
        `file=${escapeProperty(diagnostic.file)}`,
        `line=${start.line}`,
        `col=${start.column}`,
        `endLine=${end.line}`,
        `endColumn=${end.column}`,
        `title=${escapeProperty(`catalog ${diagnostic.ruleId}`)}`,
      ].join(',');
      const message = diagnostic.hint ? `${diagnostic.message}\n${diagnostic.hint}` : diagnostic.message;
      return `::${COMMAND[diagnostic.severity]} ${properties}::${escapeData(message)}\n`;
    })
    .join('');
}
