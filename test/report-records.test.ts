// What `check`, `format --check` and `lint` print for every fixture, compared with a record of
// it: a change meant to make the commands faster must not change a byte of what they say.
// test/report-records/ mirrors test/fixtures/; each record holds the three runs of one fixture.
// A change that means to alter the output rewrites the records it touches with
// UPDATE_REPORT_RECORDS=1 (and the diff of the records shows what it altered).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const fixtures = join(repoRoot, 'test/fixtures');
const records = join(repoRoot, 'test/report-records');
const RUNS = [['check'], ['format', '--check'], ['lint']];

/** The records there are, as fixture paths relative to test/fixtures. */
function recordedFixtures(folder = records): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return recordedFixtures(path);
    return entry.name.endsWith('.md.txt') ? [relative(records, path).slice(0, -'.txt'.length)] : [];
  });
}

/** Every markdown fixture, relative to test/fixtures. */
function markdownFixtures(folder = fixtures): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return markdownFixtures(path);
    return entry.name.endsWith('.md') ? [relative(fixtures, path)] : [];
  });
}

async function runs(fixture: string): Promise<string> {
  const file = relative(process.cwd(), join(fixtures, fixture));
  const parts: string[] = [];
  for (const args of RUNS) {
    let stdout = '';
    let stderr = '';
    const status = await main([...args, file], { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env: {}, isTTY: false });
    parts.push(`$ catalog ${args.join(' ')} ${file}\nexit ${status}\n--- stdout\n${stdout}--- stderr\n${stderr}`);
  }
  return parts.join('\n');
}

const update = Boolean(process.env['UPDATE_REPORT_RECORDS']);
const recorded = recordedFixtures();

describe('what the commands print on each fixture', () => {
  it('has a record for the fixtures', () => {
    expect(recorded.length).toBeGreaterThan(50);
  });

  for (const fixture of update ? markdownFixtures() : recorded) {
    it(`is unchanged on ${fixture}`, async () => {
      const record = join(records, `${fixture}.txt`);
      const output = await runs(fixture);
      if (update) {
        mkdirSync(dirname(record), { recursive: true });
        writeFileSync(record, output);
      }
      expect(output).toBe(readFileSync(record, 'utf8'));
    });
  }
});
