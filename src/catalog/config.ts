export type ColumnType = 'text' | 'link' | 'links' | 'year' | 'enumeration';

export interface ColumnSchema {
  name: string;
  type: ColumnType;
  required: boolean;
  /** type "link": plain text without a link is accepted too (e.g. a Name with no code repository). */
  allowPlainText: boolean;
  /** type "link" or "links": several entries may link to one page (a licence, one repository for two methods); duplicate-entry ignores these links. */
  sharedLinks: boolean;
  /** type "links": what stands between two links of a cell (default ", "; a list of badges may use " "). */
  separator: string;
  /** type "enumeration": the canonical spellings. */
  values: string[];
  /** type "enumeration": variant spelling → canonical spelling, matched case-insensitively (`pytorch` → `PyTorch`). */
  aliases: Record<string, string>;
  /** type "enumeration": the cell may list several values separated by ", ". */
  multiple: boolean;
  /** type "enumeration": a value outside `values` is an error (otherwise only known values are canonicalized). */
  closed: boolean;
}

export interface TableSchema {
  /** A name for messages, e.g. "methods". */
  name: string;
  /** Headings whose table this schema describes; empty: any table whose header has the key column. */
  headings: string[];
  columns: ColumnSchema[];
  /** The column that identifies an entry (duplicates are looked for on it). */
  key: string;
  /** Columns to sort by, in order; ties are broken by the whole row. Empty: rows keep their order. */
  sortBy: string[];
  /** An entry may be listed under several headings (same name, same link, another table); duplicate-entry still reports a repeat within one table. */
  crossListing: boolean;
}

/** How `catalog format` writes a table: `| a | b |`, or padded so that the pipes line up. */
export type TableStyle = 'compact' | 'aligned';

export interface LinksConfig {
  /** Per-host settings, keyed by host name (e.g. "dl.acm.org"). */
  hosts: Record<string, HostConfig>;
  /** URL patterns (regular expressions) never checked. */
  skip: string[];
  cacheFile: string;
  /** Days an alive result is kept (with jitter). */
  aliveDays: number;
  /** An unverifiable link becomes an error after this many consecutive runs… */
  escalateAfterRuns: number;
  /** …or after this many days. */
  escalateAfterDays: number;
  /** An e-mail address for the paper registries' User-Agent (Crossref and arXiv ask for one), or null. */
  contact: string | null;
}

export interface HostConfig {
  acceptStatus?: number[];
  skip?: boolean;
  headers?: Record<string, string>;
  /** Minimum milliseconds between two requests to this host. */
  minSpacingMs?: number;
  maxConnections?: number;
}

export interface CatalogConfig {
  /** Absolute path of the config file, or null when none was found (generic mode). */
  path: string | null;
  tables: TableSchema[];
  style: TableStyle;
  /** Rule id → severity override, or "off". */
  rules: Record<string, 'off' | 'error' | 'warning' | 'info'>;
  /** Phrases that make a text cell a hedge (rule no-hedge), matched case-insensitively. */
  hedges: string[];
  links: LinksConfig;
  site: SiteConfig;
}

/** The website's settings: its address and new marks, the search's synonyms and facets drawn from text columns. */
export interface SiteConfig {
  /** The address the site is published at, ending in "/" (permalinks in release notes and the feed), or null. */
  url: string | null;
  /** An entry added within this many days before the build is marked new. */
  newDays: number;
  /** Groups of terms the search takes as one another (`["ILP", "integer linear programming"]`). */
  synonyms: string[][];
  /** In the config's order. */
  facets: TextFacet[];
}

/**
 * A filter over a column's text: an entry has each value one of whose patterns its cell holds.
 * A pattern is plain words (no regular expression), matched in order at word starts, as a
 * quoted search phrase is.
 */
export interface TextFacet {
  name: string;
  column: string;
  values: { value: string; patterns: string[] }[];
}
