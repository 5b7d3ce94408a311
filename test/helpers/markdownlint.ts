import { lint } from 'markdownlint/sync';

/** The table rules of markdownlint (pipe style, column count, blank lines around, column style). */
export const TABLE_RULES = ['MD055', 'MD056', 'MD058', 'MD060'] as const;

/**
 * markdownlint's findings of the table rules on a text, under its default configuration (the
 * one markdownlint-cli2 uses when a repository has none), as `line RULE` strings. With
 * `'aligned'`, MD060 wants that style and no other.
 */
export function tableFindings(text: string, style?: 'aligned'): string[] {
  const results = lint({ strings: { text }, ...(style ? { config: { default: true, MD060: { style } } } : {}) })['text'] ?? [];
  return results
    .filter((result) => (TABLE_RULES as readonly string[]).includes(result.ruleNames[0]!))
    .map((result) => `${result.lineNumber} ${result.ruleNames[0]}`)
    .sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10) || (a < b ? -1 : 1));
}
