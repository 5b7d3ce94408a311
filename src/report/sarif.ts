import { isAbsolute, relative, sep } from 'node:path';
import type { Diagnostic, Severity } from '../catalog/diagnostic.js';
import type { Range } from '../catalog/model.js';

/** What SARIF needs to know about a rule (a lint rule or a link-check verdict). */
export interface SarifRuleMetadata {
  id: string;
  description: string;
  severity: Severity;
}

export interface SarifOptions {
  /** Folder the artifact URIs are made relative to (the repository root); absolute `file`s under it become relative. */
  root?: string;
  /** Where people read about the tool, e.g. `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}#readme`. */
  informationUri?: string;
  /** The run's property bag, e.g. the config each file was checked with. */
  properties?: Record<string, unknown>;
}

export type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface SarifLocation {
  id?: number;
  physicalLocation: {
    artifactLocation: { uri: string; uriBaseId: '%SRCROOT%' };
    region?: SarifRegion;
  };
  message?: { text: string };
}

export interface SarifReportingDescriptor {
  id: string;
  shortDescription: { text: string };
  defaultConfiguration: { level: SarifLevel };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations: SarifLocation[];
  relatedLocations?: SarifLocation[];
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: {
      driver: {
        name: string;
        version: string;
        informationUri: string;
        rules: SarifReportingDescriptor[];
      };
    };
    /** Columns count UTF-16 code units, like the catalog's positions. */
    columnKind: 'utf16CodeUnits';
    originalUriBaseIds: { '%SRCROOT%': { description: { text: string } } };
    results: SarifResult[];
    properties?: Record<string, unknown>;
  }[];
}

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const TOOL_NAME = 'catalog';
export const DEFAULT_INFORMATION_URI = 'https://github.com/ConnollyLeon/awesome-Auto-Parallelism';

const LEVEL_OF_SEVERITY: Record<Severity, SarifLevel> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/**
 * A SARIF 2.1.0 log of one run, for GitHub code scanning (`github/codeql-action/upload-sarif`).
 * A diagnostic whose rule is not in `rules` gets a descriptor of its own, so every result's
 * `ruleIndex` points at its rule.
 */
export function toSarif(
  diagnostics: Diagnostic[],
  rules: SarifRuleMetadata[],
  toolVersion: string,
  options: SarifOptions = {},
): SarifLog {
  const descriptors = rules.map(describeRule);
  const indexOfRule = new Map(descriptors.map((descriptor, index) => [descriptor.id, index]));
  const ruleIndexOf = (diagnostic: Diagnostic): number => {
    const known = indexOfRule.get(diagnostic.ruleId);
    if (known !== undefined) return known;
    descriptors.push(describeRule({ id: diagnostic.ruleId, description: diagnostic.ruleId, severity: diagnostic.severity }));
    indexOfRule.set(diagnostic.ruleId, descriptors.length - 1);
    return descriptors.length - 1;
  };

  const results = diagnostics.map((diagnostic): SarifResult => {
    const uri = artifactUri(diagnostic.file, options.root);
    const result: SarifResult = {
      ruleId: diagnostic.ruleId,
      ruleIndex: ruleIndexOf(diagnostic),
      level: LEVEL_OF_SEVERITY[diagnostic.severity],
      message: { text: messageText(diagnostic) },
      locations: [location(uri, diagnostic.range)],
    };
    if (diagnostic.related && diagnostic.related.length > 0) {
      result.relatedLocations = diagnostic.related.map((related, index) => ({
        id: index,
        ...location(uri, related.range),
        message: { text: related.message },
      }));
    }
    return result;
  });

  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: toolVersion,
            informationUri: options.informationUri ?? DEFAULT_INFORMATION_URI,
            rules: descriptors,
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The root of the repository' } } },
        results,
        ...(options.properties ? { properties: options.properties } : {}),
      },
    ],
  };
}

function describeRule(rule: SarifRuleMetadata): SarifReportingDescriptor {
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    defaultConfiguration: { level: LEVEL_OF_SEVERITY[rule.severity] },
  };
}

function messageText(diagnostic: Diagnostic): string {
  return diagnostic.hint ? `${diagnostic.message}\n${diagnostic.hint}` : diagnostic.message;
}

function location(uri: string, range: Range): SarifLocation {
  const artifactLocation = { uri, uriBaseId: '%SRCROOT%' as const };
  const { start } = range;
  // Line 0 means "the whole file" (e.g. a missing table): SARIF regions start at line 1.
  if (start.line < 1) return { physicalLocation: { artifactLocation } };
  const end = range.end.offset >= start.offset ? range.end : start;
  return {
    physicalLocation: {
      artifactLocation,
      region: {
        startLine: start.line,
        startColumn: Math.max(start.column, 1),
        endLine: end.line,
        endColumn: Math.max(end.column, 1),
      },
    },
  };
}

/** A repository-relative URI reference: `/` separators, each segment percent-encoded. */
function artifactUri(file: string, root: string | undefined): string {
  const relativePath = root !== undefined && isAbsolute(file) ? relative(root, file) : file;
  const segments = relativePath.split(sep).filter((segment, index) => !(index === 0 && segment === '.'));
  return segments.map(encodeURIComponent).join('/');
}
