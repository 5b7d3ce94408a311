// The command line: the only module that reads argv, writes to the process's stdout/stderr and
// picks exit codes. Each command lives in src/commands/<name>.ts; this file is their table.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import packageJson from '../package.json' with { type: 'json' };
import { OPTIONS, REPORT_FORMATS, type Command, type Io, type OptionName, type Outcome, type ReportFormat, type Values } from './commands/command.js';
import { InputError } from './commands/errors.js';
import { changesCommand } from './commands/changes.js';
import { exportCommand } from './commands/export.js';
import { formatCommand } from './commands/format.js';
import { initCommand } from './commands/init.js';
import { linksCommand } from './commands/links.js';
import { checkCommand, lintCommand } from './commands/lint.js';
import { papersCommand } from './commands/papers.js';
import { siteCommand } from './commands/site.js';
import { removeTemporaryFiles } from './format/atomic-write.js';

const EXIT_CODES: Record<Outcome | 'usage', number> = { clean: 0, problems: 1, failed: 2, usage: 2 };

const COMMANDS: Command[] = [initCommand, lintCommand, formatCommand, checkCommand, linksCommand, papersCommand, exportCommand, changesCommand, siteCommand];
const COMMAND_NAMES = COMMANDS.map((command) => command.name).join(', ');

/** The options every command may share, as the help shows them. */
const SHARED_OPTION_HELP: Partial<Record<OptionName, string>> = {
  format: '-f, --format NAME   Report format: stylish, json, github, sarif (github when GITHUB_ACTIONS=true).',
  config: '-c, --config FILE   Use this config instead of the nearest catalog.config.json.',
  quiet: '-q, --quiet         Report errors only (warnings do not change the exit code anyway).',
};

/** `catalog <command> --help`, `catalog help <command>`: its usage, options and an example. */
function commandHelp(command: Command): string {
  // A command that explains a shared option its own way (init's --config) keeps its line.
  const ownLine = (option: OptionName) => command.optionHelp.some((line) => line.includes(`--${option} `));
  const shared = command.options.flatMap((option) => (ownLine(option) ? [] : (SHARED_OPTION_HELP[option] ?? [])));
  const options = [...command.optionHelp, ...shared, '-h, --help          Show this help.'];
  return `Usage: catalog ${command.usage} [options]

${command.summary}

Options:
${options.map((line) => `  ${line}`).join('\n')}

Example:
  ${command.example ?? `catalog ${command.name}`}
`;
}

function helpText(): string {
  const commands = COMMANDS.flatMap((command) => [
    `  ${command.usage.padEnd(16)}  ${command.summary}`,
    ...command.optionHelp.map((line) => `    ${line}`),
  ]);
  return `Usage: catalog <command> [options] [files]

Lints, formats and link-checks the markdown tables of a catalog, and builds its website
(default file: catalog.md).

Commands:
${commands.join('\n')}

Options:
  ${SHARED_OPTION_HELP.format}
  ${SHARED_OPTION_HELP.config}
  ${SHARED_OPTION_HELP.quiet}
  -h, --help          Show this help (\`catalog <command> --help\` or \`catalog help <command>\`: that command's).
  -v, --version       Show the version.

Exit codes: 0 clean (a file without tables has nothing to check); 1 problems found (lint
errors, a file to reformat, a table left unformatted, dead links; for site, the site was not
built); 2 usage error, invalid config, unreadable file, failed proof or refused write (a
file changed meanwhile, read-only, an output that is an input). With several files, the worst
of them.
`;
}

export type { Io };

export async function main(argv: string[], io: Io): Promise<number> {
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true }));
  } catch (error) {
    // parseArgs explains an unknown option at length; the option's name is what helps.
    const unknown = /^Unknown option '([^']+)'/u.exec((error as Error).message);
    const reason = unknown ? `unknown option ${unknown[1]}` : (error as Error).message.replace(/\.$/u, '');
    io.stderr(`catalog: ${reason}. See \`catalog --help\`.\n`);
    return EXIT_CODES.usage;
  }
  if (values.version) {
    io.stdout(`${packageJson.version}\n`);
    return EXIT_CODES.clean;
  }
  const [name, ...files] = positionals;
  if (values.help || name === 'help') {
    const asked = name === 'help' ? files[0] : name;
    const command = COMMANDS.find((candidate) => candidate.name === asked);
    if (asked !== undefined && !command) {
      io.stderr(`catalog: unknown command "${asked}". Commands: ${COMMAND_NAMES}.\n`);
      return EXIT_CODES.usage;
    }
    io.stdout(command ? commandHelp(command) : helpText());
    return EXIT_CODES.clean;
  }
  if (!name) {
    io.stderr(`catalog: no command given. Commands: ${COMMAND_NAMES}. See \`catalog --help\`.\n`);
    return EXIT_CODES.usage;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr(`catalog: unknown command "${name}". Commands: ${COMMAND_NAMES}.\n`);
    return EXIT_CODES.usage;
  }
  const misplaced = (Object.keys(values) as OptionName[]).find((option) => option !== 'help' && !command.options.includes(option));
  if (misplaced) {
    io.stderr(`catalog: option --${misplaced} does not apply to "catalog ${name}". See \`catalog --help\`.\n`);
    return EXIT_CODES.usage;
  }
  const invalid = command.validate?.(values);
  if (invalid) {
    io.stderr(`catalog: ${invalid}. See \`catalog --help\`.\n`);
    return EXIT_CODES.usage;
  }
  const formats: readonly string[] = command.formats ?? REPORT_FORMATS;
  const format = values.format ?? (command.formats ? command.formats[0]! : io.env['GITHUB_ACTIONS'] === 'true' ? 'github' : 'stylish');
  if (!formats.includes(format)) {
    io.stderr(`catalog: unknown format "${format}". Formats: ${formats.join(', ')}.\n`);
    return EXIT_CODES.usage;
  }
  if (files.includes('-')) {
    io.stderr(`catalog: "-" (standard input) is not read: every command works on a file, for its config, its relative links and in-place writes; name the file (a file called - is ./-).\n`);
    return EXIT_CODES.usage;
  }
  const paths = (files.length > 0 ? files : ['catalog.md']).map((file) => resolve(file));
  try {
    return EXIT_CODES[await command.run({ paths, values, format: format as ReportFormat, io })];
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`catalog: ${error.message}\n`);
      return EXIT_CODES.usage;
    }
    io.stderr(`catalog: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT_CODES.usage;
  }
}

// Run when executed (the bundle's entry point), not when imported by tests.
if (process.argv[1] && import.meta.url.endsWith('/cli.js')) {
  // A reader that stops early (`catalog export | head`) is no error: the rest of the output is
  // dropped and the command still ends with its own exit code.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  // Ctrl-C or a CI job's cancellation: a write under way finishes or is undone (a signal is
  // handled between two steps of the code, not in the middle of a write), its temporary file is
  // removed, and the process then ends by that signal, as it would have without this handler.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      removeTemporaryFiles();
      process.kill(process.pid, signal);
    });
  }
  const code = await main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY),
  });
  process.exitCode = code;
}
