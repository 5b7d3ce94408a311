import type { Command } from './command.js';
import { CHANGED_SINCE_HELP, lintFiles } from './lint.js';

export const checkCommand: Command = {
  name: 'check',
  usage: 'check [files]',
  summary: 'lint + format --check in one process (the pre-commit command).',
  optionHelp: [CHANGED_SINCE_HELP],
  options: ['format', 'config', 'quiet', 'changed-since'],
  run: (run) => lintFiles(run, true),
};
