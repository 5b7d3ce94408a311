import type { Diagnostic } from '../catalog/diagnostic.js';

/** GitHub shows at most this many annotations of each kind (error, warning, notice) per step; the rest are dropped without a word. */
export const ANNOTATIONS_SHOWN = 10;

/** Whether some diagnostics would not show as annotations. */
export function exceedsAnnotations(diagnostics: readonly Diagnostic[]): boolean {
  const counts = new Map<string, number>();
  for (const { severity } of diagnostics) counts.set(severity, (counts.get(severity) ?? 0) + 1);
  return [...counts.values()].some((count) => count > ANNOTATIONS_SHOWN);
}

/** Where the run's files are on GitHub: `${server}/${repository}/blob/${sha}`, from the Actions environment. */
export interface BlobBase {
  server?: string | undefined;
  repository?: string | undefined;
  sha?: string | undefined;
}

/**
 * A markdown list of every finding for `$GITHUB_STEP_SUMMARY`, each with a link to its file and
 * line (plain `file:line` outside a pull request's or push's repository): all of them, where the
 * annotations show only the first ten of each kind.
 */
export function findingsSummary(diagnostics: readonly Diagnostic[], blob: BlobBase): string {
  const escape = (text: string) => text.replace(/\|/gu, '\\|').replace(/\r?\n/gu, ' ');
  const place = ({ file, range }: Diagnostic) => {
    const where = `${file}:${range.start.line}`;
    const path = file.split(/[\\/]/u).map(encodeURIComponent).join('/');
    return blob.server && blob.repository && blob.sha ? `[${escape(where)}](${blob.server}/${blob.repository}/blob/${blob.sha}/${path}#L${range.start.line})` : escape(where);
  };
  const lines = [
    `### catalog: ${diagnostics.length} findings`,
    '',
    `GitHub shows the first ${ANNOTATIONS_SHOWN} annotations of each kind; here is every finding.`,
    '',
    '| where | severity | rule | finding |',
    '| --- | --- | --- | --- |',
    ...diagnostics.map((diagnostic) => `| ${place(diagnostic)} | ${diagnostic.severity} | ${diagnostic.ruleId} | ${escape(diagnostic.message)} |`),
    '',
  ];
  return `${lines.join('\n')}\n`;
}
