import type { Command } from './command.js';
import { lintFiles } from './lint.js';

export const checkCommand: Command = {
  name: 'check',
  usage: 'check [files]',
  summary: 'lint + format --check in one process (the pre-commit command).',
  optionHelp: [],
  options: ['format', 'config', 'quiet'],
  run: (run) => lintFiles(run, true),
};
