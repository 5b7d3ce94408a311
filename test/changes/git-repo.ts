// A git repository made by a test, in a temporary folder: files written and committed at given dates.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestRepo {
  folder: string;
  git(...args: string[]): string;
  /** Writes the files and commits them at `date` (ISO 8601); returns the commit's SHA. */
  commit(message: string, date: string, files?: Record<string, string>): string;
  /** Merges `branch` into the current branch at `date`, taking its side of any conflict. */
  merge(branch: string, date: string): string;
  remove(): void;
}

export function testRepo(): TestRepo {
  const folder = mkdtempSync(join(tmpdir(), 'catalog-history-'));
  let date = '2026-01-01T00:00:00Z';
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', folder, '-c', 'user.name=test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
      encoding: 'utf8',
      stdio: 'pipe',
      env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    }).trim();
  git('init', '--quiet', '--initial-branch=main');
  return {
    folder,
    git: (...args) => git(...args),
    commit(message, when, files = {}) {
      date = when;
      for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
      git('add', '--all');
      git('commit', '--quiet', '--allow-empty', '-m', message);
      return git('rev-parse', 'HEAD');
    },
    merge(branch, when) {
      date = when;
      git('merge', '--quiet', '--no-ff', '--no-edit', '-X', 'theirs', branch);
      return git('rev-parse', 'HEAD');
    },
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}
