// When each entry came into the catalog: the first commit whose catalog holds a row with its
// identity (its key, or a link no two entries share, so a renamed entry keeps its date). The
// file's revisions are rebuilt from its patches, oldest first, and read incrementally: a row's
// identity depends only on its line and its table's header, so each distinct line is read once
// per header, all of them in one parse per header at the end. Which lines are rows of which
// table is worked out again only when something else than rows changed (a heading, the prose, a
// header), from the revision with each run of rows cut down to its first row, which remark
// reads as it reads the whole (the reader's skeleton relies on the same).
import type { CatalogConfig } from '../catalog/config.js';
import { readCatalog } from '../catalog/read.js';
import { isDelimiterLike } from '../catalog/skeleton.js';
import type { FileCommit } from '../git/file-history.js';
import { catalogEntries, identityTokens, type CatalogEntry } from './entries.js';

export interface Added {
  /** RFC 3339, UTC. */
  date: string;
  commit: string;
}

/** The table a run of rows belongs to, as the rows' identity needs it. */
interface TableContext {
  id: string;
  /** A document made of the table's header and delimiter, to which rows are appended to read them. */
  head: string;
  config: CatalogConfig;
}

/** What a revision's layout says: the table of each run of rows (null: not a table's rows), and the tokens of rows outside runs. */
interface Layout {
  runs: (TableContext | null)[];
  otherTokens: string[];
}

/** A row line seen in some commit, to be read under its table's header. */
type Sighting = { context: TableContext; line: string } | { tokens: string[] };

const RUN_MARK = '\u0000run';

/** What a line is to the layout, worked out once per line. */
const enum Kind {
  Other,
  /** May be a table's body row, which remark reads the same in any number of its like (a ">" in one could end an HTML block around it: checked where the run is no table's rows). */
  RowLike,
  Delimiter,
}

const kindOf = (line: string): Kind => (isDelimiterLike(line) ? Kind.Delimiter : /^ {0,3}\|/u.test(line) ? Kind.RowLike : Kind.Other);

/**
 * The date of each entry, from the commits that changed the file (oldest first): the first
 * commit, in history order, whose revision holds one of its identity tokens; null when no
 * commit holds it yet (a row not committed).
 */
export function addedDates(commits: FileCommit[], config: CatalogConfig): (entry: CatalogEntry) => Added | null {
  const lines: string[] = [];
  const kinds: Kind[] = [];
  const layouts = new Map<string, Layout>();
  const contexts = new Map<string, TableContext>();
  const sightings: { commit: number; sighting: Sighting }[] = [];
  // Lines already seen under their table: an earlier commit holds whatever they hold.
  const seen = new Map<TableContext, Set<string>>();
  let previousKey: string | null = null;

  commits.forEach((commit, commitIndex) => {
    const see = (sighting: Sighting) => sightings.push({ commit: commitIndex, sighting });
    const seeRow = (context: TableContext, line: string) => {
      let known = seen.get(context);
      if (!known) seen.set(context, (known = new Set()));
      if (known.has(line)) return;
      known.add(line);
      see({ context, line });
    };
    const addedAt = applyHunks(lines, kinds, commit);
    const { key, runs } = runsOf(lines, kinds);
    let layout = layouts.get(key);
    if (!layout) {
      layout = readLayout(lines, runs, config, contexts);
      layouts.set(key, layout);
    }
    // A run that is no table's rows (inside an HTML block, say) and holds a ">" may end that block: read this revision whole.
    const unsure = runs.some(([start, end], run) => layout.runs[run] === null && lines.slice(start, end).some((line) => line.includes('>')));
    if (unsure) {
      see({ tokens: catalogEntries(readCatalog({ file: 'revision.md', source: lines.join('\n'), config })).flatMap(identityTokens) });
      previousKey = null;
      return;
    }
    if (key === previousKey) {
      // Only the lines this commit wrote can hold something new.
      const runOf = new Int32Array(lines.length).fill(-1);
      runs.forEach(([start, end], run) => runOf.fill(run, start, end));
      for (const index of addedAt) {
        const context = runOf[index]! >= 0 ? layout.runs[runOf[index]!] : null;
        if (context) seeRow(context, lines[index]!);
      }
    } else {
      runs.forEach(([start, end], run) => {
        const context = layout.runs[run];
        if (context) for (let index = start; index < end; index++) seeRow(context, lines[index]!);
      });
      see({ tokens: layout.otherTokens });
    }
    previousKey = key;
  });

  const tokensOf = readSightings(sightings.map(({ sighting }) => sighting));
  // Token → index of the first commit that holds it.
  const firstCommit = new Map<string, number>();
  for (const { commit, sighting } of sightings) {
    const tokens = 'tokens' in sighting ? sighting.tokens : tokensOf(sighting.context, sighting.line);
    for (const token of tokens) if (!firstCommit.has(token)) firstCommit.set(token, commit);
  }
  return (entry) => {
    const first = Math.min(...identityTokens(entry).map((token) => firstCommit.get(token) ?? Infinity));
    const commit = commits[first];
    return commit ? { date: commit.date, commit: commit.commit } : null;
  };
}

