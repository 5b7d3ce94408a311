import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_FILE_NAME, parseConfig } from '../catalog/load-config.js';
import type { Command } from './command.js';
import { InputError } from './errors.js';
import { displayPath, loadCatalog } from './load.js';

export const initCommand: Command = {
  name: 'init',
  usage: 'init [file]',
  summary: 'Write a starting catalog.config.json inferred from the tables of an existing list.',
  example: 'catalog init README.md',
  optionHelp: ['-c, --config FILE   write the config there (default: catalog.config.json next to the file); never overwrites'],
  options: ['config'],
  run: async ({ paths, values, io }) => {
    if (paths.length > 1) throw new InputError('init takes one markdown file');
    const path = paths[0]!;
    // Read as a list with no schema: whatever config lies around must not shape the inference.
    const { file, catalog: generic } = loadCatalog(path, undefined, { ignoreConfig: true });
    const target = resolve(values.config ?? join(dirname(path), CONFIG_FILE_NAME));
    const shownTarget = displayPath(target);
    // lint and format accept a file without tables (nothing to check); init has nothing to infer from it.
    if (generic.tables.length === 0) throw new InputError(`${file}: has no tables to infer a schema from (a table needs a header row and a delimiter row such as | --- |)`);
    // Loaded only here: the other commands start without the inference's code.
    const [{ inferConfig }, { initSummary }] = await Promise.all([import('../init/infer.js'), import('../init/summary.js')]);
    const inference = inferConfig(generic);
    if (inference.schemas.length === 0) throw new InputError(`${file}: no table to infer a schema from (${inference.skipped.map((skip) => skip.reason).join('; ')})`);
    const schemaFile = shippedSchema();
    const config = { ...(schemaFile ? { $schema: relativeReference(dirname(target), schemaFile) } : {}), ...inference.config };
    // It must load as written; a failure here is a bug of the inference, not a problem of the list.
    parseConfig(config, target);
    try {
      // `wx`: the write fails rather than replace a file that exists.
      writeFileSync(target, `${JSON.stringify(config, null, 2)}\n`, { flag: 'wx' });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') {
        throw new InputError(`${shownTarget} already exists; init never overwrites a config. Remove it to start over, or write another file with --config FILE`);
      }
      throw new InputError(`${shownTarget}: cannot write it (${code ?? String(error)})`);
    }
    io.stdout(initSummary(inference, shownTarget, file));
    return 'clean';
  },
};

/** catalog.schema.json as this package ships it (next to dist/, or to src/ when run from the sources). */
function shippedSchema(): string | null {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (let level = 0; level < 3; level++, folder = dirname(folder)) {
    const candidate = join(folder, 'catalog.schema.json');
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/** A path from the config's folder, as `$schema` takes it: `./catalog.schema.json`, `./node_modules/…`. */
function relativeReference(from: string, to: string): string {
  const path = relative(from, to).split('\\').join('/');
  return path.startsWith('.') ? path : `./${path}`;
}
