/** A file a report covers: its path as shown, the config it was checked with, and how many tables it has. */
export interface CheckedFile {
  file: string;
  /** The config file used, as shown to the user, or null for generic mode (no config found). */
  config: string | null;
  tables: number;
}

const GENERIC = 'none found (generic mode: table structure only)';

/** `Config: catalog.config.json`, naming each file when the files were checked with different configs. */
export function configLine(files: readonly CheckedFile[]): string {
  const configs = [...new Set(files.map((file) => file.config))];
  if (configs.length <= 1) return `Config: ${configs[0] ?? GENERIC}`;
  return `Config: ${files.map((file) => `${file.config ?? GENERIC} for ${file.file}`).join('; ')}`;
}

/** File → config used (null: none), for the machine-readable reports. */
export function configsByFile(files: readonly CheckedFile[]): Record<string, string | null> {
  return Object.fromEntries(files.map((file) => [file.file, file.config]));
}
