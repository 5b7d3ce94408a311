import { readFileSync, statSync, type Stats } from 'node:fs';
import { relative } from 'node:path';
import type { CatalogConfig } from '../catalog/config.js';
import { ConfigError, genericConfig, loadConfig } from '../catalog/load-config.js';
import { MarkdownLimitError } from '../catalog/limits.js';
import type { Catalog } from '../catalog/model.js';
import { readCatalog } from '../catalog/read.js';
import { fingerprintOf, type FileFingerprint } from '../format/atomic-write.js';
import { rules } from '../rules/index.js';
import { PAPER_RULES } from '../rules/paper-rules.js';
import type { Io } from './command.js';
import { InputError } from './errors.js';

export interface LoadedCatalog {
  /** The path as the user should see it (relative to the working folder). */
  file: string;
  path: string;
  config: CatalogConfig;
  catalog: Catalog;
  /** The file as it was read, so that `format` overwrites no edit saved after. */
  fingerprint: FileFingerprint;
}

// ignoreBOM keeps a byte order mark in the text (the decoder drops it by default), so that `format` writes it back.
const knownRuleIds = new Set([...rules, ...PAPER_RULES].map((rule) => rule.id));

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Reads a markdown file as text, refusing what is not one (missing, a folder, binary, invalid UTF-8); an empty file is an empty text. */
function readMarkdownFile(path: string): { text: string; fingerprint: FileFingerprint } {
  const shown = displayPath(path);
  let bytes: Buffer;
  let stats: Stats;
  try {
    stats = statSync(path);
    if (stats.isDirectory()) throw new InputError(`${shown}: is a directory, expected a markdown file`);
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' && path.includes('\uFFFD')
        ? 'no such file: its name is not valid UTF-8 (shown as \uFFFD), and Node.js cannot open a file by such a name given on the command line; rename the file to UTF-8'
        : code === 'ENOENT'
          ? 'no such file'
          : code === 'EACCES'
            ? 'permission denied'
            : `cannot read it (${code ?? String(error)})`;
    throw new InputError(`${shown}: ${why}`);
  }
  if (bytes.includes(0)) throw new InputError(`${shown}: looks like a binary file (it holds NUL bytes), expected markdown`);
  try {
    return { text: utf8.decode(bytes), fingerprint: fingerprintOf(bytes, stats) };
  } catch {
    throw new InputError(`${shown}: is not valid UTF-8 (byte ${firstInvalidByte(bytes)}); save it as UTF-8`);
  }
}

/** Where the first invalid UTF-8 sequence starts, as "offset N". */
function firstInvalidByte(bytes: Buffer): string {
  let low = 0;
  let high = bytes.length;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, middle), { stream: true });
      low = middle;
    } catch {
      high = middle;
    }
  }
  return `offset ${sequenceStart(bytes, low)}`;
}

/**
 * The decoder rejects the byte at `rejected`; when the bytes just before it open a sequence
 * it leaves incomplete (0xC3 then 0x28), the invalid sequence starts at that lead byte.
 */
function sequenceStart(bytes: Buffer, rejected: number): number {
  for (let back = 1; back <= 3 && back <= rejected; back++) {
    const byte = bytes[rejected - back]!;
    if (byte < 0x80) return rejected;
    if (byte >= 0xc0) return (byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2) > back ? rejected - back : rejected;
  }
  return rejected;
}

/** The path as the user should see it: relative to the working folder when it is inside it. */
export function displayPath(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown === '' || shown.startsWith('..') ? path : shown;
}

/**
 * Reads a markdown file and the config that applies to it into the catalog model. A file
 * without tables (an empty one included) loads: it has nothing to check.
 */
export function loadCatalog(path: string, configPath?: string, options: { ignoreConfig?: boolean } = {}): LoadedCatalog {
  const { text: source, fingerprint } = readMarkdownFile(path);
  let config: CatalogConfig;
  try {
    config = options.ignoreConfig ? genericConfig() : loadConfig(path, configPath);
  } catch (error) {
    if (error instanceof ConfigError) throw new InputError(`invalid config: ${error.message}`);
    throw error;
  }
  const unknownRule = Object.keys(config.rules).find((id) => !knownRuleIds.has(id));
  if (unknownRule) {
    throw new InputError(`invalid config: ${config.path}: "rules.${unknownRule}" names no rule (rules: ${[...knownRuleIds].join(', ')})`);
  }
  const file = displayPath(path);
  let catalog: Catalog;
  try {
    catalog = readCatalog({ file, source, config });
  } catch (error) {
    if (error instanceof MarkdownLimitError) throw new InputError(`${file}: not read: ${error.message}`);
    throw error;
  }
  return { file, path, config, catalog, fingerprint };
}

/**
 * Loads every file; one that cannot be loaded (unreadable, binary, an invalid config) is
 * reported on stderr and the others are still loaded. `failed` says whether any was refused.
 */
export function loadCatalogs(paths: string[], configPath: string | undefined, io: Io): { loaded: LoadedCatalog[]; failed: boolean } {
  const loaded: LoadedCatalog[] = [];
  let failed = false;
  for (const path of paths) {
    try {
      loaded.push(loadCatalog(path, configPath));
    } catch (error) {
      reportInputError(io, error);
      failed = true;
    }
  }
  return { loaded, failed };
}

/** Reports one file's InputError as `catalog: reason` on stderr, so the run can go on with the next file; anything else is rethrown. */
export function reportInputError(io: Io, error: unknown): void {
  if (!(error instanceof InputError)) throw error;
  io.stderr(`catalog: ${error.message}\n`);
}
