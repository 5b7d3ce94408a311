import { applyPatch, createTwoFilesPatch, diffLines } from 'diff';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/catalog/load-config.js';
import { changedLines, lineTokens } from '../../src/format/changed-lines.js';
import { cappedUnifiedDiff, unifiedDiff } from '../../src/format/diff.js';
import { formatSource } from '../../src/format/format.js';
import { longestCommonSubsequence } from '../../src/format/lcs.js';

// `format --check` prints jsdiff's diff of the whole file; `check` prints its first lines, and
// with many edits takes the diff block by block from the writer's edits. On random documents
// the first lines are the same as the whole diff's, and with many edits the diff still makes
// the formatted text, with as few changed lines as jsdiff's.

const config = parseConfig(
  {
    tables: [
      {
        name: 'methods',
        key: 'Name',
        sortBy: ['Name'],
        columns: [
          { name: 'Name' },
          { name: 'Framework', type: 'enumeration', values: ['PyTorch', 'JAX'], aliases: { torch: 'PyTorch' } },
          { name: 'Notes' },
        ],
      },
    ],
  },
  null,
);

const names = ['Alpa', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta', 'Eta', 'Theta', 'Iota', 'Kappa', 'Lambda', 'Mu'];
const row = fc.record({
  name: fc.constantFrom(...names),
  framework: fc.constantFrom('PyTorch', 'JAX', 'torch', ''),
  notes: fc.constantFrom('', 'fast', 'a note', 'same'),
  spaced: fc.constantFrom('|', ' | ', '  |  ', ' |'),
});
const table = fc.record({
  delimiter: fc.constantFrom('| --- | --- | --- |', '|---|---|---|', '| - | - | - |'),
  rows: fc.array(row, { maxLength: 14 }),
});
// Lines between tables: blank lines, prose, and lines that equal a table's own lines.
const between = fc.array(fc.constantFrom('', 'Some prose.', '| Name | Framework | Notes |', '| --- | --- | --- |', '## Another', '-- dashes'), {
  maxLength: 10,
});
const document = fc.record({
  toc: fc.boolean(),
  blocks: fc.array(fc.record({ heading: fc.constantFrom('## Methods', '## More methods', ''), between, table }), { minLength: 1, maxLength: 4 }),
  eol: fc.constantFrom('\n', '\r\n'),
  finalNewline: fc.boolean(),
});

function render(spec: typeof document extends fc.Arbitrary<infer T> ? T : never): string {
  const lines = ['# Catalog', ''];
  if (spec.toc) lines.push('<!-- catalog:toc -->', '- stale', '<!-- catalog:toc:end -->', '');
  for (const block of spec.blocks) {
    lines.push(...block.between, '');
    if (block.heading) lines.push(block.heading, '');
    lines.push('| Name | Framework | Notes |', block.table.delimiter);
    for (const { name, framework, notes, spaced } of block.table.rows) lines.push(`|${[name, framework, notes].map((cell) => ` ${cell} `).join(spaced)}|`.replace(/ {2,}\|$/u, ' |'));
  }
  return lines.join(spec.eol) + (spec.finalNewline ? spec.eol : '');
}

/** What `check` printed before it diffed by blocks: the first lines of the whole diff, and the changed lines after them. */
function firstLinesOf(patch: string, maxLines: number): { text: string; omitted: number } {
  const lines = patch.split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (lines.length <= maxLines) return { text: patch, omitted: 0 };
  return { text: `${lines.slice(0, maxLines).join('\n')}\n`, omitted: lines.slice(maxLines).filter((line) => /^[+-]/u.test(line)).length };
}

function formatted(source: string) {
  const result = formatSource('catalog.md', source, config);
  return { result, changed: changedLines(source, result.output, result.catalog.source, result.edits) };
}

describe('the diff of check', () => {
  it('is the whole-file diff of format --check, on random documents', async () => {
    await fc.assert(
      fc.asyncProperty(document, async (spec) => {
        const source = render(spec);
        const { result, changed } = formatted(source);
        if (result.output === source) return;
        const whole = createTwoFilesPatch('catalog.md', 'catalog.md', source, result.output, 'current', 'formatted');
        expect((await cappedUnifiedDiff('catalog.md', changed, Number.POSITIVE_INFINITY)).text).toBe(whole);
        expect(await cappedUnifiedDiff('catalog.md', changed, 60)).toEqual(firstLinesOf(whole, 60));
        expect(await cappedUnifiedDiff('catalog.md', changed, 12)).toEqual(firstLinesOf(whole, 12));
      }),
      { numRuns: 120 },
    );
  });

  it('with many edits, diffs block by block into a patch that makes the formatted text, on random documents', async () => {
    // A long table whose every row is re-spaced (hundreds of edits) beside the random document.
    const long = Array.from({ length: 120 }, (_, index) => `|  Long ${String(index).padStart(3, '0')}  |  JAX  |  n${index % 5}  |`);
    await fc.assert(
      fc.asyncProperty(document, fc.nat({ max: 119 }), fc.nat({ max: 119 }), async (spec, from, to) => {
        const rows = [...long];
        rows.splice(to, 0, ...rows.splice(from, 1));
        const source = `${render(spec)}\n\n## Long\n\n| Name | Framework | Notes |\n| --- | --- | --- |\n${rows.join('\n')}\n`;
        const { result, changed } = formatted(source);
        const { text, omitted } = await cappedUnifiedDiff('catalog.md', changed, Number.POSITIVE_INFINITY);
        expect(omitted).toBe(0);
        expect(applyPatch(source, text)).toBe(result.output);
        // After the four lines that name the file.
        const changes = (patch: string) => patch.split('\n').slice(4).filter((line) => /^[+-]/u.test(line)).length;
        const capped = await cappedUnifiedDiff('catalog.md', changed, 60);
        expect(capped.text).toBe(`${text.split('\n').slice(0, 60).join('\n')}\n`);
        expect(changes(capped.text) + capped.omitted).toBe(changes(text));
      }),
      { numRuns: 40 },
    );
  });

  it('finds the blocks from the edits; a refused table is no block, its cells unfixed', () => {
    // The second table has a row longer than its header: it is left as it is, byte for byte, fixes included.
    const source = '# T\n\n| Name | Framework | Notes |\n|---|---|---|\n| B | JAX | x |\n| A | torch | y |\n\nText.\n\n| Name | Framework | Notes |\n| --- | --- | --- |\n| C | torch | z | extra |\n';
    const { result, changed } = formatted(source);
    expect(result.refused).toHaveLength(1);
    expect(changed.blocks).toEqual([
      { before: 3, beforeEnd: 6, after: 3, afterEnd: 6 },
    ]);
  });

  it('on a table too changed for jsdiff to diff cheaply, is still a minimal diff that makes the formatted text', async () => {
    const rows = Array.from({ length: 400 }, (_, index) => `|  System ${String(index).padStart(3, '0')}  |  JAX  |  n${index % 7}  |`);
    // Every row re-spaced, and a few moved.
    for (let index = 0; index < 40; index += 4) [rows[index], rows[index + 150]] = [rows[index + 150]!, rows[index]!];
    const source = `# T\n\n| Name | Framework | Notes |\n| --- | --- | --- |\n${rows.join('\n')}\n\nAfter.\n`;
    const { result, changed } = formatted(source);
    const { text, omitted } = await cappedUnifiedDiff('catalog.md', changed, Number.POSITIVE_INFINITY);
    expect(omitted).toBe(0);
    expect(applyPatch(source, text)).toBe(result.output);
    const minimal = diffLines(source, result.output).reduce((sum, part) => sum + (part.added || part.removed ? part.count : 0), 0);
    expect(text.split('\n').filter((line) => /^[+-](?!\+\+ |-- )/u.test(line)).length).toBe(minimal);

    const capped = await cappedUnifiedDiff('catalog.md', changed, 60);
    expect(capped.text).toBe(`${text.split('\n').slice(0, 60).join('\n')}\n`);
    expect(capped.omitted).toBe(minimal - capped.text.split('\n').slice(4).filter((line) => /^[+-]/u.test(line)).length);
  });

  it('counts the changed lines of the tables it does not print, without printing them', async () => {
    const table = (rows: number) => Array.from({ length: rows }, (_, index) => `| S${index} |  JAX  | |`).join('\n');
    const source = `# T\n\n| Name | Framework | Notes |\n| --- | --- | --- |\n${table(80)}\n\n## B\n\n| Name | Framework | Notes |\n| --- | --- | --- |\n${table(30)}\n`;
    const { result, changed } = formatted(source);
    const capped = await cappedUnifiedDiff('catalog.md', changed, 60);
    const whole = await unifiedDiff('catalog.md', source, result.output);
    expect(capped).toEqual(firstLinesOf(whole, 60));
  });
});

describe('lineTokens', () => {
  it('splits as jsdiff does: \\n and \\r\\n end a line, a lone \\r does not', () => {
    expect(lineTokens('a\r\nb\rc\nd').lines).toEqual(['a\r\n', 'b\rc\n', 'd']);
    expect(lineTokens('a\n').lines).toEqual(['a\n']);
    expect(lineTokens('').lines).toEqual([]);
  });
});

describe('longestCommonSubsequence', () => {
  it('is as long as the longest, on random lists', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 12 }), fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 12 }), (a, b) => {
        const pairs = longestCommonSubsequence(a, b, Number.POSITIVE_INFINITY)!;
        for (const [index, [i, j]] of pairs.entries()) {
          expect(a[i]).toBe(b[j]);
          if (index > 0) {
            expect(i).toBeGreaterThan(pairs[index - 1]![0]);
            expect(j).toBeGreaterThan(pairs[index - 1]![1]);
          }
        }
        // The textbook table, for the length.
        const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
        for (let i = 1; i <= a.length; i++) {
          for (let j = 1; j <= b.length; j++) {
            lengths[i]![j] = a[i - 1] === b[j - 1] ? lengths[i - 1]![j - 1]! + 1 : Math.max(lengths[i - 1]![j]!, lengths[i]![j - 1]!);
          }
        }
        expect(pairs.length).toBe(lengths[a.length]![b.length]);
      }),
    );
  });

  it('gives up past the number of matching pairs it was allowed', () => {
    expect(longestCommonSubsequence(['x', 'x', 'x'], ['x', 'x'], 5)).toBeNull();
    expect(longestCommonSubsequence(['x', 'x', 'x'], ['x', 'x'], 6)).toHaveLength(2);
  });
});
