import type { CatalogConfig } from '../catalog/config.js';
import type { Diagnostic, Severity } from '../catalog/diagnostic.js';
import type { Catalog } from '../catalog/model.js';
import type { Workspace } from '../catalog/workspace.js';

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
  /** `workspace`: the files around the linted one, or null when it is not a file of a folder (a test's string). */
  check(catalog: Catalog, config: CatalogConfig, workspace: Workspace | null): Diagnostic[];
}
