import type { Rule } from './rule.js';
import { defineRule } from './define.js';

const UNKNOWN_RULE_ID = 'unknown-rule';

/** A suppression comment naming a rule that does not exist suppresses nothing, most likely by a typo. */
export function unknownRule(knownIds: readonly string[]): Rule {
  const known = new Set([...knownIds, UNKNOWN_RULE_ID]);
  return defineRule(
    {
      id: UNKNOWN_RULE_ID,
      severity: 'error',
      description: 'Suppression comments name existing rules',
      needsSchema: false,
      fixable: false,
    },
    (catalog) =>
      catalog.suppressions.flatMap((suppression) =>
        suppression.rules
          .filter((id) => !known.has(id))
          .map((id) => ({
            range: suppression.range,
            message: `Unexpected unknown rule "${id}" in a suppression comment`,
            hint: `Name one of the rules: ${[...known].join(', ')}`,
          })),
      ),
  );
}
