import { dirname, resolve } from 'node:path';
import type { CatalogConfig } from '../catalog/config.js';
import { ConfigError, loadConfig } from '../catalog/load-config.js';
import type { Catalog } from '../catalog/model.js';
import { readCatalog } from '../catalog/read.js';
import type { Command, CommandRun, Outcome } from './command.js';
import { InputError } from './errors.js';
import { displayPath, loadCatalog } from './load.js';
import { refuseInputAsOutput } from './output-paths.js';
import { writeOutput } from './write-output.js';

const FORMATS = ['stylish', 'json', 'markdown'] as const;

async function listChanges({ paths, values, io }: CommandRun): Promise<Outcome> {
  const { ChangedSinceError, textAtRef } = await import('../git/text-at-ref.js');
  const { commitOf, defaultSince, pathAtRevision } = await import('../git/revisions.js');
  const { catalogEntries } = await import('../changes/entries.js');
  const { compareEntries } = await import('../changes/compare.js');
  const { fileChanges } = await import('../changes/report.js');
  const folder = dirname(paths[0]!);
  const since = values.since ?? (await defaultSince(folder));
  if (since === null) throw new InputError(`changes: ${displayPath(folder)} is not in a git repository with commits; name the revisions with --since`);
  const until = values.until ?? null;
  const files = [];
  const inputs: string[] = [];
  try {
    for (const path of paths) {
      const file = displayPath(path);
      const later = until === null ? loadCatalog(path, values.config) : await catalogAt(path, until, values.config);
      inputs.push(path, ...(later.config.path === null ? [] : [later.config.path]));
      const earlier = readCatalog({ file, source: await textAtRef(path, since, '--since', await pathAtRevision(path, since)), config: later.config });
      const changes = compareEntries(catalogEntries(earlier), catalogEntries(later.catalog));
      files.push(fileChanges(file, changes, await permalinks(later.catalog, later.config)));
    }
  } catch (error) {
    if (error instanceof ChangedSinceError) throw new InputError(error.message);
    throw error;
  }
  const report = {
    version: 1 as const,
    since: { ref: since, commit: await commitOf(folder, since) },
    until: { ref: until, commit: until === null ? null : await commitOf(folder, until) },
    files,
  };
  const format = values.format ?? 'stylish';
  let text: string;
  if (format === 'json') text = `${JSON.stringify(report, null, 2)}\n`;
  else if (format === 'markdown') text = (await import('../changes/markdown.js')).changesMarkdown(report);
  else text = (await import('../changes/stylish.js')).changesStylish(report);
  if (values.output) {
    refuseInputAsOutput(resolve(values.output), inputs, '--output');
    writeOutput(values.output, text);
  } else io.stdout(text);
  return 'clean';
}

/** The file as it is at `ref`, read with the config that applies to it now. */
async function catalogAt(path: string, ref: string, configPath: string | undefined): Promise<{ catalog: Catalog; config: CatalogConfig }> {
  const { textAtRef } = await import('../git/text-at-ref.js');
  const { pathAtRevision } = await import('../git/revisions.js');
  let config: CatalogConfig;
  try {
    config = loadConfig(path, configPath);
  } catch (error) {
    if (error instanceof ConfigError) throw new InputError(`invalid config: ${error.message}`);
    throw error;
  }
  return { catalog: readCatalog({ file: displayPath(path), source: await textAtRef(path, ref, '--until', await pathAtRevision(path, ref)), config }), config };
}

/** Entries' places on the site, when the config says where it is published. */
async function permalinks(catalog: Catalog, config: CatalogConfig) {
  const url = config.site.url;
  if (url === null) return () => null;
  const { entryAnchors } = await import('../site/entry-anchors.js');
  const anchors = entryAnchors([catalog]);
  return ({ row }: { row: import('../catalog/model.js').Row }) => {
    const anchor = anchors.get(row);
    return anchor === undefined ? null : `${url}#${encodeURIComponent(anchor)}`;
  };
}

export const changesCommand: Command = {
  name: 'changes',
  usage: 'changes [files]',
  example: 'catalog changes --since v1.0 --format markdown catalog.md',
  summary: 'List the entries added, removed, moved, renamed and changed between two revisions.',
  optionHelp: [
    '--since REF       From this git revision (default: the last tag, else the first commit).',
    '--until REF       To this revision (default: the file as it is now).',
    '-f, --format NAME stylish, json or markdown (release notes).',
    '-o, --output FILE Write it to FILE instead.',
  ],
  options: ['since', 'until', 'format', 'output', 'config'],
  formats: FORMATS,
  run: listChanges,
};
