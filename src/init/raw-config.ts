import type { ColumnType } from '../catalog/config.js';

/** A column as written in catalog.config.json. */
export interface RawColumn {
  name: string;
  type: ColumnType;
  required: boolean;
  allowPlainText?: boolean;
  sharedLinks?: boolean;
  separator?: string;
  values?: string[];
  aliases?: Record<string, string>;
  multiple?: boolean;
  closed?: boolean;
}

/** A table schema as written in catalog.config.json. */
export interface RawTable {
  name: string;
  headings: string[];
  key: string;
  sortBy: string[];
  crossListing?: boolean;
  columns: RawColumn[];
}

/** catalog.config.json as `catalog init` writes it. */
export interface RawConfig {
  $schema?: string;
  tables: RawTable[];
  style?: 'compact' | 'aligned';
  rules: Record<string, 'off' | 'error' | 'warning' | 'info'>;
}
