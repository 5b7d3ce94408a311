import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileSystemWorkspace } from '../../src/commands/workspace.js';
import { rules } from '../../src/rules/index.js';
import { expectedPlaces, FIXTURES, lint, places } from './lint-helpers.js';

// Each rule has a folder of fixtures: valid*.md must yield no diagnostic at all; invalid*.md
// lists every diagnostic it yields (of any rule) as `line:column rule-id` in an expect comment.
// Each is linted as the file it is, so relative links resolve against its folder.
const folders = readdirSync(FIXTURES, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);

describe('rule fixtures', () => {
  it('has a folder with valid and invalid fixtures for every rule', () => {
    for (const rule of rules) {
      expect(folders).toContain(rule.id);
      const files = readdirSync(`${FIXTURES}${rule.id}`);
      expect(files).toContain('valid.md');
      expect(files).toContain('invalid.md');
    }
  });

  for (const folder of folders) {
    describe(folder, () => {
      for (const file of readdirSync(`${FIXTURES}${folder}`).filter((name) => name.endsWith('.md'))) {
        const path = `${FIXTURES}${folder}/${file}`;
        const source = readFileSync(path, 'utf8');
        const lintFixture = () => lint(source, undefined, fileSystemWorkspace(path));
        if (file.startsWith('valid')) {
          it(`${file} yields no diagnostic`, () => {
            expect(places(lintFixture())).toEqual([]);
          });
        } else {
          it(`${file} yields exactly the expected diagnostics`, () => {
            const expected = expectedPlaces(source);
            expect(expected.some((place) => place.endsWith(` ${folder}`))).toBe(true);
            expect(places(lintFixture())).toEqual(expected);
          });
        }
      }
    });
  }
});
