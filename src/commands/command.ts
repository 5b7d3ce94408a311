// What every command shares: the options of the command line, the streams it may write to, and
// the shape of a command (its usage, help lines and run function). cli.ts parses argv into these
// and turns a command's outcome into an exit code.
import type { ParseArgsConfig } from 'node:util';
import { parseArgs } from 'node:util';

/** Every option of every command; each command names the ones it accepts. */
export const OPTIONS = {
  format: { type: 'string', short: 'f' },
  config: { type: 'string', short: 'c' },
  check: { type: 'boolean' },
  'fix-redirects': { type: 'boolean' },
  'fix-papers': { type: 'boolean' },
  all: { type: 'boolean' },
  'changed-since': { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  cache: { type: 'string' },
  'no-cache': { type: 'boolean' },
  'no-registries': { type: 'boolean' },
  'allow-private': { type: 'boolean' },
  'report-md': { type: 'string' },
  timeout: { type: 'string' },
  output: { type: 'string', short: 'o' },
  out: { type: 'string' },
  force: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} satisfies ParseArgsConfig['options'];

export type OptionName = keyof typeof OPTIONS;
export type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>['values'];

export const REPORT_FORMATS = ['stylish', 'json', 'github', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The streams and environment of one run; the CLI passes the process's own. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
}

export interface CommandRun {
  /** The files named on the command line, resolved (the command's default when none was named). */
  paths: string[];
  values: Values;
  /** The report format: --format, else github inside GitHub Actions, else stylish. */
  format: ReportFormat;
  io: Io;
}

/**
 * `clean` is exit 0, `problems` exit 1, `failed` exit 2: a file could not be checked (its
 * reason is already on stderr), while the other files were. An input error that stops the
 * whole run is thrown as InputError (exit 2).
 */
export type Outcome = 'clean' | 'problems' | 'failed';

const OUTCOME_ORDER: readonly Outcome[] = ['clean', 'problems', 'failed'];

/** The worst of several outcomes: failed over problems over clean. */
export function worstOutcome(...outcomes: Outcome[]): Outcome {
  return outcomes.reduce((worst, outcome) => (OUTCOME_ORDER.indexOf(outcome) > OUTCOME_ORDER.indexOf(worst) ? outcome : worst), 'clean');
}

export interface Command {
  name: string;
  /** `lint [files]`: the first column of the help. */
  usage: string;
  summary: string;
  /** A command line that shows it at work, for `catalog <command> --help`. */
  example?: string;
  /** Help lines for the command's own options, indented under it. */
  optionHelp: string[];
  /** Options it accepts besides --help. */
  options: OptionName[];
  /**
   * The values its --format takes when they are not the report formats (the first is the
   * default); such a command reads `values.format` itself.
   */
  formats?: readonly string[];
  /** A usage mistake in the options that parseArgs cannot see, as a one-line reason. */
  validate?: (values: Values) => string | undefined;
  run: (run: CommandRun) => Promise<Outcome>;
}
