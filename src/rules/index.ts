import type { CatalogConfig } from '../catalog/config.js';
import type { Diagnostic } from '../catalog/diagnostic.js';
import type { Catalog, Suppression } from '../catalog/model.js';
import type { Workspace } from '../catalog/workspace.js';
import { canonicalVocabulary } from './canonical-vocabulary.js';
import { cellType } from './cell-type.js';
import { duplicateEntry } from './duplicate-entry.js';
import { internalLink } from './internal-link.js';
import { headerRow } from './header-row.js';
import { invisibleCharacters } from './invisible-characters.js';
import { linkSyntax } from './link-syntax.js';
import { noHedge } from './no-hedge.js';
import { PAPER_RULES } from './paper-rules.js';
import { pipeInCodeSpan } from './pipe-in-code-span.js';
import { pipelessRow } from './pipeless-row.js';
import { requiredCell } from './required-cell.js';
import { isRepaired, withRepairedRows } from './row-repairs.js';
import type { LintContext, Rule } from './rule.js';
import { sharedRepository } from './shared-repository.js';
import { sorted } from './sorted.js';
import { strayRow } from './stray-row.js';
import { tableColumnCount } from './table-column-count.js';
import { tableHeader } from './table-header.js';
import { unknownRule } from './unknown-rule.js';
import { yearMatchesPaper } from './year-matches-paper.js';

const contentRules: Rule[] = [
  tableColumnCount,
  pipelessRow,
  strayRow,
  headerRow,
  tableHeader,
  requiredCell,
  cellType,
  linkSyntax,
  duplicateEntry,
  sharedRepository,
  canonicalVocabulary,
  sorted,
  yearMatchesPaper,
  noHedge,
  pipeInCodeSpan,
  invisibleCharacters,
  internalLink,
];

/** Every rule, in a stable order: structure first, then schema, then the check of suppression comments. */
export const rules: Rule[] = [...contentRules, unknownRule([...contentRules, ...PAPER_RULES].map((rule) => rule.id))];

/**
 * Runs every rule not turned off in `config.rules` (structure rules see every table, schema
 * rules only tables with a schema), applies severity overrides, drops suppressed
 * diagnostics, and sorts them by line, column and rule id. A row that one slip explains (a
 * literal pipe, a missing cell) is checked as it would be once fixed; findings on it carry no
 * fix, since its cells are not where the source has them. With a `context.workspace`, links to
 * other files of the repository are followed too.
 */
export function lintCatalog(catalog: Catalog, config: CatalogConfig, context: LintContext = {}): Diagnostic[] {
  const suppressionsByLine = new Map<number, Suppression[]>();
  for (const suppression of catalog.suppressions) {
    suppressionsByLine.set(suppression.line, [...(suppressionsByLine.get(suppression.line) ?? []), suppression]);
  }
  // A line without a pipe that GFM took into a table is pipeless-row's: no rule of the table speaks of it.
  const pipelessLines = new Set(catalog.tables.flatMap((table) => table.rows.filter((row) => row.pipeless).map((row) => row.line)));
  const repaired = withRepairedRows(catalog);
  const onRepairedRow = ({ fix }: Diagnostic) => fix !== undefined && isRepaired(repaired.tables[fix.table]!.rows[fix.row]!);
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    const setting = config.rules[rule.id];
    if (setting === 'off') continue;
    for (const found of rule.check(repaired, config, context)) {
      if (isSuppressed(found, suppressionsByLine.get(found.range.start.line))) continue;
      if (rule !== pipelessRow && pipelessLines.has(found.range.start.line)) continue;
      const { fix, ...diagnostic } = found;
      const kept: Diagnostic = fix && !onRepairedRow(found) ? { ...diagnostic, fix } : diagnostic;
      diagnostics.push(setting === undefined ? kept : { ...kept, severity: setting });
    }
  }
  return diagnostics.sort(byPosition);
}

/** Suppressed by a comment that covers the diagnostic's line and names its rule (or names none). */
function isSuppressed(diagnostic: Diagnostic, suppressions: Suppression[] | undefined): boolean {
  return (suppressions ?? []).some((suppression) => suppression.rules.length === 0 || suppression.rules.includes(diagnostic.ruleId));
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.column - b.range.start.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}
