import type { CatalogConfig } from '../catalog/config.js';
import type { Diagnostic, Severity } from '../catalog/diagnostic.js';
import type { Catalog } from '../catalog/model.js';
import type { Workspace } from '../catalog/workspace.js';

/** What a run knows beyond the file and its config. */
export interface LintContext {
  /** Lines the git diff against `--changed-since` added; a finding about two rows lands on the added one. */
  addedLines?: ReadonlySet<number>;
  /** The files around the linted one (for links into the repository); absent for a text that is no file. */
  workspace?: Workspace;
}

/** Rule metadata is data (for `--help`, SARIF and the README); `check` is pure. */
export interface Rule {
  id: string;
  severity: Severity;
  /** One line, e.g. "Every row has as many cells as the header". */
  description: string;
  /** Schema rules apply only to tables a schema describes; structure rules apply to every table. */
  needsSchema: boolean;
  /** `catalog format` applies this rule's fixes. */
  fixable: boolean;
  check(catalog: Catalog, config: CatalogConfig, context: LintContext): Diagnostic[];
}
