import type { Command, CommandRun, Outcome } from './command.js';
import { loadCatalogs } from './load.js';
import { writeOutput } from './write-output.js';

async function exportFiles({ paths, values, io }: CommandRun): Promise<Outcome> {
  const { loaded, failed } = loadCatalogs(paths, values.config, io);
  if (loaded.length === 0) return 'failed';
  const { exportCatalog } = await import('../export/catalog-json.js');
  const exported = loaded.map((file) => exportCatalog(file.catalog));
  const text = `${JSON.stringify(exported.length === 1 ? exported[0] : exported, null, 2)}\n`;
  if (values.output) writeOutput(values.output, text);
  else io.stdout(text);
  return failed ? 'failed' : 'clean';
}

export const exportCommand: Command = {
  name: 'export',
  usage: 'export [files]',
  summary: 'Print the catalog as JSON.',
  example: 'catalog export catalog.md > catalog.json',
  optionHelp: ['-o, --output FILE Write it to FILE instead.'],
  options: ['output', 'config'],
  run: exportFiles,
};