/** Applies a commit's patch to the lines; returns the indexes of the lines it wrote. */
function applyHunks(lines: string[], kinds: Kind[], commit: FileCommit): number[] {
  const written: number[] = [];
  let shift = 0;
  for (const hunk of commit.hunks) {
    const start = (hunk.oldCount === 0 ? hunk.oldStart : hunk.oldStart - 1) + shift;
    replace(lines, start, hunk.oldCount, hunk.added);
    replace(kinds, start, hunk.oldCount, hunk.added.map(kindOf));
    for (let index = 0; index < hunk.added.length; index++) written.push(start + index);
    shift += hunk.added.length - hunk.oldCount;
  }
  return written;
}

/** `array.splice(start, count, ...items)`, for any number of items (a spread of very many overflows the stack). */
function replace<T>(array: T[], start: number, count: number, items: T[]): void {
  if (items.length <= 1000) {
    array.splice(start, count, ...items);
    return;
  }
  const tail = array.splice(start);
  for (const item of items) array.push(item);
  for (let index = count; index < tail.length; index++) array.push(tail[index]!);
}

/**
 * The revision's layout key (every line that is not a plain body row, and a mark per run of
 * them) and the runs as [start, end) line indexes. A run's rows are plain rows with one indent.
 */
function runsOf(lines: string[], kinds: Kind[]): { key: string; runs: [number, number][] } {
  const pieces: string[] = [];
  const runs: [number, number][] = [];
  let runIndent: string | null = null;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    // A row-like line above a delimiter row is a header: part of the layout.
    const member = kinds[index] === Kind.RowLike && kinds[index + 1] !== Kind.Delimiter;
    if (!member) {
      runIndent = null;
      pieces.push(line);
      continue;
    }
    const indent = line.slice(0, line.indexOf('|'));
    if (indent === runIndent) {
      runs[runs.length - 1]![1] = index + 1;
      continue;
    }
    runIndent = indent;
    runs.push([index, index + 1]);
    pieces.push(`${RUN_MARK}${indent}`);
  }
  return { key: pieces.join('\n'), runs };
}

/** Reads the revision with each run cut down to its first row, to learn each run's table. */
function readLayout(lines: string[], runs: [number, number][], config: CatalogConfig, contexts: Map<string, TableContext>): Layout {
  const kept: string[] = [];
  const runAtLine = new Map<number, number>();
  let next = 0;
  runs.forEach(([start], run) => {
    kept.push(...lines.slice(next, start + 1));
    runAtLine.set(kept.length, run);
    next = runs[run]![1];
  });
  kept.push(...lines.slice(next));
  const catalog = readCatalog({ file: 'revision.md', source: kept.join('\n'), config });
  const layout: Layout = { runs: runs.map(() => null), otherTokens: [] };
  for (const table of catalog.tables) {
    const header = table.header.cells.map((cell) => cell.source);
    const id = `${table.schema?.name ?? ''}\u0000${header.join('\u0000')}`;
    let context = contexts.get(id);
    if (!context) {
      const head = `| ${header.join(' | ')} |\n|${' --- |'.repeat(header.length)}\n`;
      context = { id, head, config: { ...config, tables: table.schema ? [{ ...table.schema, headings: [] }] : [] } };
      contexts.set(id, context);
    }
    const entries = catalogEntries({ ...catalog, tables: [table] });
    table.rows.forEach((row, index) => {
      const run = runAtLine.get(row.line);
      if (run === undefined) layout.otherTokens.push(...identityTokens(entries[index]!));
      else layout.runs[run] = context;
    });
  }
  return layout;
}

/** Reads every distinct row line once per table, in one parse per table; returns the lookup. */
function readSightings(sightings: Sighting[]): (context: TableContext, line: string) => string[] {
  const byContext = new Map<TableContext, Map<string, string[]>>();
  for (const sighting of sightings) {
    if ('tokens' in sighting) continue;
    let read = byContext.get(sighting.context);
    if (!read) byContext.set(sighting.context, (read = new Map()));
    if (!read.has(sighting.line)) read.set(sighting.line, []);
  }
  for (const [context, read] of byContext) {
    const rows = [...read.keys()];
    const tokens = rowTokens(context, rows.map((line) => line.trimStart()));
    rows.forEach((line, index) => read.set(line, tokens[index]!));
  }
  return (context, line) => byContext.get(context)!.get(line)!;
}

/** The identity tokens of rows under the context's header; a row that does not read as one row on its own is read alone. */
function rowTokens(context: TableContext, rows: string[]): string[][] {
  const catalog = readCatalog({ file: 'rows.md', source: context.head + rows.join('\n'), config: context.config });
  const table = catalog.tables[0];
  if (rows.length > 1 && (catalog.tables.length !== 1 || table!.rows.length !== rows.length)) return rows.map((row) => rowTokens(context, [row])[0]!);
  const entries = catalogEntries(catalog);
  return rows.map((_, index) => (entries[index] ? identityTokens(entries[index]) : []));
}
